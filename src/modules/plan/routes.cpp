#include "modules/plan/routes.hpp"

#include "kit/errors.hpp"

#include "http/json_body.hpp"
#include "kit/errors.hpp"
#include "kit/input.hpp"
#include "modules/plan/json_view.hpp"
#include "text/csv.hpp"

#include <boost/json.hpp>

#include <cmath>

namespace vigie::plan {

http::Response csv_attachment(const std::vector<std::vector<std::string>>& rows,
                              const std::string& filename, char separator) {
  auto r =
      http::Response::text(200, text::csv_document(rows, separator), "text/csv; charset=utf-8");
  r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

namespace {

// Reads one update's members (types only: the service checks the rules, every error at once).
UpdateInput update_input(kit::Input& in) {
  UpdateInput u;
  u.status = in.optional_text("status", {.max_chars = 32}).value_or("");
  if (auto p = in.optional_int64("progress", {.min = -1'000'000, .max = 1'000'000}))
    u.progress = static_cast<int>(*p);
  u.comment = in.optional_text("comment", {.max_chars = 1'000'000, .multiline = true}).value_or("");
  u.reported_on = in.optional_text("reported_on", {.max_chars = 32}).value_or("");
  // A non-text link stays in place as "", so that its error names its index.
  if (in.has("evidence")) {
    if (auto list = in.optional_text_list("evidence", {.max_chars = 100'000, .required = false}))
      u.evidence = *list;
    else
      u.evidence = {""};
  }
  return u;
}

Plan require_tree(Service& plan) {
  auto t = plan.reports.tree();
  if (!t) throw kit::NotFound("No plan is loaded yet.");
  return *t;
}

}  // namespace

void register_routes(http::Router& router, Service& plan) {
  router.add("GET", "/api/v1/plan",
             [&plan](http::Request&) {
               return http::Response::json(200, tree_json(require_tree(plan), true));
             },
             {.action = "plan.read"});

  router.add("GET", "/api/v1/public/plan",
             [&plan](http::Request&) {
               return http::Response::json(200, tree_json(require_tree(plan), false));
             },
             {.open = true});

  router.add("GET", "/api/v1/measures/{code}",
             [&plan](http::Request& req) {
               auto d = plan.reports.measure(req.param("code"));
               if (!d) throw kit::NotFound("No measure with this code.");
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
               for (const auto& i : plan.indicators.indicators(d->measure.code))
                 indicators.push_back(indicator_json(i));
               o["indicators"] = std::move(indicators);
               return http::Response::json(200, o);
             },
             {.action = "plan.read"});

  router.add("POST", "/api/v1/actions/{id}/updates",
             [&plan](http::Request& req) {
               const auto id = req.id_param("id", "No action with this id.");
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               const auto update = update_input(in);
               in.done();
               return http::Response::json(
                   201, update_json(plan.reports.report(req.actor(), id, update), true));
             },
             {.body_limit = 32 * 1024,
              .accepts = {"application/json"},
              .action = "plan.report",
              .relation = [&plan](const kit::Actor& who, const http::Request& req) {
                return plan.reports.relation_to_action(
                    who, req.id_param("id", "No action with this id."));
              }});

  router.add("POST", "/api/v1/updates",
             [&plan](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               std::vector<ActionUpdate> updates;
               for (auto* item : in.objects("updates", 500)) {
                 const auto id = item->optional_int64("action_id", {.min = 1}).value_or(0);
                 updates.push_back({id, update_input(*item)});
               }
               in.done();
               boost::json::array out;
               for (const auto& u : plan.reports.report_many(req.actor(), updates))
                 out.push_back(update_json(u, true));
               return http::Response::json(201, {{"updates", std::move(out)}});
             },
             // Each action named in the body is checked by the service.
             {.body_limit = 512 * 1024,
              .accepts = {"application/json"},
              .action = "plan.report",
              .per_item = true});

  register_referential_routes(router, plan);
  register_campaign_routes(router, plan);
}

}  // namespace vigie::plan
