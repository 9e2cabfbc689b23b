#include "modules/field/routes.hpp"

#include "http/json_body.hpp"
#include "kit/errors.hpp"
#include "kit/input.hpp"
#include "kit/parse_slots.hpp"
#include "kit/rules.hpp"
#include "kit/territory.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/field/codes.hpp"
#include "modules/field/import.hpp"
#include "privacy/json.hpp"
#include "text/csv.hpp"
#include "text/xlsx.hpp"

#include <algorithm>

#include <boost/json.hpp>

#include <cmath>

namespace vigie::field {

namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.push_back(boost::json::string(s));
  return a;
}

boost::json::object record_json(const VictimRecord& r) {
  return {{"organisation", r.org_code},
          {"contact_year", r.contact_year},
          {"contact_month", r.contact_month},
          {"departement", r.departement},
          {"forms", strings(r.forms)},
          {"exploitation_departement", r.exploitation_departement},
          {"exploitation_country", r.exploitation_country},
          {"sector", r.sector},
          {"sex", r.sex},
          {"age_band", r.age_band},
          {"minor_at_contact", r.minor_at_contact},
          {"minor_at_exploitation", r.minor_at_exploitation},
          {"nationality", r.nationality},
          {"ilo_indicators", strings(r.ilo_indicators)},
          {"means_of_control", strings(r.means_of_control)},
          {"recruitment", strings(r.recruitment)},
          {"victim_status", r.victim_status},
          {"support", strings(r.support)},
          {"operation", r.operation},
          {"note", r.note},
          {"created_at", r.created_at}};
}

boost::json::object signal_json(const Signal& g) {
  boost::json::array transitions;
  for (const auto& t : g.transitions)
    transitions.push_back({{"from", t.from},
                           {"to", t.to},
                           {"at", t.at},
                           {"by_organisation", t.by_org},
                           {"by_user", t.by_user},
                           {"shared_with", strings(split_codes(t.shared_with))}});
  boost::json::array allowed;
  for (auto s : next_states(g.state)) allowed.push_back(boost::json::string(to_string(s)));
  return {{"id", g.id},
          {"organisation", g.org_code},
          {"week", g.week},
          {"territory", g.territory},
          {"forms", strings(g.forms)},
          {"kind", g.kind},
          {"severity", g.severity},
          {"description", g.description},
          {"state", to_string(g.state)},
          {"shared_with", strings(g.shared_with)},
          {"allowed_transitions", std::move(allowed)},
          {"created_at", g.created_at},
          {"updated_at", g.updated_at},
          {"transitions", std::move(transitions)}};
}

boost::json::value release_json(const std::optional<Release>& r) {
  if (!r) return nullptr;
  return {
      {"id", r->id}, {"frozen_at", r->frozen_at}, {"period", r->period}, {"records", r->records}};
}

