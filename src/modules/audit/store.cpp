#include "modules/audit/store.hpp"

#include "db/row.hpp"
#include "modules/accounts/directory.hpp"

namespace vigie::audit::store {

std::vector<Row> list(soci::session& s, std::optional<std::int64_t> owner,
                      std::optional<std::int64_t> before, int limit) {
  long long owner_v = owner.value_or(0), before_v = before.value_or(0);
  int only_owner = owner ? 1 : 0, only_before = before ? 1 : 0;
  soci::rowset<soci::row> rows =
      (s.prepare
           << "SELECT a.seq, a.at, a.actor_user_id, a.actor_org_id, a.owner_org_id, "
              "a.action, a.object_type, a.object_id, a.outcome, a.request_id FROM audit_log a "
              "WHERE (:oo = 0 OR a.owner_org_id = :owner) AND (:ob = 0 OR a.seq < :before) "
              "ORDER BY a.seq DESC LIMIT :lim",
       soci::use(only_owner, "oo"), soci::use(owner_v, "owner"), soci::use(only_before, "ob"),
       soci::use(before_v, "before"), soci::use(limit, "lim"));
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
