#include "modules/plan/routes.hpp"

#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "modules/plan/json_view.hpp"
#include "text/csv.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

#include <cmath>

namespace vigie::plan {

accounts::SessionUser require_plan_reader(const accounts::Authenticator& auth,
                                          const http::Request& req) {
  auto who = auth.require(req);
  if (!accounts::allowed(accounts::caller_of(who), "plan.read", accounts::Relation::none))
    throw http::ProblemException({403, "forbidden", "Forbidden", "", {}});
  return who;
}

http::Response csv_attachment(const std::vector<std::vector<std::string>>& rows,
                              const std::string& filename) {
  auto r = http::Response::text(200, text::csv_document(rows), "text/csv; charset=utf-8");
  r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

namespace {

UpdateInput update_input(const boost::json::object& body) {
  UpdateInput in;
  in.status = text::string_member(body, "status");
  in.comment = text::string_member(body, "comment");
  in.reported_on = text::string_member(body, "reported_on");
  if (const auto* p = body.if_contains("progress"); p && p->is_int64())
    in.progress = static_cast<int>(std::clamp<std::int64_t>(p->as_int64(), -1, 101));
  // A non-text link stays in place as "", so that its error names its index.
  if (const auto* e = body.if_contains("evidence"); e && e->is_array())
    for (const auto& x : e->as_array())
      in.evidence.push_back(x.is_string() ? std::string(x.as_string()) : std::string());
  return in;
}

Plan require_tree(Service& plan) {
  auto t = plan.tree();
  if (!t) throw http::ProblemException(http::not_found("No plan is loaded yet."));
  return *t;
}

}  // namespace

void register_routes(http::Router& router, const accounts::Authenticator& auth, Service& plan) {
  router.add("GET", "/api/v1/plan",
             [&auth, &plan](http::Request& req) {
               require_plan_reader(auth, req);
               return http::Response::json(200, tree_json(require_tree(plan), true));
             },
             {.action = "plan.read"});

  router.add("GET", "/api/v1/public/plan", [&plan](http::Request&) {
    return http::Response::json(200, tree_json(require_tree(plan), false));
  });

  router.add("GET", "/api/v1/measures/{code}",
             [&auth, &plan](http::Request& req) {
               require_plan_reader(auth, req);
               auto d = plan.measure(req.param("code"));
               if (!d) throw http::ProblemException(http::not_found("No measure with this code."));
               auto o = measure_json(d->measure, true);
               o["axis"] = d->axis_code;
               boost::json::array history;
               for (const auto& [action_id, u] : d->history) {
                 auto h = update_json(u, true);
                 h["action_id"] = action_id;
                 history.push_back(std::move(h));
               }
               o["history"] = std::move(history);
               boost::json::array indicators;
               for (const auto& i : plan.indicators(d->measure.code))
                 indicators.push_back(indicator_json(i));
               o["indicators"] = std::move(indicators);
               return http::Response::json(200, o);
             },
             {.action = "plan.read"});

  router.add("POST", "/api/v1/actions/{id}/updates",
             [&auth, &plan](http::Request& req) {
               auto who = auth.require_for_change(req);
               const auto id = req.id_param("id", "No action with this id.");
               const auto in = update_input(http::parse_json_object(req));
               auto u = plan.report(who, id, in, req.request_id);
               return http::Response::json(201, update_json(u, true));
             },
             {.body_limit = 32 * 1024, .accepts = {"application/json"}, .action = "plan.report"});

  router.add("POST", "/api/v1/updates",
             [&auth, &plan](http::Request& req) {
               auto who = auth.require_for_change(req);
               auto body = http::parse_json_object(req);
               std::vector<ActionUpdate> updates;
               if (const auto* list = body.if_contains("updates"); list && list->is_array())
                 for (const auto& item : list->as_array()) {
                   static const boost::json::object empty;
                   const auto& o = item.is_object() ? item.as_object() : empty;
                   const auto id = text::number_member(o, "action_id").value_or(0);
                   updates.push_back({static_cast<std::int64_t>(id), update_input(o)});
                 }
               boost::json::array out;
               for (const auto& u : plan.report_many(who, updates, req.request_id))
                 out.push_back(update_json(u, true));
               return http::Response::json(201, {{"updates", std::move(out)}});
             },
             {.body_limit = 512 * 1024, .accepts = {"application/json"}, .action = "plan.report"});

  register_referential_routes(router, auth, plan);
  register_campaign_routes(router, auth, plan);
}

}  // namespace vigie::plan
