// Indicators and their value entries.
#include "db/row.hpp"
#include "modules/plan/store.hpp"

#include <map>

namespace vigie::plan::store {

namespace {

constexpr const char* kIndicatorColumns =
    "i.id, m.code, i.action_id, i.name, i.unit, i.direction, i.baseline, i.target, i.target_date";

Indicator indicator_from(const soci::row& r) {
  Indicator i;
  i.id = db::row_int(r, 0);
  i.measure_code = db::row_text(r, 1);
  i.action_id = db::row_optional_int(r, 2);
  i.name = db::row_text(r, 3);
  i.unit = db::row_text(r, 4);
  i.direction = direction_from(db::row_text(r, 5)).value_or(Direction::up);
  i.baseline = db::row_optional_double(r, 6);
  i.target = db::row_optional_double(r, 7);
  if (r.get_indicator(8) == soci::i_ok) i.target_date = db::row_text(r, 8);
  return i;
}

void load_entries(soci::session& s, std::vector<Indicator>& indicators) {
  std::map<std::int64_t, Indicator*> by_id;
  for (auto& i : indicators) by_id[i.id] = &i;
  if (by_id.empty()) return;
  std::string ids;
  for (const auto& [id, _] : by_id) ids += (ids.empty() ? "" : ",") + std::to_string(id);
  // The ids are integers read from the database: safe to inline.
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT v.indicator_id, v.id, v.period, v.value, v.source, v.author_org, "
                    "v.created_at, v.author_user_id FROM plan_indicator_values v "
                    "WHERE v.indicator_id IN (" +
                        ids + ") ORDER BY v.period, v.id");
  for (const auto& r : rows) {
    IndicatorValue v;
    v.id = db::row_int(r, 1);
    v.period = db::row_text(r, 2);
    v.value = db::row_double(r, 3);
    v.source = db::row_text(r, 4);
    v.author_org = db::row_text(r, 5);
    v.created_at = db::row_text(r, 6);
    if (r.get_indicator(7) == soci::i_ok) v.author_user_id = db::row_int(r, 7);
    by_id.at(db::row_int(r, 0))->entries.push_back(std::move(v));
  }
}

}  // namespace

std::int64_t insert_indicator(soci::session& s, std::int64_t measure_id, const Indicator& i,
                              const std::string& at) {
  long long id = 0, mid = measure_id, aid = i.action_id.value_or(0);
  double baseline = i.baseline.value_or(0), target = i.target.value_or(0);
  std::string target_date = i.target_date.value_or("");
  soci::indicator aind = i.action_id ? soci::i_ok : soci::i_null,
                  bind = i.baseline ? soci::i_ok : soci::i_null,
                  tind = i.target ? soci::i_ok : soci::i_null,
                  dind = i.target_date ? soci::i_ok : soci::i_null;
  const std::string direction(to_string(i.direction));
  s << "INSERT INTO plan_indicators (measure_id, action_id, name, unit, direction, baseline, "
       "target, target_date, created_at) VALUES (:m, :a, :n, :u, :d, :b, :t, :td, :c) RETURNING "
       "id",
      soci::use(mid), soci::use(aid, aind), soci::use(i.name), soci::use(i.unit),
      soci::use(direction), soci::use(baseline, bind), soci::use(target, tind),
      soci::use(target_date, dind), soci::use(at), soci::into(id);
  return id;
}

std::vector<Indicator> measure_indicators(soci::session& s, const std::string& measure_code) {
  std::vector<Indicator> out;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kIndicatorColumns +
                          " FROM plan_indicators i JOIN plan_measures m ON m.id = i.measure_id "
                          "WHERE m.code = :c ORDER BY i.id",
         soci::use(measure_code));
    for (const auto& r : rows) out.push_back(indicator_from(r));
  }
  load_entries(s, out);
  return out;
}

std::optional<Indicator> find_indicator(soci::session& s, std::int64_t id) {
  long long v = id;
  std::vector<Indicator> out;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kIndicatorColumns +
                          " FROM plan_indicators i JOIN plan_measures m ON m.id = i.measure_id "
                          "WHERE i.id = :id",
         soci::use(v));
    for (const auto& r : rows) out.push_back(indicator_from(r));
  }
  if (out.empty()) return std::nullopt;
  load_entries(s, out);
  return out.front();
}

std::int64_t insert_indicator_value(soci::session& s, std::int64_t indicator_id,
                                    const IndicatorValue& v,
                                    std::optional<std::int64_t> author_user_id) {
  long long id = 0, iid = indicator_id, author = author_user_id.value_or(0);
  soci::indicator aind = author_user_id ? soci::i_ok : soci::i_null;
  double value = v.value;
  s << "INSERT INTO plan_indicator_values (indicator_id, period, value, source, author_user_id, "
       "author_org, created_at) VALUES (:i, :p, :v, :s, :u, :o, :c) RETURNING id",
      soci::use(iid), soci::use(v.period), soci::use(value), soci::use(v.source),
      soci::use(author, aind), soci::use(v.author_org), soci::use(v.created_at), soci::into(id);
  return id;
}

}  // namespace vigie::plan::store
