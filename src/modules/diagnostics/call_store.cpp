#include "modules/diagnostics/call_store.hpp"

#include "db/row.hpp"
#include "text/json_fields.hpp"

#include <set>

namespace vigie::diagnostics::store {

namespace {

std::vector<std::pair<std::int64_t, std::string>> targets_of(soci::session& s, std::int64_t id) {
  long long v = id;
  std::vector<std::pair<std::int64_t, std::string>> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT org_id, org_code FROM diagnostic_call_targets WHERE call_id = :c "
                    "ORDER BY org_code",
       soci::use(v));
  for (const auto& r : rows) out.emplace_back(db::row_int(r, 0), db::row_text(r, 1));
  return out;
}

}  // namespace

std::int64_t insert_call(soci::session& s, const Call& c, std::int64_t opened_by) {
  long long id = 0, by = opened_by;
  const auto measures = text::string_array_json(c.measures);
  s << "INSERT INTO diagnostic_calls (label, deadline, measures, opened_by, opened_at) VALUES "
       "(:l, :d, :m, :b, :o) RETURNING id",
      soci::use(c.label), soci::use(c.deadline), soci::use(measures), soci::use(by),
      soci::use(c.opened_at), soci::into(id);
  for (const auto& [org_id, code] : c.targets) {
    long long o = org_id;
    s << "INSERT INTO diagnostic_call_targets (call_id, org_id, org_code) VALUES (:c, :o, :k)",
        soci::use(id), soci::use(o), soci::use(code);
  }
  return id;
}

std::optional<Call> find_call(soci::session& s, std::int64_t id) {
  long long v = id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, label, deadline, measures, opened_at, closed_at FROM "
                    "diagnostic_calls WHERE id = :i",
       soci::use(v));
  std::optional<Call> out;
  for (const auto& r : rows) {
    Call c;
    c.id = db::row_int(r, 0);
    c.label = db::row_text(r, 1);
    c.deadline = db::row_text(r, 2);
    c.measures = text::parse_string_array(db::row_text(r, 3));
    c.opened_at = db::row_text(r, 4);
    if (r.get_indicator(5) == soci::i_ok) c.closed_at = db::row_text(r, 5);
    out = std::move(c);
  }
  if (out) out->targets = targets_of(s, out->id);
  return out;
}

std::vector<Call> list_calls(soci::session& s) {
  std::vector<std::int64_t> ids;
  soci::rowset<soci::row> rows = (s.prepare << "SELECT id FROM diagnostic_calls ORDER BY id DESC");
  for (const auto& r : rows) ids.push_back(db::row_int(r, 0));
  std::vector<Call> out;
  for (auto id : ids) out.push_back(*find_call(s, id));
  return out;
}

void close_call(soci::session& s, std::int64_t id, const std::string& at) {
  long long v = id;
  s << "UPDATE diagnostic_calls SET closed_at = :a WHERE id = :i", soci::use(at), soci::use(v);
}

std::vector<std::pair<std::string, std::string>> answered(soci::session& s, const Call& c) {
  std::set<std::string> orgs, measures(c.measures.begin(), c.measures.end());
  for (const auto& [id, code] : c.targets) orgs.insert(code);
  const std::string until = c.closed_at.value_or("9999");
  std::vector<std::pair<std::string, std::string>> out;
  // Published then (a later version supersedes it, but the call was answered).
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT DISTINCT author_org_code, measure_code FROM diagnostics WHERE "
                    "published_at IS NOT NULL AND published_at >= :o AND published_at <= :u",
       soci::use(c.opened_at), soci::use(until));
  for (const auto& r : rows) {
    auto org = db::row_text(r, 0), measure = db::row_text(r, 1);
    if (orgs.contains(org) && measures.contains(measure)) out.emplace_back(org, measure);
  }
  return out;
}

bool record_notice(soci::session& s, std::int64_t call_id, const std::string& org,
                   const std::string& kind, const std::string& on) {
  long long c = call_id;
  // As plan::store::record_reminder: a concurrent pass inserts nothing and sends nothing.
  soci::statement insert =
      (s.prepare << "INSERT INTO diagnostic_call_notices (call_id, org_code, kind, sent_on) "
                    "VALUES (:c, :o, :k, :d) ON CONFLICT DO NOTHING",
       soci::use(c), soci::use(org), soci::use(kind), soci::use(on));
  insert.execute(true);
  return insert.get_affected_rows() == 1;
}

std::vector<std::string> notices_sent(soci::session& s, std::int64_t call_id,
                                      const std::string& org, const std::string& kind) {
  long long c = call_id;
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT sent_on FROM diagnostic_call_notices WHERE call_id = :c AND "
                    "org_code = :o AND kind = :k ORDER BY sent_on",
       soci::use(c), soci::use(org), soci::use(kind));
  for (const auto& r : rows) out.push_back(db::row_text(r, 0));
  return out;
}

}  // namespace vigie::diagnostics::store
