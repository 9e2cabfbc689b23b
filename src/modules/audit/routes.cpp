#include "modules/audit/routes.hpp"

#include "kit/errors.hpp"

#include "modules/accounts/policy.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/audit/store.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace vigie::audit {

namespace {

std::optional<std::int64_t> int_param(const http::Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v) return std::nullopt;
  std::int64_t out = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || p != v->data() + v->size() || out < 0)
    throw kit::Invalid({{name, "invalid", "A positive whole number is expected."}});
  return out;
}

}  // namespace

void register_routes(http::Router& router, db::Database& db) {
  router.add(
      "GET", "/api/v1/audit",
      [&db](http::Request& req) {
        const auto& who = req.actor();
        // Admitted for one of the two actions: the whole trail, or the organisation's own.
        std::optional<std::int64_t> owner;
        if (!accounts::allowed(who, "audit.read_all", kit::Relations{})) owner = who.org_id;
        const int limit =
            static_cast<int>(std::min<std::int64_t>(int_param(req, "limit").value_or(50), 200));
        auto rows = db.read([&](soci::session& s) {
          return store::list(s, owner, int_param(req, "before"), limit);
        });
        boost::json::array out;
        for (const auto& r : rows)
          out.push_back({{"seq", r.seq},
                         {"at", r.at},
                         {"actor", r.actor_email},
                         {"actor_organisation", r.actor_org},
                         {"organisation", r.owner_org},
                         {"action", r.action},
                         {"object_type", r.object_type},
                         {"object_id", r.object_id},
                         {"outcome", r.outcome},
                         {"request_id", r.request_id}});
        return http::Response::json(
            200, {{"entries", std::move(out)}, {"scope", owner ? "own_organisation" : "all"}});
      },
      {.action = "audit.read_all",
       .also = {"audit.read_own_organisation"},
       // The caller's own organisation's entries are always "own".
       .relation = accounts::own_relation});
}

}  // namespace vigie::audit
