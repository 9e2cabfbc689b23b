// The referential's edit, indicator and spreadsheet routes (see routes.hpp).
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "modules/plan/json_view.hpp"
#include "modules/plan/referential_table.hpp"
#include "modules/plan/routes.hpp"
#include "text/csv.hpp"
#include "text/json_fields.hpp"

namespace vigie::plan {

namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

std::optional<std::vector<std::string>> present_list(const boost::json::object& o,
                                                     std::string_view name) {
  if (const auto* v = o.if_contains(name); !v || !v->is_array()) return std::nullopt;
  return text::string_list_member(o, name);
}

std::optional<int> present_int(const boost::json::object& o, std::string_view name) {
  auto n = text::number_member(o, name);
  if (!n) return std::nullopt;
  // Out-of-range values become out-of-range weights, refused by the rules.
  return static_cast<int>(std::clamp(*n, -1.0, 1000.0));
}

ActionChange action_change(const boost::json::object& body) {
  ActionChange in;
  in.title = text::present_string_member(body, "title");
  in.deadline = text::present_string_member(body, "deadline");
  in.funding = text::present_string_member(body, "funding");
  in.official_text_url = text::present_string_member(body, "official_text_url");
  if (const auto* c = body.if_contains("cost_eur")) {
    if (c->is_null())
      in.cost_eur = "";
    else if (auto n = text::number_member(body, "cost_eur"))
      in.cost_eur = std::to_string(*n);
    else
      in.cost_eur = text::present_string_member(body, "cost_eur").value_or("?");
  }
  in.weight = present_int(body, "weight");
  in.pilots = present_list(body, "pilots");
  in.partners = present_list(body, "partners");
  return in;
}

http::Response table_download(const text::Table& rows, bool xlsx) {
  if (xlsx) {
    auto r =
        http::Response::text(200, text::write_xlsx("Plan", rows, numeric_columns()), kXlsxType);
    r.set_header("Content-Disposition", "attachment; filename=\"plan-referentiel.xlsx\"");
    return r;
  }
  return csv_attachment(rows, "plan-referentiel.csv");
}

text::Table read_upload(const http::Request& req) {
  try {
    if (req.media_type() == kXlsxType) return text::read_xlsx(req.body, 200'000);
    text::Table rows;
    text::CsvReader reader(req.body);
    while (auto record = reader.next()) rows.push_back(std::move(*record));
    return rows;
  } catch (const std::exception& e) {
    throw http::ProblemException(
        {422,
         "unreadable-file",
         "Unreadable file",
         std::string("The file could not be read as a spreadsheet: ") + e.what(),
         {}});
  }
}

}  // namespace

void register_referential_routes(http::Router& router, const accounts::Authenticator& auth,
                                 Service& plan) {
  const http::RouteOptions edit{
      .body_limit = 64 * 1024, .accepts = {"application/json"}, .action = "plan.manage"};

  router.add(
      "POST", "/api/v1/axes/{code}/measures",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        auto body = http::parse_json_object(req);
        MeasureInput in{text::string_member(body, "code"), text::string_member(body, "title_fr"),
                        text::string_member(body, "title_en"),
                        text::string_list_member(body, "pilots"),
                        text::present_string_member(body, "deadline")};
        auto m = plan.create_measure(who, req.param("code"), in, req.request_id);
        return http::Response::json(201, {{"code", m.code}});
      },
      edit);

