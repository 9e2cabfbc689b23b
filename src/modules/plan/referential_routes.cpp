// The referential's edit, indicator and spreadsheet routes (see routes.hpp).
#include "http/json_body.hpp"

#include "kit/errors.hpp"
#include "kit/input.hpp"
#include "kit/parse_slots.hpp"
#include "modules/plan/json_view.hpp"
#include "modules/plan/referential_table.hpp"
#include "modules/plan/routes.hpp"
#include "text/csv.hpp"
#include "text/xlsx.hpp"

#include <algorithm>

namespace vigie::plan {

namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

constexpr kit::IntRule kWide{.min = -1'000'000, .max = 1'000'000};  // the rules say the range

std::optional<int> small_int(kit::Input& in, std::string_view name) {
  auto n = in.optional_int64(name, kWide);
  if (!n) return std::nullopt;
  return static_cast<int>(*n);
}

// An action's members, each optional (absent: unchanged; "" or null clears a date or cost).
ActionChange action_change(const boost::json::object& body, kit::Input& in) {
  ActionChange c;
  c.title = in.optional_text("title", {.max_chars = 100'000});
  c.deadline = in.optional_text("deadline", {.max_chars = 32});
  c.funding = in.optional_text("funding", {.max_chars = 100'000});
  c.official_text_url = in.optional_text("official_text_url", {.max_chars = 100'000});
  // A cost is a number of euros, or text as a spreadsheet holds it; null clears it.
  if (const auto* v = body.if_contains("cost_eur")) {
    in.has("cost_eur");
    if (v->is_null())
      c.cost_eur = "";
    else if (v->is_int64())
      c.cost_eur = std::to_string(v->as_int64());
    else if (v->is_string())
      c.cost_eur = std::string(v->as_string());
    else
      in.error("cost_eur", "type", "Must be a whole number of euros.");
  }
  c.weight = small_int(in, "weight");
  c.pilots = in.optional_text_list("pilots", {.max_chars = 64});
  c.partners = in.optional_text_list("partners", {.max_chars = 200});
  return c;
}

http::Response table_download(const TableExport& e, bool xlsx) {
  if (xlsx) {
    auto r =
        http::Response::text(200, text::write_xlsx("Plan", e.rows, numeric_columns()), kXlsxType);
    r.set_header("Content-Disposition", "attachment; filename=\"" + e.file_name + "\"");
    return r;
  }
  return csv_attachment(e.rows, e.file_name, e.separator);
}

// The most cells an import reads (XLSX or CSV).
constexpr std::size_t kMaxImportCells = 200'000;

text::Table read_upload(const http::Request& req) {
  try {
    if (req.media_type() == kXlsxType) return text::read_xlsx(req.body, kMaxImportCells);
    // The same cap for CSV: a body of short cells would otherwise make a table many times its
    // size (32 bytes a cell at least).
    text::Table rows;
    text::CsvReader reader(req.body);
    std::size_t cells = 0;
    while (auto record = reader.next()) {
      cells += std::max<std::size_t>(record->size(), 1);
      if (cells > kMaxImportCells) throw text::CsvError("the file has too many cells");
      rows.push_back(std::move(*record));
    }
    return rows;
  } catch (const text::XlsxError& e) {
    // Our own reader's words, written for the user; nothing else's text reaches a response.
    throw kit::DomainError(kit::DomainError::Kind::invalid, "unreadable-file",
                           std::string("The file could not be read as a spreadsheet: ") + e.what());
  } catch (const text::CsvError& e) {
    throw kit::DomainError(kit::DomainError::Kind::invalid, "unreadable-file",
                           std::string("The file could not be read as a spreadsheet: ") + e.what());
  }
}

}  // namespace

void register_referential_routes(http::Router& router, Service& plan) {
  const http::RouteOptions edit{
      .body_limit = 64 * 1024, .accepts = {"application/json"}, .action = "plan.manage"};

  router.add(
      "POST", "/api/v1/axes/{code}/measures",
      [&plan](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        MeasureInput m{
            in.optional_text("code", {.max_chars = 64}).value_or(""),
            in.optional_text("title_fr", {.max_chars = 100'000}).value_or(""),
            in.optional_text("title_en", {.max_chars = 100'000}).value_or(""),
            in.optional_text_list("pilots", {.max_chars = 64}).value_or(std::vector<std::string>{}),
            in.optional_text("deadline", {.max_chars = 32})};
        in.done();
        auto created = plan.referential.create_measure(req.actor(), req.param("code"), m);
        return http::Response::json(201, {{"code", created.code}});
      },
      edit);

  router.add(
      "PATCH", "/api/v1/measures/{code}",
      [&plan](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        MeasureChange c;
        c.title_fr = in.optional_text("title_fr", {.max_chars = 100'000});
        c.title_en = in.optional_text("title_en", {.max_chars = 100'000});
        c.weight = small_int(in, "weight");
        c.retired = in.optional_boolean("retired");
        c.move = static_cast<int>(in.optional_int64("move", {.min = -1, .max = 1}).value_or(0));
        in.done();
        plan.referential.change_measure(req.actor(), req.param("code"), c);
        return http::Response::json(200, {{"code", req.param("code")}});
      },
      edit);

  router.add(
      "POST", "/api/v1/measures/{code}/actions",
      [&plan](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        auto change = action_change(body, in);
        in.done();
        auto id = plan.referential.add_action(req.actor(), req.param("code"), change);
        return http::Response::json(201, {{"id", id}});
      },
      edit);

  router.add(
      "PATCH", "/api/v1/actions/{id}",
      [&plan](http::Request& req) {
        const auto id = req.id_param("id", "No action with this id.");
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        auto change = action_change(body, in);
        in.done();
        plan.referential.change_action(req.actor(), id, change);
        return http::Response::json(200, {{"id", id}});
      },
      edit);

  router.add(
      "POST", "/api/v1/measures/{code}/indicators",
      [&plan](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        IndicatorInput i;
        i.name = in.optional_text("name", {.max_chars = 100'000}).value_or("");
        i.unit = in.optional_text("unit", {.max_chars = 100'000}).value_or("");
        i.direction = in.optional_text("direction", {.max_chars = 32}).value_or("");
        i.target_date = in.optional_text("target_date", {.max_chars = 32}).value_or("");
        i.baseline = in.optional_decimal("baseline");
        i.target = in.optional_decimal("target");
        i.action_id = in.optional_int64("action_id", {.min = 1});
        in.done();
        return http::Response::json(201, indicator_json(plan.indicators.create_indicator(
                                             req.actor(), req.param("code"), i)));
      },
      edit);

  router.add("POST", "/api/v1/indicators/{id}/values",
             [&plan](http::Request& req) {
               const auto id = req.id_param("id", "No indicator with this id.");
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               ValueInput v{in.optional_text("period", {.max_chars = 32}).value_or(""),
                            in.optional_text("source", {.max_chars = 100'000}).value_or(""),
                            in.optional_decimal("value")};
               in.done();
               auto recorded = plan.indicators.record_value(req.actor(), id, v);
               return http::Response::json(201, {{"period", recorded.period},
                                                 {"value", number(recorded.value)},
                                                 {"source", recorded.source}});
             },
             {.body_limit = 16 * 1024,
              .accepts = {"application/json"},
              .action = "plan.report",
              .relation = [&plan](const kit::Actor& who, const http::Request& req) {
                return plan.indicators.relation_to_indicator(
                    who, req.id_param("id", "No indicator with this id."));
              }});

  for (const bool xlsx : {false, true})
    router.add("GET", xlsx ? "/api/v1/plan/export.xlsx" : "/api/v1/plan/export.csv",
               [&plan, xlsx](http::Request& req) {
                 // ?lang=en for an English reader; French otherwise.
                 return table_download(
                     plan.referential.export_table(req.query_param("lang").value_or("fr"),
                                                   xlsx ? "xlsx" : "csv"),
                     xlsx);
               },
               {.action = "plan.read"});

  router.add(
      "POST", "/api/v1/plan/import",
      [&plan](http::Request& req) {
        const bool apply = req.query_param("apply").value_or("") == "true";
        // The guard has admitted the caller: only now is the spreadsheet read,
        // in one of the process's few parse slots, kept while its table is in memory.
        const auto slot = kit::ParseSlots::spreadsheets().acquire();
        auto result = plan.referential.import_table(req.actor(), read_upload(req), apply);
        if (!result.errors.empty()) {
          kit::FieldErrors errors;
          for (const auto& e : result.errors)
            errors.push_back(
                {"rows/" + std::to_string(e.row) + (e.column.empty() ? "" : "/" + e.column),
                 "invalid",
                 e.message,
                 {{"row", e.row}, {"column", e.column}}});
          throw kit::Invalid(std::move(errors),
                             "Nothing was imported: correct the rows below and import again.");
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