RecordInput record_input(kit::Input& in) {
  RecordInput r;
  r.contact_year = in.optional_int64("contact_year", {.min = -100000, .max = 100000});
  r.contact_month = in.optional_int64("contact_month", {.min = -100000, .max = 100000});
  r.departement = in.optional_text("departement", {.max_chars = 16});
  r.forms = in.optional_text_list("forms", {.max_chars = 64}, 20);
  r.exploitation_departement = in.optional_text("exploitation_departement", {.max_chars = 16});
  r.exploitation_country = in.optional_text("exploitation_country", {.max_chars = 16});
  r.sector = in.optional_text("sector", {.max_chars = 64});
  r.sex = in.optional_text("sex", {.max_chars = 32});
  r.age_band = in.optional_text("age_band", {.max_chars = 16});
  r.minor_at_contact = in.optional_boolean("minor_at_contact");
  r.minor_at_exploitation = in.optional_text("minor_at_exploitation", {.max_chars = 16});
  r.nationality = in.optional_text("nationality", {.max_chars = 16});
  r.ilo_indicators = in.optional_text_list("ilo_indicators", {.max_chars = 64}, 20);
  r.means_of_control = in.optional_text_list("means_of_control", {.max_chars = 64}, 30);
  r.recruitment = in.optional_text_list("recruitment", {.max_chars = 64}, 20);
  r.victim_status = in.optional_text("victim_status", {.max_chars = 32});
  r.support = in.optional_text_list("support", {.max_chars = 64}, 20);
  r.operation = in.optional_text("operation", {.max_chars = 100});
  r.note = in.optional_text("note", {.max_chars = 100'000, .multiline = true, .required = false});
  return r;
}

std::optional<int> year_param(const http::Request& req) {
  const auto y = req.query_param("year");
  if (!y || y->empty()) return std::nullopt;
  if (auto n = kit::rules::whole_number(*y); n && *n >= 2000 && *n <= 2100)
    return static_cast<int>(*n);
  throw kit::Invalid({{"year", "out_of_range", "A year from 2000 to 2100."}});
}

std::size_t count_param(const http::Request& req, const char* name, std::size_t fallback) {
  const auto v = req.query_param(name);
  if (!v || v->empty()) return fallback;
  if (auto n = kit::rules::whole_number(*v); n && *n >= 0 && *n <= 1'000'000)
    return static_cast<std::size_t>(*n);
  throw kit::Invalid({{name, "invalid", "A whole number."}});
}

// The most cells an import reads (XLSX or CSV).
constexpr std::size_t kMaxImportCells = 5'000'000;

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
    throw kit::DomainError(kit::DomainError::Kind::invalid, "unreadable-file",
                           std::string("The file could not be read as a spreadsheet: ") + e.what());
  } catch (const text::CsvError& e) {
    throw kit::DomainError(kit::DomainError::Kind::invalid, "unreadable-file",
                           std::string("The file could not be read as a spreadsheet: ") + e.what());
  }
}

StatsQuery stats_query(const http::Request& req) {
  StatsQuery q;
  q.dimensions = split_codes(req.query_param("dims").value_or(""));
  // "a,b" as the API contract writes it; split_codes cuts at '|', so cut at ',' here.
  std::vector<std::string> dims;
  for (const auto& d : q.dimensions) {
    std::size_t start = 0;
    while (start <= d.size()) {
      auto end = d.find(',', start);
      if (end == std::string::npos) end = d.size();
      if (end > start) dims.push_back(d.substr(start, end - start));
      start = end + 1;
    }
  }
  q.dimensions = std::move(dims);
  q.year = year_param(req);
  q.mine = req.query_param("scope").value_or("") == "mine";
  return q;
}

boost::json::object stats_json(const StatsView& v) {
  auto o = privacy::table_to_json(v.table).as_object();
  o["release"] = release_json(v.release);
  o["controlled"] = v.controlled;
  o["scope"] = v.scope;
  return o;
}

// The controlled table as a spreadsheet: suppressed cells written "< 11", totals "total".
text::Table stats_table(const StatsView& v) {
  text::Table t;
  auto header = v.table.dimensions;
  header.push_back("value");
  t.push_back(header);
  for (const auto& c : v.table.cells) {
    std::vector<std::string> row;
    for (const auto& k : c.key) row.push_back(k ? *k : "total");
    row.push_back(c.value ? std::to_string(*c.value) : "< " + std::to_string(v.table.rules.k));
    t.push_back(std::move(row));
  }
  return t;
}

}  // namespace

