#include "modules/audit/routes.hpp"

#include "kit/errors.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/audit/service.hpp"
#include "modules/audit/words.hpp"
#include "text/csv.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <memory>

namespace vigie::audit {

namespace {

std::optional<std::int64_t> int_param(const http::Request& req, const char* name) {
  auto v = req.query_param(name);
  if (!v) return std::nullopt;
  std::int64_t out = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
  if (ec != std::errc() || p != v->data() + v->size() || out < 0)
    throw kit::Invalid({{name, "invalid", "A positive whole number is expected."}});
  return out;
}

Filter filter_of(const http::Request& req, int default_limit, int max_limit) {
  Filter f;
  f.who = req.query_param("who").value_or("");
  f.what = req.query_param("what").value_or("");
  f.from = req.query_param("from").value_or("");
  f.to = req.query_param("to").value_or("");
  f.outcome = req.query_param("outcome").value_or("");
  f.before = int_param(req, "before");
  f.limit = static_cast<int>(
      std::min<std::int64_t>(int_param(req, "limit").value_or(default_limit), max_limit));
  return f;
}

boost::json::object words_json(const Words& w) {
  return {{"fr", w.fr}, {"en", w.en}};
}

// Who acted, in words: "referente@asso.test (ASSO)", or the system.
std::string actor_text(const store::Row& r, std::string_view lang) {
  if (r.actor_email.empty())
    return r.actor_org.empty() ? (lang == "en" ? "Vigie (system)" : "Vigie (système)")
                               : r.actor_org;
  return r.actor_email + (r.actor_org.empty() ? "" : " (" + r.actor_org + ")");
}

std::string object_text(const store::Row& r, std::string_view lang) {
  if (r.object_type.empty()) return "";
  return object_words(r.object_type).in(lang) + (r.object_id.empty() ? "" : " " + r.object_id);
}

const http::RouteOptions& guard() {
  static const http::RouteOptions o{.action = "audit.read_all",
                                    .also = {"audit.read_own_organisation"},
                                    // The caller's own organisation's entries are always "own".
                                    .relation = accounts::own_relation};
  return o;
}

}  // namespace

void register_routes(http::Router& router, db::Database& db) {
  auto viewer = std::make_shared<Viewer>(db);
  router.add(
      "GET", "/api/v1/audit",
      [viewer](http::Request& req) {
        auto page = viewer->list(req.actor(), filter_of(req, 50, 200));
        boost::json::array out;
        for (const auto& r : page.entries)
          out.push_back({{"seq", r.seq},
                         {"at", r.at},
                         {"actor", r.actor_email},
                         {"actor_organisation", r.actor_org},
                         {"organisation", r.owner_org},
                         {"action", r.action},
                         {"action_words", words_json(action_words(r.action))},
                         {"object_type", r.object_type},
                         {"object_words", words_json(object_words(r.object_type))},
                         {"object_id", r.object_id},
                         {"outcome", r.outcome},
                         {"outcome_words", words_json(outcome_words(r.outcome))},
                         {"request_id", r.request_id}});
        boost::json::array fams;
        for (const auto& f : families())
          fams.push_back({{"code", f.code}, {"words", words_json(f.words)}});
        return http::Response::json(200, {{"entries", std::move(out)},
                                          {"families", std::move(fams)},
                                          {"scope", page.all ? "all" : "own_organisation"}});
      },
      guard());

  router.add(
      "GET", "/api/v1/audit/export.csv",
      [viewer](http::Request& req) {
        const std::string lang = req.query_param("lang").value_or("fr") == "en" ? "en" : "fr";
        const bool en = lang == "en";
        auto page = viewer->list(req.actor(), filter_of(req, 10'000, 10'000));
        std::vector<std::vector<std::string>> rows;
        rows.push_back(
            en ? std::vector<std::string>{"No.", "Date and time (UTC)", "Who", "Action", "Object",
                                          "Organisation concerned", "Outcome", "Request"}
               : std::vector<std::string>{"N°", "Date et heure (UTC)", "Qui", "Action", "Objet",
                                          "Organisation concernée", "Résultat", "Requête"});
        for (const auto& r : page.entries) {
          std::string at = r.at.substr(0, 19);
          if (at.size() == 19) at[10] = ' ';
          rows.push_back({std::to_string(r.seq), at, actor_text(r, lang),
                          action_words(r.action).in(lang), object_text(r, lang), r.owner_org,
                          outcome_words(r.outcome).in(lang), r.request_id});
        }
        auto resp = http::Response::text(200, text::csv_document(rows, en ? ',' : ';'),
                                         "text/csv; charset=utf-8");
        const auto f = filter_of(req, 0, 0);
        std::string name = en ? "audit-log" : "journal-audit";
        if (!f.from.empty()) name += (en ? "-from-" : "-du-") + f.from;
        if (!f.to.empty()) name += (en ? "-to-" : "-au-") + f.to;
        resp.set_header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        return resp;
      },
      guard());
}

}  // namespace vigie::audit
