#include "modules/audit/store.hpp"

#include "db/row.hpp"

namespace vigie::audit::store {

std::vector<Row> list(soci::session& s, std::optional<std::int64_t> owner,
                      std::optional<std::int64_t> before, int limit) {
  long long owner_v = owner.value_or(0), before_v = before.value_or(0);
  int only_owner = owner ? 1 : 0, only_before = before ? 1 : 0;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT a.seq, a.at, u.email, ao.code, oo.code, a.action, a.object_type, "
                    "a.object_id, a.outcome, a.request_id FROM audit_log a "
                    "LEFT JOIN users u ON u.id = a.actor_user_id "
                    "LEFT JOIN organisations ao ON ao.id = a.actor_org_id "
                    "LEFT JOIN organisations oo ON oo.id = a.owner_org_id "
                    "WHERE (:oo = 0 OR a.owner_org_id = :owner) AND (:ob = 0 OR a.seq < :before) "
                    "ORDER BY a.seq DESC LIMIT :lim",
       soci::use(only_owner, "oo"), soci::use(owner_v, "owner"), soci::use(only_before, "ob"),
       soci::use(before_v, "before"), soci::use(limit, "lim"));
  std::vector<Row> out;
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_text(r, 5), db::row_text(r, 6), db::row_text(r, 7),
                   db::row_text(r, 8), db::row_text(r, 9)});
  return out;
}

}  // namespace vigie::audit::store
