// Reporting campaigns and "my reporting" (see routes.hpp).
#include "http/json_body.hpp"

#include "kit/errors.hpp"
#include "kit/input.hpp"
#include "modules/plan/json_view.hpp"
#include "modules/plan/referential_table.hpp"
#include "modules/plan/routes.hpp"

#include <map>

namespace vigie::plan {

namespace {

boost::json::object owed_json(const OwedAction& a) {
  boost::json::object o{
      {"action_id", a.action_id},         {"measure", a.measure_code},
      {"measure_title", a.measure_title}, {"measure_title_en", a.measure_title_en},
      {"title", a.action_title},          {"pilots", strings(a.pilots)}};
  o["reported_at"] = a.reported_at ? boost::json::value(*a.reported_at) : nullptr;
  return o;
}

boost::json::object campaign_json(const CampaignView& v, bool with_actions) {
  const auto& c = v.campaign;
  boost::json::object o{{"id", c.id},
                        {"label", c.label},
                        {"deadline", c.deadline},
                        {"opened_at", c.opened_at},
                        {"scope_all", c.scope_all},
                        {"measures", strings(c.measure_codes)},
                        {"reported", v.reported()},
                        {"total", v.actions.size()}};
  o["closed_at"] = c.closed_at ? boost::json::value(*c.closed_at) : nullptr;
  // Completion per pilot organisation: what each owes and has done.
  std::map<std::string, std::pair<int, int>> by_org;
  for (const auto& a : v.actions)
    for (const auto& p : a.pilots) {
      ++by_org[p].first;
      if (a.reported_at) ++by_org[p].second;
    }
  boost::json::array orgs;
  for (const auto& [org, n] : by_org)
    orgs.push_back({{"organisation", org}, {"owed", n.first}, {"reported", n.second}});
  o["by_organisation"] = std::move(orgs);
  if (with_actions) {
    boost::json::array actions;
    for (const auto& a : v.actions) actions.push_back(owed_json(a));
    o["actions"] = std::move(actions);
    if (!c.snapshot.empty()) o["snapshot"] = boost::json::parse(c.snapshot);
  }
  return o;
}

}  // namespace

void register_campaign_routes(http::Router& router, Service& plan) {
  router.add("GET", "/api/v1/campaigns",
             [&plan](http::Request&) {
               boost::json::array out;
               for (const auto& v : plan.campaigns.campaigns())
                 out.push_back(campaign_json(v, false));
               return http::Response::json(200, {{"campaigns", std::move(out)}});
             },
             {.action = "plan.read"});

  router.add(
      "POST", "/api/v1/campaigns",
      [&plan](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        CampaignInput c{in.optional_text("label", {.max_chars = 100'000}).value_or(""),
                        in.optional_text("deadline", {.max_chars = 32}).value_or(""),
                        in.optional_text_list("measures", {.max_chars = 64}, 1000)
                            .value_or(std::vector<std::string>{})};
        in.done();
        return http::Response::json(
            201, campaign_json(plan.campaigns.open_campaign(req.actor(), c), true));
      },
      {.body_limit = 32 * 1024, .accepts = {"application/json"}, .action = "plan.campaign_manage"});

  router.add("GET", "/api/v1/campaigns/{id}",
             [&plan](http::Request& req) {
               auto v = plan.campaigns.campaign(req.id_param("id", "No campaign with this id."));
               if (!v) throw kit::NotFound("No campaign with this id.");
               return http::Response::json(200, campaign_json(*v, true));
             },
             // Campaigns are not public: who may not read the plan may not learn their ids.
             {.action = "plan.read", .hide_refusal = true});

  router.add("GET", "/api/v1/campaigns/{id}/export.csv",
             [&plan](http::Request& req) {
               // ?lang=en for an English reader; French otherwise.
               auto e = plan.campaigns.export_table(req.id_param("id", "No campaign with this id."),
                                                    req.query_param("lang").value_or("fr"));
               return csv_attachment(e.rows, e.file_name, e.separator);
             },
             {.action = "plan.read", .hide_refusal = true});

  router.add("POST", "/api/v1/campaigns/{id}/close",
             [&plan](http::Request& req) {
               auto v = plan.campaigns.close_campaign(
                   req.actor(), req.id_param("id", "No campaign with this id."));
               return http::Response::json(200, campaign_json(v, true));
             },
             {.action = "plan.campaign_manage"});

  router.add("GET", "/api/v1/reporting/mine",
             [&plan](http::Request& req) {
               const auto& who = req.actor();
               boost::json::array out;
               for (const auto& v : plan.campaigns.owed_by(who.org_code))
                 if (!v.actions.empty()) out.push_back(campaign_json(v, true));
               return http::Response::json(
                   200, {{"organisation", who.org_code}, {"campaigns", std::move(out)}});
             },
             {.action = "plan.read"});
}

}  // namespace vigie::plan
