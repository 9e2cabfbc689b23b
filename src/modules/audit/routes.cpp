#include "modules/audit/routes.hpp"

#include "http/problem.hpp"
#include "modules/accounts/policy.hpp"
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
    throw http::ProblemException(
        http::unprocessable({{name, "invalid", "A positive whole number is expected."}}));
  return out;
}

}  // namespace

void register_routes(http::Router& router, db::Database& db, const accounts::Authenticator& auth) {
  router.add(
      "GET", "/api/v1/audit",
      [&db, &auth](http::Request& req) {
        auto who = auth.require(req);
        const auto caller = accounts::caller_of(who);
        std::optional<std::int64_t> owner;
        if (accounts::allowed(caller, "audit.read_all", accounts::Relation::none)) {
          owner = std::nullopt;
        } else if (accounts::allowed(caller, "audit.read_own_organisation",
                                     accounts::Relation::own_organisation)) {
          owner = who.organisation.id;
        } else {
          throw http::ProblemException({403,
                                        "forbidden",
                                        "Forbidden",
                                        "Your role does not give access to the audit trail.",
                                        {}});
        }
        const int limit =
            static_cast<int>(std::min<std::int64_t>(int_param(req, "limit").value_or(50), 200));
        auto rows = db.transact([&](soci::session& s) {
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
      {.action = "audit.read_all", .also = {"audit.read_own_organisation"}});
}

}  // namespace vigie::audit
