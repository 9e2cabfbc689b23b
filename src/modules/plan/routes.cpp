#include "modules/plan/routes.hpp"

#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "modules/plan/rollup.hpp"
#include "text/csv.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

#include <cmath>

namespace vigie::plan {

namespace {

// Progress as a whole percent with one decimal at most, as JSON integers (Boost.JSON writes
// doubles in exponent form).
boost::json::value percent(double p) {
  const auto tenths = static_cast<std::int64_t>(std::lround(p * 10));
  if (tenths % 10 == 0) return tenths / 10;
  return boost::json::string(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
}

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.push_back(boost::json::string(s));
  return a;
}

boost::json::object update_json(const Update& u, bool with_comment) {
  boost::json::object o{{"status", to_string(u.status)},
                        {"reported_on", u.reported_on},
                        {"author_org", u.author_org}};
  if (u.progress)
    o["progress"] = *u.progress;
  else
    o["progress"] = nullptr;
  if (with_comment) {
    o["comment"] = u.comment;
    o["evidence"] = strings(u.evidence);
    o["created_at"] = u.created_at;
    if (!u.author_email.empty()) o["author"] = u.author_email;
  }
  return o;
}

boost::json::object action_json(const Action& a) {
  boost::json::object o{{"id", a.id},
                        {"title", a.title},
                        {"pilots", strings(a.pilots)},
                        {"partners", strings(a.partners)},
                        {"status", to_string(a.status)},
                        {"progress", percent(a.progress)},
                        {"overdue", a.overdue},
                        {"weight", a.weight},
                        {"funding", a.funding},
                        {"official_text_url", a.official_text_url}};
  o["deadline"] = a.deadline ? boost::json::value(*a.deadline) : nullptr;
  o["cost_eur"] = a.cost_eur ? boost::json::value(*a.cost_eur) : nullptr;
  o["latest"] = a.latest ? boost::json::value(update_json(*a.latest, true)) : nullptr;
  return o;
}

boost::json::object measure_json(const Measure& m, bool full) {
  boost::json::object o{{"code", m.code},
                        {"title", m.title_fr},
                        {"title_en", m.title_en},
                        {"status", to_string(m.status)},
                        {"progress", percent(m.progress)},
                        {"overdue", m.overdue},
                        {"retired", m.retired}};
  if (full) {
    boost::json::array actions;
    for (const auto& a : m.actions) actions.push_back(action_json(a));
    o["actions"] = std::move(actions);
    o["confidence"] = m.confidence;
    o["sources"] = strings(m.sources);
  }
  return o;
}

boost::json::object tree_json(const Plan& p, bool full) {
  boost::json::array axes;
  for (const auto& a : p.axes) {
    boost::json::array measures;
    for (const auto& m : a.measures)
      if (full || !m.retired) measures.push_back(measure_json(m, full));
    axes.push_back({{"code", a.code},
                    {"title", a.title_fr},
                    {"title_en", a.title_en},
                    {"progress", percent(a.progress)},
                    {"measures", std::move(measures)}});
  }
  return {{"code", p.code},
          {"title", p.title_fr},
          {"title_en", p.title_en},
          {"period", {{"start", p.period_start}, {"end", p.period_end}}},
          {"progress", percent(p.progress)},
          {"rule", {{"fr", kRollupRuleFr}, {"en", kRollupRuleEn}}},
          {"axes", std::move(axes)}};
}

void require_reader(const accounts::Authenticator& auth, const http::Request& req) {
  auto who = auth.require(req);
  if (!accounts::allowed(accounts::caller_of(who), "plan.read", accounts::Relation::none))
    throw http::ProblemException({403, "forbidden", "Forbidden", "", {}});
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
               require_reader(auth, req);
               return http::Response::json(200, tree_json(require_tree(plan), true));
             },
             {.action = "plan.read"});

  router.add("GET", "/api/v1/public/plan", [&plan](http::Request&) {
    return http::Response::json(200, tree_json(require_tree(plan), false));
  });

  router.add("GET", "/api/v1/measures/{code}",
             [&auth, &plan](http::Request& req) {
               require_reader(auth, req);
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
               return http::Response::json(200, o);
             },
             {.action = "plan.read"});

  router.add(
      "POST", "/api/v1/actions/{id}/updates",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        std::int64_t id = 0;
        try {
          id = std::stoll(req.param("id"));
        } catch (...) {
          throw http::ProblemException(http::not_found("No action with this id."));
        }
        auto body = http::parse_json_object(req);
        UpdateInput in;
        in.status = text::string_member(body, "status");
        in.comment = text::string_member(body, "comment");
        in.reported_on = text::string_member(body, "reported_on");
        if (const auto* p = body.if_contains("progress"); p && p->is_int64())
          in.progress = static_cast<int>(std::clamp<std::int64_t>(p->as_int64(), -1, 101));
        if (const auto* e = body.if_contains("evidence"); e && e->is_array())
          for (const auto& x : e->as_array())
            in.evidence.push_back(x.is_string() ? std::string(x.as_string()) : std::string());
        auto u = plan.report(who, id, in, req.request_id);
        return http::Response::json(201, update_json(u, true));
      },
      {.body_limit = 32 * 1024, .accepts = {"application/json"}, .action = "plan.report"});

  router.add("GET", "/api/v1/plan/export.csv",
             [&auth, &plan](http::Request& req) {
               require_reader(auth, req);
               auto t = require_tree(plan);
               std::string csv =
                   "\xEF\xBB\xBF" + text::csv_record({"axis", "measure", "measure_title",
                                                      "action_id", "action_title", "pilots",
                                                      "deadline", "status", "progress", "overdue"});
               for (const auto& a : t.axes)
                 for (const auto& m : a.measures)
                   for (const auto& ac : m.actions) {
                     std::string pilots;
                     for (const auto& p : ac.pilots) pilots += (pilots.empty() ? "" : " ") + p;
                     csv += text::csv_record(
                         {a.code, m.code, m.title_fr, std::to_string(ac.id), ac.title, pilots,
                          ac.deadline.value_or(""), std::string(to_string(ac.status)),
                          std::to_string(static_cast<int>(std::lround(ac.progress))),
                          ac.overdue ? "yes" : "no"});
                   }
               auto r = http::Response::text(200, std::move(csv), "text/csv; charset=utf-8");
               r.set_header("Content-Disposition", "attachment; filename=\"plan-2024-2027.csv\"");
               return r;
             },
             {.action = "plan.read"});
}

}  // namespace vigie::plan
