#include "modules/saisines/routes.hpp"

#include "http/json_body.hpp"
#include "http/multipart.hpp"
#include "kit/errors.hpp"
#include "kit/input.hpp"
#include "kit/territory.hpp"

#include <boost/json.hpp>

#include <cctype>

namespace vigie::saisines {

namespace {

boost::json::value optional_text(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return boost::json::string(*v);
}
boost::json::value optional_number(const std::optional<double>& v) {
  if (!v) return nullptr;
  return *v;
}

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& x : v) a.push_back(boost::json::string(x));
  return a;
}

boost::json::object message_json(const Message& m) {
  return {{"id", m.id},
          {"thread", m.thread},
          {"organisation", m.org_code},
          {"text", m.text},
          {"created_at", m.created_at}};
}

boost::json::object attachment_json(const Attachment& a) {
  return {{"id", a.id},     {"name", a.file_name},        {"media_type", a.media_type},
          {"size", a.size}, {"organisation", a.org_code}, {"created_at", a.created_at}};
}

// A file name for Content-Disposition: printable ASCII without quotes or backslashes in
// `filename`, the exact name percent-encoded in `filename*` (RFC 6266).
std::string disposition(const std::string& name) {
  std::string ascii, encoded;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : name) {
    ascii +=
        (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != ';') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_')
      encoded += static_cast<char>(c);
    else
      encoded += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

boost::json::object saisine_json(const SaisineView& v) {
  const auto& c = v.saisine;
  boost::json::array checklist, timeline, allowed, filer, authority;
  for (const auto& l : v.checklist)
    checklist.push_back(
        {{"key", l.key}, {"label", {{"fr", l.label_fr}, {"en", l.label_en}}}, {"done", l.done}});
  for (const auto& t : v.timeline) {
    boost::json::object o{{"from", to_string(t.from)},
                          {"to", to_string(t.to)},
                          {"at", t.at},
                          {"organisation", t.org_code}};
    o["reason"] = t.reason.empty() ? boost::json::value(nullptr) : boost::json::value(t.reason);
    o["message"] = t.message.empty() ? boost::json::value(nullptr) : boost::json::value(t.message);
    if (v.full) o["user"] = t.user_id;
    timeline.push_back(std::move(o));
  }
  for (auto s : v.allowed) allowed.push_back(boost::json::string(to_string(s)));
  for (const auto& m : v.filer_thread) filer.push_back(message_json(m));
  for (const auto& m : v.authority_thread) authority.push_back(message_json(m));
  boost::json::array chronology, steps;
  for (const auto& e : c.chronology)
    chronology.push_back({{"date", e.date}, {"event", e.event}, {"kind", e.kind}});
  for (const auto& s : c.steps) steps.push_back({{"date", s.date}, {"step", s.step}});
  boost::json::object o{
      {"id", c.id},
      {"view", v.full ? "full" : "authority"},
      {"state", to_string(c.state)},
      {"category", c.category},
      {"authority", c.authority_code},
      {"authority_name", v.authority_name},
      {"authority_type", c.authority_type},
      {"departement", c.departement},
      {"measures", strings(c.measures)},
      {"summary", c.summary},
      {"shared", strings(c.shared)},
      {"outcome_reason", c.outcome_reason},
      {"committee_flag", c.committee_flag},
      {"overdue", v.overdue},
      {"created_at", c.created_at},
      {"updated_at", c.updated_at},
      {"submitted_at", optional_text(c.submitted_at)},
      {"referred_at", optional_text(c.referred_at)},
      {"answered_at", optional_text(c.answered_at)},
      {"concluded_at", optional_text(c.concluded_at)},
      {"triage_due", optional_text(v.triage_due)},
      {"answer_due", optional_text(v.answer_due)},
      {"timeline", std::move(timeline)},
      {"allowed_transitions", std::move(allowed)},
      {"threads", {{"filer", std::move(filer)}, {"authority", std::move(authority)}}}};
  if (auto t = kit::territory(c.departement)) o["departement_name"] = t->name;
  auto shared = [&](const char* part) {
    return v.full || std::find(c.shared.begin(), c.shared.end(), part) != c.shared.end();
  };
  if (shared("facts")) o["facts"] = c.facts;
  if (shared("chronology")) o["chronology"] = std::move(chronology);
  if (shared("steps")) o["steps"] = std::move(steps);
  if (shared("expected")) o["expected"] = c.expected;
  if (v.full) {
    o["title"] = c.title;
    o["filer"] = c.filer_org_code;
    o["persons"] = c.persons ? boost::json::value(*c.persons) : nullptr;
    o["checklist"] = std::move(checklist);
    o["documented"] = documented(v.checklist);
    o["triaged_at"] = optional_text(c.triaged_at);
    boost::json::array files;
    for (const auto& a : v.attachments) files.push_back(attachment_json(a));
    o["attachments"] = std::move(files);
  }
  return o;
}

SaisineInput saisine_input(kit::Input& in) {
  SaisineInput s;
  s.title = in.optional_text("title", {.max_chars = 100'000});
  s.category = in.optional_text("category", {.max_chars = 64});
  s.authority = in.optional_text("authority", {.max_chars = 64, .required = false});
  s.departement = in.optional_text("departement", {.max_chars = 8, .required = false});
  s.measures = in.optional_text_list("measures", {.max_chars = 64}, 50);
  s.facts = in.optional_text("facts", {.max_chars = 100'000, .multiline = true, .required = false});
  s.expected =
      in.optional_text("expected", {.max_chars = 100'000, .multiline = true, .required = false});
  s.persons = in.optional_int64("persons");
  s.shared = in.optional_text_list("shared", {.max_chars = 32}, 8);
  if (in.has("chronology")) {
    std::vector<ChronologyEntry> list;
    for (auto* e : in.objects("chronology", 500))
      list.push_back({e->optional_text("date", {.max_chars = 32}).value_or(""),
                      e->optional_text("event", {.max_chars = 100'000}).value_or(""),
                      e->optional_text("kind", {.max_chars = 64, .required = false}).value_or("")});
    s.chronology = std::move(list);
  }
  if (in.has("steps")) {
    std::vector<Step> list;
    for (auto* e : in.objects("steps", 500))
      list.push_back({e->optional_text("date", {.max_chars = 32}).value_or(""),
                      e->optional_text("step", {.max_chars = 100'000}).value_or("")});
    s.steps = std::move(list);
  }
  return s;
}

boost::json::object figure_json(const Figure& f) {
  boost::json::object o{{"key", f.key}};
  o["cases"] = f.cases ? boost::json::value(*f.cases) : nullptr;
  o["median_days_to_triage"] = optional_number(f.median_triage);
  o["p90_days_to_triage"] = optional_number(f.p90_triage);
  o["median_days_to_answer"] = optional_number(f.median_answer);
  o["p90_days_to_answer"] = optional_number(f.p90_answer);
  o["median_days_to_resolution"] = optional_number(f.median_resolution);
  o["p90_days_to_resolution"] = optional_number(f.p90_resolution);
  o["share_unblocked"] = optional_number(f.share_unblocked);
  return o;
}

boost::json::array figures_json(const std::vector<Figure>& rows) {
  boost::json::array a;
  for (const auto& f : rows) a.push_back(figure_json(f));
  return a;
}

}  // namespace

void register_routes(http::Router& router, Service& saisines, Attachments& attachments) {
  auto relation = [&saisines](const kit::Actor& who, const http::Request& req) {
    return saisines.relation_to_saisine(who, req.id_param("id", "No saisine with this id."));
  };
  const std::vector<std::string> parties{"saisine.triage", "saisine.answer"};

  router.add("POST", "/api/v1/saisines",
             [&saisines](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               auto input = saisine_input(in);
               in.done();
               return http::Response::json(201, saisine_json(saisines.file(req.actor(), input)));
             },
             {.body_limit = 512 * 1024, .accepts = {"application/json"}, .action = "saisine.file"});

  router.add("GET", "/api/v1/saisines",
             [&saisines](http::Request& req) {
               boost::json::array out;
               for (const auto& v : saisines.list(req.actor(), req.query_param("state"),
                                                  req.query_param("authority"),
                                                  req.query_param("overdue").value_or("") == "1")) {
                 auto o = saisine_json(v);
                 // A list shows no narrative and no thread: the case page does.
                 for (auto k : {"facts", "chronology", "steps", "expected", "summary", "threads",
                                "timeline", "attachments"})
                   o.erase(k);
                 out.push_back(std::move(o));
               }
               return http::Response::json(200, {{"saisines", std::move(out)}});
             },
             {.action = "saisine.list"});

  router.add("GET", "/api/v1/saisines/stats",
             [&saisines](http::Request& req) {
               const auto f = saisines.figures(req.actor(), req.query_param("category"));
               return http::Response::json(
                   200, {{"controlled", f.controlled},
                         {"overall", figure_json(f.overall)},
                         {"by_category", figures_json(f.by_category)},
                         {"by_authority_type", figures_json(f.by_authority_type)},
                         {"by_departement", figures_json(f.by_departement)},
                         {"deadlines",
                          {{"triage_days", saisines.deadlines().triage_days},
                           {"answer_days", saisines.deadlines().answer_days},
                           {"escalation_days", saisines.deadlines().escalation_days}}}});
             },
             {.action = "saisine.figures"});

  // Reading one's own notifications is what any reader of the list may do: the rows name only
  // cases the caller's organisation is a party to.
  router.add("GET", "/api/v1/saisines/notifications",
             [&saisines](http::Request& req) {
               const auto& who = req.actor();
               boost::json::array out;
               for (const auto& n : saisines.notifications(who))
                 out.push_back({{"id", n.id},
                                {"saisine", n.saisine_id},
                                {"kind", n.kind},
                                {"state", n.state},
                                {"created_at", n.created_at},
                                {"read", n.read}});
               return http::Response::json(
                   200, {{"unread", saisines.unread(who)}, {"notifications", std::move(out)}});
             },
             {.action = "saisine.list"});

  router.add("POST", "/api/v1/saisines/notifications/read",
             [&saisines](http::Request& req) {
               saisines.mark_read(req.actor());
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 1024, .accepts = {"application/json"}, .action = "saisine.list"});

  router.add("GET", "/api/v1/saisines/{id}",
             [&saisines](http::Request& req) {
               return http::Response::json(
                   200, saisine_json(saisines.get(req.actor(),
                                                  req.id_param("id", "No saisine with this id."))));
             },
             {.action = "saisine.read", .relation = relation, .hide_refusal = true});

  router.add("PATCH", "/api/v1/saisines/{id}",
             [&saisines](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               auto input = saisine_input(in);
               in.done();
               return http::Response::json(
                   200, saisine_json(saisines.change(
                            req.actor(), req.id_param("id", "No saisine with this id."), input)));
             },
             {.body_limit = 512 * 1024,
              .accepts = {"application/json"},
              .action = "saisine.edit",
              .relation = relation});

  router.add("POST", "/api/v1/saisines/{id}/transitions",
             [&saisines](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               TransitionInput t;
               t.to = in.text("to", {.max_chars = 32});
               const kit::TextRule free{.max_chars = 100'000, .multiline = true, .required = false};
               t.message = in.optional_text("message", free).value_or("");
               t.summary = in.optional_text("summary", free).value_or("");
               t.reason =
                   in.optional_text("reason", {.max_chars = 64, .required = false}).value_or("");
               in.done();
               return http::Response::json(
                   200, saisine_json(saisines.transition(
                            req.actor(), req.id_param("id", "No saisine with this id."), t)));
             },
             {.body_limit = 256 * 1024,
              .accepts = {"application/json"},
              .action = "saisine.edit",
              .also = parties,
              .relation = relation});

  router.add(
      "POST", "/api/v1/saisines/{id}/messages",
      [&saisines](http::Request& req) {
        const auto body = http::parse_json_object(req);
        kit::Input in(body);
        const auto thread = in.one_of("thread", {"filer", "authority"});
        const auto text =
            in.optional_text("text", {.max_chars = 100'000, .multiline = true, .required = false})
                .value_or("");
        in.done();
        return http::Response::json(
            201, message_json(saisines.post(
                     req.actor(), req.id_param("id", "No saisine with this id."), thread, text)));
      },
      {.body_limit = 256 * 1024,
       .accepts = {"application/json"},
       .action = "saisine.edit",
       .also = parties,
       .relation = relation});

  router.add("POST", "/api/v1/saisines/{id}/attachments",
             [&attachments](http::Request& req) {
               const auto parts = http::parse_multipart(req);
               const http::FormPart* file = nullptr;
               for (const auto& p : parts)
                 if (p.name == "file") file = &p;
               if (!file || file->filename.empty())
                 throw kit::Invalid({{"file", "required", "Choose a file."}});
               const auto stored =
                   attachments.attach(req.actor(), req.id_param("id", "No saisine with this id."),
                                      {file->filename, file->data});
               auto o = attachment_json(stored.attachment);
               o["metadata_removed"] = stored.metadata_removed;
               return http::Response::json(201, o);
             },
             // A file of 10 MiB and its multipart framing; a larger one is named in a 422.
             {.body_limit = 12 * 1024 * 1024,
              .accepts = {"multipart/form-data"},
              .action = "saisine.edit",
              .also = {"saisine.triage"},
              .relation = relation});

  router.add("GET", "/api/v1/saisines/{id}/attachments/{attachment}",
             [&attachments](http::Request& req) {
               const auto f =
                   attachments.read(req.actor(), req.id_param("id", "No saisine with this id."),
                                    req.id_param("attachment", "No attachment with this id."));
               auto r = http::Response::text(200, f.bytes, f.attachment.media_type);
               r.set_header("Content-Disposition", disposition(f.attachment.file_name));
               // Never rendered as a page of Vigie: no script, no form, no same origin.
               r.set_header("Content-Security-Policy", "sandbox");
               r.set_header("X-Content-Type-Options", "nosniff");
               return r;
             },
             {.action = "saisine.read", .relation = relation, .hide_refusal = true});
}

}  // namespace vigie::saisines