  router.add(
      "PATCH", "/api/v1/measures/{code}",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        auto body = http::parse_json_object(req);
        MeasureChange in;
        in.title_fr = text::present_string_member(body, "title_fr");
        in.title_en = text::present_string_member(body, "title_en");
        in.weight = present_int(body, "weight");
        if (const auto* r = body.if_contains("retired"); r && r->is_bool())
          in.retired = r->as_bool();
        in.move = std::clamp(present_int(body, "move").value_or(0), -1, 1);
        plan.change_measure(who, req.param("code"), in, req.request_id);
        return http::Response::json(200, {{"code", req.param("code")}});
      },
      edit);

  router.add(
      "POST", "/api/v1/measures/{code}/actions",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        auto id = plan.add_action(who, req.param("code"),
                                  action_change(http::parse_json_object(req)), req.request_id);
        return http::Response::json(201, {{"id", id}});
      },
      edit);

  router.add(
      "PATCH", "/api/v1/actions/{id}",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        const auto id = req.id_param("id", "No action with this id.");
        plan.change_action(who, id, action_change(http::parse_json_object(req)), req.request_id);
        return http::Response::json(200, {{"id", id}});
      },
      edit);

  router.add(
      "POST", "/api/v1/measures/{code}/indicators",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        auto body = http::parse_json_object(req);
        IndicatorInput in;
        in.name = text::string_member(body, "name");
        in.unit = text::string_member(body, "unit");
        in.direction = text::string_member(body, "direction");
        in.target_date = text::string_member(body, "target_date");
        in.baseline = text::number_member(body, "baseline");
        in.target = text::number_member(body, "target");
        if (auto a = text::number_member(body, "action_id"))
          in.action_id = static_cast<std::int64_t>(*a);
        auto i = plan.create_indicator(who, req.param("code"), in, req.request_id);
        return http::Response::json(201, indicator_json(i));
      },
      edit);

  router.add("POST", "/api/v1/indicators/{id}/values",
             [&auth, &plan](http::Request& req) {
               auto who = auth.require_for_change(req);
               const auto id = req.id_param("id", "No indicator with this id.");
               auto body = http::parse_json_object(req);
               ValueInput in{text::string_member(body, "period"),
                             text::string_member(body, "source"),
                             text::number_member(body, "value")};
               auto v = plan.record_value(who, id, in, req.request_id);
               return http::Response::json(
                   201, {{"period", v.period}, {"value", number(v.value)}, {"source", v.source}});
             },
             {.body_limit = 16 * 1024, .accepts = {"application/json"}, .action = "plan.report"});

  for (const bool xlsx : {false, true})
    router.add("GET", xlsx ? "/api/v1/plan/export.xlsx" : "/api/v1/plan/export.csv",
               [&auth, &plan, xlsx](http::Request& req) {
                 require_plan_reader(auth, req);
                 auto rows = plan.export_table();
                 if (rows.empty())
                   throw http::ProblemException(http::not_found("No plan is loaded yet."));
                 return table_download(rows, xlsx);
               },
               {.action = "plan.read"});

  router.add(
      "POST", "/api/v1/plan/import",
      [&auth, &plan](http::Request& req) {
        auto who = auth.require_for_change(req);
        const bool apply = req.query_param("apply").value_or("") == "true";
        auto result = plan.import_table(who, read_upload(req), apply, req.request_id);
        if (!result.errors.empty()) {
          std::vector<http::FieldError> errors;
          for (const auto& e : result.errors)
            errors.push_back(
                {"rows/" + std::to_string(e.row) + (e.column.empty() ? "" : "/" + e.column),
                 "invalid",
                 e.message,
                 {{"row", e.row}, {"column", e.column}}});
          auto problem = http::unprocessable(std::move(errors));
          problem.detail = "Nothing was imported: correct the rows below and import again.";
          throw http::ProblemException(problem);
        }
        return http::Response::json(200, {{"applied", result.applied},
                                          {"measures_created", result.measures_created},
                                          {"measures_updated", result.measures_updated},
                                          {"actions_created", result.actions_created},
                                          {"actions_updated", result.actions_updated},
                                          {"rows_unchanged", result.rows_unchanged}});
      },
      {.body_limit = 5 * 1024 * 1024, .accepts = {kXlsxType, "text/csv"}, .action = "plan.manage"});
}

}  // namespace vigie::plan
