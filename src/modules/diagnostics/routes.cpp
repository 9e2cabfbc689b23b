#include "modules/diagnostics/routes.hpp"

#include "http/json_body.hpp"
#include "kit/errors.hpp"
#include "kit/input.hpp"
#include "kit/territory.hpp"
#include "modules/diagnostics/divergence.hpp"
#include "text/csv.hpp"
#include "text/export_language.hpp"
#include "text/xlsx.hpp"

#include <boost/json.hpp>

#include <cmath>

namespace vigie::diagnostics {

namespace {

boost::json::value optional_number(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 100.0) / 100.0;
}

boost::json::object diagnostic_json(const Diagnostic& d) {
  boost::json::array evidence;
  for (const auto& e : d.evidence)
    evidence.push_back(
        {{"url", e.url}, {"label", e.label}, {"figure", e.figure}, {"source", e.source}});
  boost::json::object o{{"id", d.id},
                        {"lineage_id", d.lineage_id},
                        {"version", d.version},
                        {"author_organisation", d.author_org_code},
                        {"author_type", d.author_org_type},
                        {"measure", d.measure_code},
                        {"territory", d.territory},
                        {"period", d.period},
                        {"rating", to_string(d.rating)},
                        {"strengths", d.strengths},
                        {"obstacles", d.obstacles},
                        {"recommendations", d.recommendations},
                        {"evidence", std::move(evidence)},
                        {"visibility", to_string(d.visibility)},
                        {"state", to_string(d.state)},
                        {"created_at", d.created_at},
                        {"updated_at", d.updated_at}};
  o["published_at"] = d.published_at ? boost::json::value(*d.published_at) : nullptr;
  o["superseded_at"] = d.superseded_at ? boost::json::value(*d.superseded_at) : nullptr;
  if (auto t = kit::territory(d.territory)) o["territory_name"] = t->name;
  return o;
}

boost::json::object message_json(const Message& m) {
  return {{"id", m.id},
          {"text", m.text},
          {"organisation", m.author_org_code},
          {"created_at", m.created_at}};
}

boost::json::object divergence_json(const Divergence& d) {
  return {{"score", optional_number(d.score)},
          {"flagged", d.flagged},
          {"official_level", optional_number(d.official_level)},
          {"field_median", optional_number(d.field_median)},
          {"organisations", d.organisations},
          {"actor_types", d.actor_types},
          {"rule", {{"fr", kRuleFr}, {"en", kRuleEn}}}};
}

boost::json::object official_json(const plan::MeasureSummary& m) {
  boost::json::object o{{"status", m.status}, {"progress", std::round(m.progress)}};
  o["last_report_on"] = m.last_report_on ? boost::json::value(*m.last_report_on) : nullptr;
  return o;
}

boost::json::array counts_json(const std::vector<RatingCount>& counts, bool territories) {
  boost::json::array out;
  for (const auto& c : counts) {
    boost::json::object ratings;
    for (auto r : {Rating::not_implemented, Rating::weak, Rating::partial, Rating::substantial,
                   Rating::effective, Rating::unknown})
      ratings[to_string(r)] = c.ratings[static_cast<std::size_t>(r)];
    boost::json::object o{{"key", c.key},
                          {"ratings", std::move(ratings)},
                          {"median", optional_number(c.median)},
                          {"organisations", c.organisations}};
    if (territories)
      if (auto t = kit::territory(c.key)) {
        o["name"] = t->name;
        o["level"] = t->level == kit::Territory::Level::departement ? "departement"
                     : t->level == kit::Territory::Level::region    ? "region"
                                                                    : "national";
      }
    out.push_back(std::move(o));
  }
  return out;
}

DiagnosticInput diagnostic_input(kit::Input& in) {
  DiagnosticInput d;
  d.measure = in.optional_text("measure", {.max_chars = 64});
  d.territory = in.optional_text("territory", {.max_chars = 16});
  d.period = in.optional_text("period", {.max_chars = 16});
  d.rating = in.optional_text("rating", {.max_chars = 32});
  d.strengths = in.optional_text("strengths", {.max_chars = 100'000, .multiline = true});
  d.obstacles = in.optional_text("obstacles", {.max_chars = 100'000, .multiline = true});
  d.recommendations =
      in.optional_text("recommendations", {.max_chars = 100'000, .multiline = true});
  d.visibility = in.optional_text("visibility", {.max_chars = 32});
  if (in.has("evidence")) {
    std::vector<Evidence> evidence;
    for (auto* item : in.objects("evidence", 100))
      evidence.push_back({item->optional_text("url", {.max_chars = 10'000}).value_or(""),
                          item->optional_text("label", {.max_chars = 10'000}).value_or(""),
                          item->optional_text("figure", {.max_chars = 10'000}).value_or(""),
                          item->optional_text("source", {.max_chars = 10'000}).value_or("")});
    d.evidence = std::move(evidence);
  }
  return d;
}

std::string text_member(const http::Request& req) {
  const auto body = http::parse_json_object(req);
  kit::Input in(body);
  auto text = in.optional_text("text", {.max_chars = 100'000, .multiline = true}).value_or("");
  in.done();
  return text;
}

Scope scope_of(const http::Request& req) {
  return {req.query_param("period"), req.query_param("territory"), req.query_param("actor_type"),
          req.query_param("axis")};
}

// The board as a reader of `lang` downloads it: headers, status, yes/no and decimals in that
// language (French by default, as the plan's exports). A spreadsheet's number cells take a
// decimal point whatever the language: `numbers` is the language of the decimals.
text::Table board_table(const std::vector<BoardRow>& rows, text::Lang lang, text::Lang numbers) {
  const bool en = lang == text::Lang::en;
  text::Table t{en ? std::vector<std::string>{"Measure", "Axis", "Title", "Official status",
                                              "Official progress (%)", "Field median (0-4)",
                                              "Divergence score", "Flagged", "Organisations",
                                              "Actor types", "Diagnostics"}
                   : std::vector<std::string>{"Mesure", "Axe", "Intitulé", "Statut officiel",
                                              "Avancement officiel (%)", "Médiane terrain (0-4)",
                                              "Score de divergence", "Signalée", "Organisations",
                                              "Types d'acteurs", "Diagnostics"}};
  for (const auto& r : rows)
    t.push_back({r.measure.code, r.measure.axis_code,
                 en && !r.measure.title_en.empty() ? r.measure.title_en : r.measure.title_fr,
                 plan::status_words(r.measure.status, lang),
                 std::to_string(static_cast<int>(std::round(r.measure.progress))),
                 text::decimal_label(r.divergence.field_median, numbers),
                 text::decimal_label(r.divergence.score, numbers),
                 std::string(text::yes_no_label(r.divergence.flagged, lang)),
                 std::to_string(r.divergence.organisations),
                 std::to_string(r.divergence.actor_types), std::to_string(r.diagnostics)});
  return t;
}

}  // namespace

void register_routes(http::Router& router, Service& diagnostics) {
  auto relation = [&diagnostics](const kit::Actor& who, const http::Request& req) {
    return diagnostics.relation_to_diagnostic(who,
                                              req.id_param("id", "No diagnostic with this id."));
  };
  const std::vector<std::string> readers{"diagnostic.read_draft", "diagnostic.read_restricted"};

  router.add(
      "POST", "/api/v1/diagnostics",
      [&diagnostics](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        auto input = diagnostic_input(in);
        in.done();
        return http::Response::json(201, diagnostic_json(diagnostics.create(req.actor(), input)));
      },
      {.body_limit = 256 * 1024, .accepts = {"application/json"}, .action = "diagnostic.create"});

  router.add("GET", "/api/v1/diagnostics",
             [&diagnostics](http::Request& req) {
               boost::json::array out;
               if (const auto q = req.query_param("q"); q && !q->empty()) {
                 for (const auto& r : diagnostics.search(req.actor(), *q)) {
                   auto o = diagnostic_json(r.diagnostic);
                   boost::json::array parts;
                   for (const auto& p : r.snippet)
                     parts.push_back({{"text", p.text}, {"hit", p.hit}});
                   o["match"] = {{"kind", r.kind}, {"snippet", std::move(parts)}};
                   out.push_back(std::move(o));
                 }
                 return http::Response::json(200, {{"diagnostics", std::move(out)}});
               }
               for (const auto& d : diagnostics.list(req.actor(), req.query_param("measure"),
                                                     req.query_param("territory"),
                                                     req.query_param("mine").value_or("") == "1"))
                 out.push_back(diagnostic_json(d));
               return http::Response::json(200, {{"diagnostics", std::move(out)}});
             },
             {.action = "diagnostic.read", .also = readers});

  router.add(
      "GET", "/api/v1/diagnostics/{id}",
      [&diagnostics](http::Request& req) {
        const auto v =
            diagnostics.get(req.actor(), req.id_param("id", "No diagnostic with this id."));
        auto o = diagnostic_json(v.diagnostic);
        boost::json::array versions, replies, comments;
        for (const auto& d : v.versions) versions.push_back(diagnostic_json(d));
        for (const auto& m : v.thread.replies) replies.push_back(message_json(m));
        for (const auto& m : v.thread.comments) comments.push_back(message_json(m));
        o["versions"] = std::move(versions);
        o["reply"] = v.thread.replies.empty()
                         ? boost::json::value(nullptr)
                         : boost::json::value(message_json(v.thread.replies.back()));
        o["replies"] = std::move(replies);
        o["comments"] = std::move(comments);
        return http::Response::json(200, o);
      },
      {.action = "diagnostic.read", .also = readers, .relation = relation, .hide_refusal = true});

  router.add("PATCH", "/api/v1/diagnostics/{id}",
             [&diagnostics](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               auto input = diagnostic_input(in);
               in.done();
               return http::Response::json(
                   200,
                   diagnostic_json(diagnostics.change(
                       req.actor(), req.id_param("id", "No diagnostic with this id."), input)));
             },
             // A diagnostic the caller may not see is a 404 already (its relation says so); one it
             // sees but may not change is a 403.
             {.body_limit = 256 * 1024,
              .accepts = {"application/json"},
              .action = "diagnostic.edit",
              .relation = relation});

  router.add("POST", "/api/v1/diagnostics/{id}/publish",
             [&diagnostics](http::Request& req) {
               return http::Response::json(
                   200, diagnostic_json(diagnostics.publish(
                            req.actor(), req.id_param("id", "No diagnostic with this id."))));
             },
             {.body_limit = 1024,
              .accepts = {"application/json"},
              .action = "diagnostic.edit",
              .relation = relation});

  router.add("POST", "/api/v1/diagnostics/{id}/reply",
             [&diagnostics](http::Request& req) {
               const auto text = text_member(req);
               return http::Response::json(
                   201, message_json(diagnostics.reply(
                            req.actor(), req.id_param("id", "No diagnostic with this id."), text)));
             },
             {.body_limit = 256 * 1024,
              .accepts = {"application/json"},
              .action = "diagnostic.reply",
              .relation = relation});

  router.add("POST", "/api/v1/diagnostics/{id}/comments",
             [&diagnostics](http::Request& req) {
               const auto text = text_member(req);
               return http::Response::json(
                   201, message_json(diagnostics.comment(
                            req.actor(), req.id_param("id", "No diagnostic with this id."), text)));
             },
             {.body_limit = 256 * 1024,
              .accepts = {"application/json"},
              .action = "diagnostic.comment",
              .relation = relation});

  router.add("GET", "/api/v1/diagnostics/notifications",
             [&diagnostics](http::Request& req) {
               const auto& who = req.actor();
               boost::json::array out;
               for (const auto& n : diagnostics.notifications(who))
                 out.push_back({{"id", n.id},
                                {"diagnostic", n.lineage_id},
                                {"kind", n.kind},
                                {"measure", n.measure_code},
                                {"created_at", n.created_at},
                                {"read", n.read}});
               return http::Response::json(
                   200, {{"unread", diagnostics.unread(who)}, {"notifications", std::move(out)}});
             },
             {.action = "diagnostic.read", .also = readers});

  router.add("POST", "/api/v1/diagnostics/notifications/read",
             [&diagnostics](http::Request& req) {
               diagnostics.mark_read(req.actor());
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 1024,
              .accepts = {"application/json"},
              .action = "diagnostic.read",
              .also = readers});

  router.add("GET", "/api/v1/measures/{code}/field-view",
             [&diagnostics](http::Request& req) {
               const auto v = diagnostics.field_view(req.actor(), req.param("code"), scope_of(req));
               boost::json::array list;
               for (const auto& d : v.diagnostics) list.push_back(diagnostic_json(d));
               return http::Response::json(200,
                                           {{"measure",
                                             {{"code", v.measure.code},
                                              {"axis", v.measure.axis_code},
                                              {"title_fr", v.measure.title_fr},
                                              {"title_en", v.measure.title_en},
                                              {"theme", v.measure.theme}}},
                                            {"official", official_json(v.measure)},
                                            {"period", v.period},
                                            {"territory", v.territory},
                                            {"by_actor_type", counts_json(v.by_actor_type, false)},
                                            {"by_territory", counts_json(v.by_territory, true)},
                                            {"trend", counts_json(v.trend, false)},
                                            {"divergence", divergence_json(v.divergence)},
                                            {"diagnostics", std::move(list)}});
             },
             {.action = "diagnostic.read", .also = readers});

  router.add("GET", "/api/v1/divergence",
             [&diagnostics](http::Request& req) {
               const auto scope = scope_of(req);
               boost::json::array out;
               for (const auto& r : diagnostics.board(req.actor(), scope)) {
                 auto o = divergence_json(r.divergence);
                 o.erase("rule");
                 o["code"] = r.measure.code;
                 o["axis"] = r.measure.axis_code;
                 o["title_fr"] = r.measure.title_fr;
                 o["title_en"] = r.measure.title_en;
                 o["theme"] = r.measure.theme;
                 o["official"] = official_json(r.measure);
                 o["diagnostics"] = r.diagnostics;
                 out.push_back(std::move(o));
               }
               return http::Response::json(200, {{"period", scope.period && !scope.period->empty()
                                                                ? *scope.period
                                                                : diagnostics.current_year()},
                                                 {"rule", {{"fr", kRuleFr}, {"en", kRuleEn}}},
                                                 {"measures", std::move(out)}});
             },
             {.action = "diagnostic.read", .also = readers});

  for (const bool xlsx : {false, true})
    router.add(
        "GET", xlsx ? "/api/v1/divergence.xlsx" : "/api/v1/divergence.csv",
        [&diagnostics, xlsx](http::Request& req) {
          // ?lang=en for an English reader; French otherwise.
          const auto lang = text::lang_of(req.query_param("lang").value_or("fr"));
          const auto table = board_table(diagnostics.board(req.actor(), scope_of(req)), lang,
                                         xlsx ? text::Lang::en : lang);
          http::Response r =
              xlsx ? http::Response::text(
                         200,
                         text::write_xlsx("Divergence", table,
                                          {false, false, false, false, true, true, true, false,
                                           true, true, true}),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                   : http::Response::text(200, text::csv_document(table, text::csv_separator(lang)),
                                          "text/csv; charset=utf-8");
          r.set_header("Content-Disposition", std::string("attachment; filename=\"divergence.") +
                                                  (xlsx ? "xlsx" : "csv") + "\"");
          return r;
        },
        {.action = "diagnostic.read", .also = readers});
}

}  // namespace vigie::diagnostics
