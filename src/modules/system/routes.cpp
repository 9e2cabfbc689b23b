#include "modules/system/routes.hpp"

#include "build_info.hpp"
#include "http/json_body.hpp"
#include "http/log_text.hpp"
#include "http/problem.hpp"
#include "modules/system/readiness.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <chrono>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace vigie::system {

namespace {

// A field of a report, short (the JSON log formatter escapes what it holds).
std::string clip(const boost::json::value* v) {
  if (!v || !v->is_string()) return "-";
  return http::loggable(std::string_view(v->as_string()), 200);
}

// CSP reports are anonymous: each address may have kPerMinute of them logged a minute, so a
// client cannot flood the log; the rest are counted and dropped.
class CspReportBudget {
 public:
  static constexpr int kPerMinute = 10;
  bool take(const std::string& remote) {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(mu_);
    if (now - window_start_ > std::chrono::minutes(1)) {
      window_start_ = now;
      used_.clear();
    }
    if (used_.size() > 10000 && !used_.contains(remote)) return false;  // bounded memory
    return ++used_[remote] <= kPerMinute;
  }

 private:
  std::mutex mu_;
  std::chrono::steady_clock::time_point window_start_ = std::chrono::steady_clock::now();
  std::unordered_map<std::string, int> used_;
};

// Browsers send either the legacy {"csp-report": {...}} or a Reporting API array. One log line
// per request whatever it holds: the first report, and how many others came with it.
void log_csp_report(const boost::json::value& body, const std::string& remote,
                    CspReportBudget& budget) {
  std::vector<const boost::json::object*> reports;
  if (body.is_object()) {
    if (const auto* inner = body.as_object().if_contains("csp-report"); inner && inner->is_object())
      reports.push_back(&inner->as_object());
  } else if (body.is_array()) {
    for (const auto& item : body.as_array())
      if (item.is_object())
        if (const auto* b = item.as_object().if_contains("body"); b && b->is_object())
          reports.push_back(&b->as_object());
  }
  if (reports.empty() || !budget.take(remote)) return;
  const auto& r = *reports.front();
  auto field = [&](const char* a, const char* b) {
    const auto* v = r.if_contains(a);
    return clip(v ? v : r.if_contains(b));
  };
  spdlog::warn("CSP violation: directive={} blocked={} document={}{}",
               field("violated-directive", "effectiveDirective"),
               field("blocked-uri", "blockedURL"), field("document-uri", "documentURL"),
               reports.size() > 1
                   ? " (and " + std::to_string(reports.size() - 1) + " more in the same request)"
                   : std::string());
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

  static CspReportBudget csp_budget;
  router.add("POST", "/api/v1/csp-reports",
             [](http::Request& req) {
               log_csp_report(http::parse_json_body(req), req.remote_address, csp_budget);
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