void register_routes(http::Router& router, Service& field) {
  const auto own = accounts::own_relation;

  router.add(
      "POST", "/api/v1/field/records",
      [&field](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        auto input = record_input(in);
        in.done();
        return http::Response::json(201, record_json(field.create_record(req.actor(), input)));
      },
      {.body_limit = 64 * 1024, .accepts = {"application/json"}, .action = "field.record_write"});

  router.add(
      "GET", "/api/v1/field/records",
      [&field](http::Request& req) {
        const auto page =
            field.records(req.actor(), year_param(req), count_param(req, "limit", 200),
                          count_param(req, "offset", 0));
        boost::json::array out;
        for (const auto& r : page.records) out.push_back(record_json(r));
        return http::Response::json(200, {{"total", page.total}, {"records", std::move(out)}});
      },
      // Police and prefectures hold no rule for this action: no record reaches them.
      {.action = "field.record_read", .relation = own, .audit_refusal = true});

  router.add("GET", "/api/v1/field/reads",
             [&field](http::Request& req) {
               boost::json::array out;
               for (const auto& r : field.reads(req.actor()))
                 out.push_back({{"reader_organisation", r.reader_org_code},
                                {"reader_user", r.reader_user_id},
                                {"at", r.at},
                                {"records", r.records},
                                {"what", r.what}});
               return http::Response::json(200, {{"reads", std::move(out)}});
             },
             {.action = "field.reads_read", .relation = own});

  for (const bool xlsx : {false, true})
    router.add(
        "GET", xlsx ? "/api/v1/field/import/template.xlsx" : "/api/v1/field/import/template.csv",
        [xlsx](http::Request&) {
          const auto table = Service::import_template();
          http::Response r = xlsx ? http::Response::text(
                                        200,
                                        text::write_xlsx("Profils", table,
                                                         std::vector<bool>(table[0].size(), false)),
                                        kXlsxType)
                                  : http::Response::text(200, text::csv_document(table),
                                                         "text/csv; charset=utf-8");
          r.set_header("Content-Disposition",
                       std::string("attachment; filename=\"profils-modele.") +
                           (xlsx ? "xlsx" : "csv") + "\"");
          return r;
        },
        {.action = "field.record_write"});

  router.add("POST", "/api/v1/field/import",
             [&field](http::Request& req) {
               const bool check = req.query_param("check").value_or("") == "1";
               // The guard has admitted the caller: only now is the spreadsheet read,
               // in one of the process's few parse slots, kept while its table is in memory.
               const auto slot = kit::ParseSlots::spreadsheets().acquire();
               const auto result = field.import_records(req.actor(), read_upload(req), !check);
               if (!result.errors.empty()) {
                 kit::FieldErrors errors;
                 for (const auto& e : result.errors) {
                   auto details = e.details;
                   details["row"] = e.row;
                   details["column"] = e.column;
                   details["value"] = e.value;
                   errors.push_back(
                       {"rows/" + std::to_string(e.row) + (e.column.empty() ? "" : "/" + e.column),
                        e.code, e.message, std::move(details)});
                 }
                 throw kit::Invalid(
                     std::move(errors),
                     "Nothing was imported: correct the rows listed and import again.");
               }
               return http::Response::json(check ? 200 : 201,
                                           {{"rows", result.rows}, {"written", result.written}});
             },
             {.body_limit = 48 * 1024 * 1024,
              .accepts = {kXlsxType, "text/csv"},
              .action = "field.record_write"});

  router.add(
      "POST", "/api/v1/field/releases",
      [&field](http::Request& req) {
        return http::Response::json(201, release_json(field.freeze_release(req.actor())));
      },
      {.body_limit = 1024, .accepts = {"application/json"}, .action = "field.release_create"});

  router.add("GET", "/api/v1/field/stats",
             [&field](http::Request& req) {
               return http::Response::json(200,
                                           stats_json(field.stats(req.actor(), stats_query(req))));
             },
             {.action = "field.stats_read", .relation = own});

  router.add("GET", "/api/v1/field/stats.csv",
             [&field](http::Request& req) {
               const auto view = field.stats(req.actor(), stats_query(req));
               http::Response r = http::Response::text(200, text::csv_document(stats_table(view)),
                                                       "text/csv; charset=utf-8");
               r.set_header("Content-Disposition", "attachment; filename=\"profils-stats.csv\"");
               return r;
             },
             {.action = "field.stats_read", .relation = own});

  router.add("GET", "/api/v1/field/codes",
             [](http::Request&) {
               const auto& c = codes();
               boost::json::array deps;
               for (const auto& t : kit::territories())
                 if (t.level == kit::Territory::Level::departement)
                   deps.push_back({{"code", t.code}, {"name", t.name}});
               return http::Response::json(
                   200, {{"forms", strings(c.forms)},
                         {"sectors", strings(c.sectors)},
                         {"ilo_indicators", strings(c.ilo_indicators)},
                         {"means_of_control", strings(c.means_of_control)},
                         {"recruitment", strings(c.recruitment)},
                         {"victim_status", strings(c.victim_status)},
                         {"sex", strings(c.sex)},
                         {"age_bands", strings(c.age_bands)},
                         {"minor_at_exploitation", strings(c.minor_at_exploitation)},
                         {"support", strings(c.support)},
                         {"signal_kinds", strings(c.signal_kinds)},
                         {"severities", strings(c.severities)},
                         {"departements", std::move(deps)}});
             },
             {.action = "field.stats_read", .relation = own});

  router.add(
      "POST", "/api/v1/field/signals",
      [&field](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        SignalInput s;
        s.week = in.optional_text("week", {.max_chars = 16});
        s.territory = in.optional_text("territory", {.max_chars = 16});
        s.forms = in.optional_text_list("forms", {.max_chars = 64}, 20);
        s.kind = in.optional_text("kind", {.max_chars = 32});
        s.severity = in.optional_text("severity", {.max_chars = 32});
        s.description = in.optional_text("description", {.max_chars = 100'000, .multiline = true});
        // Not in.done(): the service answers these with its own rules' errors, all at once.
        s.read_errors = in.errors();
        return http::Response::json(201, signal_json(field.create_signal(req.actor(), s)));
      },
      {.body_limit = 64 * 1024, .accepts = {"application/json"}, .action = "field.signal_write"});

  router.add("GET", "/api/v1/field/signals",
             [&field](http::Request& req) {
               boost::json::array out;
               for (const auto& g : field.signals(req.actor())) out.push_back(signal_json(g));
               return http::Response::json(200, {{"signals", std::move(out)}});
             },
             {.action = "field.signal_read", .relation = own});

  router.add("GET", "/api/v1/field/alerts",
             [&field](http::Request& req) {
               boost::json::array out;
               for (const auto& a : field.alerts(req.actor()))
                 out.push_back({{"rule", a.rule},
                                {"departement", a.departement},
                                {"value", a.value},
                                {"threshold", std::round(a.threshold * 10) / 10},
                                {"day", a.day}});
               return http::Response::json(
                   200, {{"rules", {{"fr", kAlertRulesFr}, {"en", kAlertRulesEn}}},
                         {"alerts", std::move(out)}});
             },
             // Alerts count every organisation's profiles exactly: the coordinator's.
             {.action = "field.alerts_read"});

  router.add(
      "POST", "/api/v1/field/signals/{id}/transitions",
      [&field](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        const auto to = in.text("to", {.max_chars = 32});
        const auto with = in.optional_text_list("with", {.max_chars = 64}, 50);
        in.done();
        return http::Response::json(
            200,
            signal_json(field.transition(req.actor(), req.id_param("id", "No signal with this id."),
                                         to, with.value_or(std::vector<std::string>{}))));
      },
      {.body_limit = 16 * 1024,
       .accepts = {"application/json"},
       .action = "field.signal_transition",
       .relation =
           [&field](const kit::Actor& who, const http::Request& req) {
             return field.relation_to_signal(who, req.id_param("id", "No signal with this id."));
           },
       .hide_refusal = true});

  router.add(
      "GET", "/api/v1/field/notifications",
      [&field](http::Request& req) {
        boost::json::array out;
        int unread = 0;
        for (const auto& [g, read] : field.notifications(req.actor())) {
          auto o = signal_json(g);
          o["read"] = read;
          unread += read ? 0 : 1;
          out.push_back(std::move(o));
        }
        return http::Response::json(200, {{"unread", unread}, {"notifications", std::move(out)}});
      },
      {.action = "field.signal_read", .relation = own});
}

}  // namespace vigie::field
