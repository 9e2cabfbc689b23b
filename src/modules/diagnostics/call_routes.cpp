// Diagnostic calls over HTTP (see routes.hpp).
#include "http/json_body.hpp"
#include "kit/input.hpp"
#include "modules/diagnostics/routes.hpp"

#include <boost/json.hpp>

#include <map>

namespace vigie::diagnostics {

namespace {

boost::json::object call_json(const CallView& v, bool details) {
  const auto& c = v.call;
  boost::json::array measures;
  for (const auto& m : c.measures) measures.push_back(boost::json::string(m));
  boost::json::object o{{"id", c.id},
                        {"label", c.label},
                        {"deadline", c.deadline},
                        {"measures", std::move(measures)},
                        {"opened_at", c.opened_at},
                        {"organisations", c.targets.size()},
                        {"owed", v.owed()},
                        {"answered", v.done()}};
  o["closed_at"] = c.closed_at ? boost::json::value(*c.closed_at) : nullptr;
  if (details) {
    boost::json::array by_org;
    for (const auto& [id, org] : c.targets) {
      boost::json::array done, owed;
      for (const auto& m : c.measures)
        (v.answered.contains({org, m}) ? done : owed).push_back(boost::json::string(m));
      by_org.push_back(
          {{"organisation", org}, {"answered", std::move(done)}, {"owed", std::move(owed)}});
    }
    o["by_organisation"] = std::move(by_org);
  }
  return o;
}

// The measures `org` still owes in the call (none when it was not asked, or the call closed).
boost::json::array owed_by(const CallView& v, const std::string& org) {
  boost::json::array out;
  if (v.call.closed_at) return out;
  bool asked = false;
  for (const auto& [id, code] : v.call.targets) asked |= code == org;
  if (!asked) return out;
  for (const auto& m : v.call.measures)
    if (!v.answered.contains({org, m})) out.push_back(boost::json::string(m));
  return out;
}

}  // namespace

void register_call_routes(http::Router& router, CallService& calls) {
  router.add("POST", "/api/v1/diagnostic-calls",
             [&calls](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               CallInput c{in.optional_text("label", {.max_chars = 100'000}).value_or(""),
                           in.optional_text("deadline", {.max_chars = 32}).value_or(""),
                           in.optional_text_list("measures", {.max_chars = 64}, 500)
                               .value_or(std::vector<std::string>{}),
                           in.optional_text_list("organisations", {.max_chars = 64}, 500)
                               .value_or(std::vector<std::string>{}),
                           in.optional_text_list("org_types", {.max_chars = 32}, 8)
                               .value_or(std::vector<std::string>{})};
               in.done();
               return http::Response::json(201, call_json(calls.open(req.actor(), c), true));
             },
             {.body_limit = 64 * 1024,
              .accepts = {"application/json"},
              .action = "diagnostic.call_manage"});

  router.add("GET", "/api/v1/diagnostic-calls",
             [&calls](http::Request& req) {
               boost::json::array out;
               for (const auto& v : calls.list()) {
                 auto o = call_json(v, false);
                 o["owed_by_my_organisation"] = owed_by(v, req.actor().org_code);
                 out.push_back(std::move(o));
               }
               return http::Response::json(200, {{"calls", std::move(out)}});
             },
             {.action = "diagnostic.read"});

  router.add("GET", "/api/v1/diagnostic-calls/{id}",
             [&calls](http::Request& req) {
               return http::Response::json(
                   200, call_json(calls.get(req.id_param("id", "No call with this id.")), true));
             },
             {.action = "diagnostic.read", .hide_refusal = true});

  router.add(
      "POST", "/api/v1/diagnostic-calls/{id}/close",
      [&calls](http::Request& req) {
        return http::Response::json(
            200,
            call_json(calls.close(req.actor(), req.id_param("id", "No call with this id.")), true));
      },
      {.body_limit = 1024, .accepts = {"application/json"}, .action = "diagnostic.call_manage"});
}

}  // namespace vigie::diagnostics
