#include "modules/audit/store.hpp"

#include "db/row.hpp"
#include "modules/accounts/directory.hpp"

namespace vigie::audit::store {

std::vector<Row> list(soci::session& s, const Query& q) {
  long long owner_v = q.owner.value_or(0), before_v = q.before.value_or(0);
  long long user_v = q.actor_user.value_or(0), org_v = q.actor_org.value_or(0);
  int only_owner = q.owner ? 1 : 0, only_before = q.before ? 1 : 0;
  int only_user = q.actor_user ? 1 : 0, only_org = q.actor_org ? 1 : 0;
  int only_prefix = q.prefixes.empty() ? 0 : 1, limit = q.limit;
  // Six LIKE patterns; the unused ones match nothing (no action holds a control character).
  std::vector<std::string> like(6, "\x01");
  for (std::size_t i = 0; i < q.prefixes.size() && i < like.size(); ++i)
    like[i] = q.prefixes[i] + "%";
  std::string from = q.from, to = q.to_before, outcome = q.outcome;
  soci::rowset<soci::row> rows =
      (s.prepare
           << "SELECT a.seq, a.at, a.actor_user_id, a.actor_org_id, a.owner_org_id, "
              "a.action, a.object_type, a.object_id, a.outcome, a.request_id FROM audit_log a "
              "WHERE (:oo = 0 OR a.owner_org_id = :owner) AND (:ob = 0 OR a.seq < :before) "
              "AND (:ou = 0 OR a.actor_user_id = :au) AND (:og = 0 OR a.actor_org_id = :ag) "
              "AND (:op = 0 OR a.action LIKE :p1 OR a.action LIKE :p2 OR a.action LIKE :p3 "
              "OR a.action LIKE :p4 OR a.action LIKE :p5 OR a.action LIKE :p6) "
              "AND (:f1 = '' OR a.at >= :f2) AND (:t1 = '' OR a.at < :t2) "
              "AND (:x1 = '' OR a.outcome = :x2) "
              "ORDER BY a.seq DESC LIMIT :lim",
       soci::use(only_owner, "oo"), soci::use(owner_v, "owner"), soci::use(only_before, "ob"),
       soci::use(before_v, "before"), soci::use(only_user, "ou"), soci::use(user_v, "au"),
       soci::use(only_org, "og"), soci::use(org_v, "ag"), soci::use(only_prefix, "op"),
       soci::use(like[0], "p1"), soci::use(like[1], "p2"), soci::use(like[2], "p3"),
       soci::use(like[3], "p4"), soci::use(like[4], "p5"), soci::use(like[5], "p6"),
       soci::use(from, "f1"), soci::use(from, "f2"), soci::use(to, "t1"), soci::use(to, "t2"),
       soci::use(outcome, "x1"), soci::use(outcome, "x2"), soci::use(limit, "lim"));
  std::vector<Row> out;
  auto id = [](const soci::row& r, std::size_t i) -> std::int64_t {
    return r.get_indicator(i) == soci::i_ok ? db::row_int(r, i) : 0;
  };
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), id(r, 2), id(r, 3), id(r, 4),
                   db::row_text(r, 5), db::row_text(r, 6), db::row_text(r, 7), db::row_text(r, 8),
                   db::row_text(r, 9)});
  // The directory names the people and organisations (one query each, never one per row).
  std::vector<std::int64_t> users, orgs;
  for (const auto& e : out) {
    if (e.actor_user_id) users.push_back(e.actor_user_id);
    if (e.actor_org_id) orgs.push_back(e.actor_org_id);
    if (e.owner_org_id) orgs.push_back(e.owner_org_id);
  }
  const auto emails = accounts::directory::emails(s, users);
  const auto codes = accounts::directory::organisation_codes(s, orgs);
  auto name = [](const std::map<std::int64_t, std::string>& m, std::int64_t k) {
    auto it = m.find(k);
    return it == m.end() ? std::string() : it->second;
  };
  for (auto& e : out) {
    e.actor_email = name(emails, e.actor_user_id);
    e.actor_org = name(codes, e.actor_org_id);
    e.owner_org = name(codes, e.owner_org_id);
  }
  return out;
}

}  // namespace vigie::audit::store
