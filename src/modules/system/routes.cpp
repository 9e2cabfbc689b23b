#include "modules/system/routes.hpp"

#include "build_info.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "modules/system/readiness.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace vigie::system {

namespace {

std::string clip(const boost::json::value* v) {
  if (!v || !v->is_string()) return "-";
  std::string s(v->as_string());
  if (s.size() > 200) s.resize(200);
  return s;
}

// Browsers send either the legacy {"csp-report": {...}} or a Reporting API array.
void log_csp_report(const boost::json::value& body) {
  auto log_one = [](const boost::json::object& r) {
    auto field = [&](const char* a, const char* b) {
      const auto* v = r.if_contains(a);
      return clip(v ? v : r.if_contains(b));
    };
    spdlog::warn("CSP violation: directive={} blocked={} document={}",
                 field("violated-directive", "effectiveDirective"),
                 field("blocked-uri", "blockedURL"), field("document-uri", "documentURL"));
  };
  if (body.is_object()) {
    if (const auto* inner = body.as_object().if_contains("csp-report"); inner && inner->is_object())
      log_one(inner->as_object());
  } else if (body.is_array()) {
    for (const auto& item : body.as_array())
      if (item.is_object())
        if (const auto* b = item.as_object().if_contains("body"); b && b->is_object())
          log_one(b->as_object());
  }
}

}  // namespace

void register_routes(http::Router& router, db::Database& db, const db::Migrator& migrator) {
  router.add("GET", "/healthz",
             [](http::Request&) {
               return http::Response::json(200, {{"status", "up"}});
             },
             {.blocking = false, .open = true});

  router.add("GET", "/readyz",
             [&db, &migrator](http::Request& req) {
               auto r = check_readiness(db, migrator);
               if (!r.ready()) {
                 auto p = http::service_unavailable(
                     !r.database_reachable
                         ? "The database does not answer."
                         : "The database schema is at version " + std::to_string(r.schema_version) +
                               ", expected " + std::to_string(r.schema_expected) + ".");
                 return p.to_response(req.request_id);
               }
               return http::Response::json(
                   200, {{"status", "ready"}, {"schema_version", r.schema_version}});
             },
             {.open = true});

  router.add("GET", "/api/v1/version",
             [](http::Request&) {
               return http::Response::json(
                   200, {{"name", build::kName}, {"version", build::kVersion}, {"api", "v1"}});
             },
             {.blocking = false, .open = true});

  router.add("POST", "/api/v1/csp-reports",
             [](http::Request& req) {
               log_csp_report(http::parse_json_body(req));
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 64 * 1024,
              .accepts = {"application/csp-report", "application/reports+json", "application/json"},
              .blocking = false,
              .open = true});
}

}  // namespace vigie::system
