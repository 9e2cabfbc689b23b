// Edits of the referential: measures renamed, reweighted, reordered or retired (never
// deleted), actions changed.
#include "db/row.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/plan/store.hpp"
#include "text/json_fields.hpp"

#include <algorithm>

namespace vigie::plan::store {

std::optional<MeasureRow> find_measure(soci::session& s, const std::string& code) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, axis_id, code, title_fr, title_en, position, weight, retired_at "
                    "FROM plan_measures WHERE code = :c",
       soci::use(code));
  for (const auto& r : rows)
    return MeasureRow{db::row_int(r, 0),
                      db::row_int(r, 1),
                      db::row_text(r, 2),
                      db::row_text(r, 3),
                      db::row_text(r, 4),
                      static_cast<int>(db::row_int(r, 5)),
                      static_cast<int>(db::row_int(r, 6)),
                      r.get_indicator(7) == soci::i_ok
                          ? std::optional<std::string>(db::row_text(r, 7))
                          : std::nullopt};
  return std::nullopt;
}

std::optional<std::int64_t> find_axis_id(soci::session& s, const std::string& code) {
  long long id = 0;
  s << "SELECT id FROM plan_axes WHERE code = :c", soci::use(code), soci::into(id);
  if (!s.got_data()) return std::nullopt;
  return id;
}

int next_measure_position(soci::session& s, std::int64_t axis_id) {
  long long aid = axis_id;
  int n = 0;
  soci::indicator ind;
  s << "SELECT MAX(position) FROM plan_measures WHERE axis_id = :a", soci::use(aid),
      soci::into(n, ind);
  return ind == soci::i_ok ? n + 1 : 1;
}

int next_action_position(soci::session& s, std::int64_t measure_id) {
  long long mid = measure_id;
  int n = 0;
  soci::indicator ind;
  s << "SELECT MAX(position) FROM plan_actions WHERE measure_id = :m", soci::use(mid),
      soci::into(n, ind);
  return ind == soci::i_ok ? n + 1 : 1;
}

void update_measure(soci::session& s, const MeasureRow& m) {
  long long id = m.id;
  std::string retired = m.retired_at.value_or("");
  soci::indicator rind = m.retired_at ? soci::i_ok : soci::i_null;
  s << "UPDATE plan_measures SET title_fr = :f, title_en = :e, weight = :w, retired_at = :r "
       "WHERE id = :id",
      soci::use(m.title_fr), soci::use(m.title_en), soci::use(m.weight), soci::use(retired, rind),
      soci::use(id);
}

bool move_measure(soci::session& s, const MeasureRow& m, int direction) {
  long long axis = m.axis_id, id = m.id, other = 0;
  int pos = m.position, other_pos = 0;
  const std::string sql =
      direction < 0 ? "SELECT id, position FROM plan_measures WHERE axis_id = :a AND position < "
                      ":p ORDER BY position DESC LIMIT 1"
                    : "SELECT id, position FROM plan_measures WHERE axis_id = :a AND position > "
                      ":p ORDER BY position LIMIT 1";
  s << sql, soci::use(axis), soci::use(pos), soci::into(other), soci::into(other_pos);
  if (!s.got_data()) return false;
  s << "UPDATE plan_measures SET position = :p WHERE id = :id", soci::use(other_pos), soci::use(id);
  s << "UPDATE plan_measures SET position = :p WHERE id = :id", soci::use(pos), soci::use(other);
  return true;
}

void update_action(soci::session& s, const Action& a) {
  long long id = a.id, cost = a.cost_eur.value_or(0);
  std::string deadline = a.deadline.value_or("");
  soci::indicator dind = a.deadline ? soci::i_ok : soci::i_null;
  soci::indicator cind = a.cost_eur ? soci::i_ok : soci::i_null;
  const std::string partners = text::string_array_json(a.partners);
  s << "UPDATE plan_actions SET title_fr = :t, weight = :w, deadline = :d, cost_eur = :c, "
       "funding = :f, official_text_url = :u, partners = :p WHERE id = :id",
      soci::use(a.title), soci::use(a.weight), soci::use(deadline, dind), soci::use(cost, cind),
      soci::use(a.funding), soci::use(a.official_text_url), soci::use(partners), soci::use(id);
  s << "DELETE FROM plan_action_pilots WHERE action_id = :id", soci::use(id);
  for (const auto& p : a.pilots)
    s << "INSERT INTO plan_action_pilots (action_id, org_code) VALUES (:a, :o)", soci::use(id),
        soci::use(p);
}

std::optional<std::string> action_measure_code(soci::session& s, std::int64_t action_id) {
  if (auto ref = find_action(s, action_id)) return ref->measure_code;
  return std::nullopt;
}

std::vector<std::string> known_pilot_codes(soci::session& s) {
  // The directory's organisations, and the pilots the reference data names.
  auto out = accounts::directory::organisation_codes(s);
  soci::rowset<soci::row> rows = (s.prepare << "SELECT DISTINCT org_code FROM plan_action_pilots");
  for (const auto& r : rows) out.push_back(db::row_text(r, 0));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace vigie::plan::store
