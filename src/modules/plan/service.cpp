#include "modules/plan/service.hpp"

#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/rules.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/plan/rollup.hpp"
#include "modules/plan/store.hpp"
#include "privacy/field_guard.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace vigie::plan {

extern const char* const kPlanReferenceJson;

namespace {

// Pilots in the reference data are codes or, for a few, names: Vigie's organisation codes.
std::string pilot_code(const std::string& name) {
  if (name == "Ministère de la Justice") return "MIN-JUS";
  if (name.starts_with("Ministère de l'Intérieur"))
    return name.find("OCRTEH") != std::string::npos ? "OCRTEH" : "MIN-INT";
  return name;
}

// The reference data's status words, in Vigie's scale.
std::optional<Status> reference_status(const std::string& s) {
  if (s == "done") return Status::achieved;
  if (s == "planned") return Status::not_started;
  if (s == "unknown") return std::nullopt;
  return status_from(s);
}

}  // namespace

Context::Context(db::Database& db, const security::AuditLog& audit, Clock now,
                 std::string public_url)
    : db_(db), audit_(audit), now_(std::move(now)), public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

std::string Context::today() const {
  return db::iso_utc(now_()).substr(0, 10);
}

std::optional<Plan> Context::tree() {
  auto plan = db_.read([](soci::session& s) { return store::load_tree(s); });
  if (plan) roll_up(*plan, today());
  return plan;
}

std::optional<MeasureDetail> ReportService::measure(const std::string& code) {
  auto plan = tree();
  if (!plan) return std::nullopt;
  for (const auto& axis : plan->axes)
    for (const auto& m : axis.measures)
      if (m.code == code)
        return MeasureDetail{m, axis.code, db_.read([&](soci::session& s) {
                               auto history = store::measure_history(s, code);
                               std::vector<std::int64_t> authors;
                               for (const auto& [_, u] : history)
                                 if (u.author_user_id) authors.push_back(*u.author_user_id);
                               const auto emails = accounts::directory::emails(s, authors);
                               for (auto& [_, u] : history)
                                 if (u.author_user_id && emails.contains(*u.author_user_id))
                                   u.author_email = emails.at(*u.author_user_id);
                               return history;
                             })};
  return std::nullopt;
}

namespace {

std::vector<MeasureSummary> summaries_of(const Plan& plan, bool with_themes) {
  std::vector<MeasureSummary> out, themes;
  auto add_reports = [](MeasureSummary& sum, const Measure& m) {
    for (const auto& a : m.actions) {
      for (const auto& p : a.pilots)
        if (std::find(sum.pilots.begin(), sum.pilots.end(), p) == sum.pilots.end())
          sum.pilots.push_back(p);
      if (a.latest && (!sum.last_report_on || a.latest->reported_on > *sum.last_report_on))
        sum.last_report_on = a.latest->reported_on;
    }
  };
  for (const auto& axis : plan.axes) {
    MeasureSummary theme{axis.code,
                         axis.code,
                         axis.title_fr,
                         axis.title_en,
                         std::string(to_string(axis.status)),
                         axis.progress,
                         std::nullopt,
                         {},
                         false,
                         true};
    for (const auto& m : axis.measures) {
      MeasureSummary sum{
          m.code,     axis.code,    m.title_fr, m.title_en, std::string(to_string(m.status)),
          m.progress, std::nullopt, {},         m.retired,  false};
      add_reports(sum, m);
      if (!m.retired) add_reports(theme, m);
      out.push_back(std::move(sum));
    }
    if (with_themes && axis.transversal) themes.push_back(std::move(theme));
  }
  for (auto& t : themes) out.push_back(std::move(t));
  return out;
}

}  // namespace

std::vector<MeasureSummary> ReportService::measure_summaries() {
  auto plan = tree();
  return plan ? summaries_of(*plan, false) : std::vector<MeasureSummary>{};
}

std::vector<MeasureSummary> ReportService::subject_summaries() {
  auto plan = tree();
  return plan ? summaries_of(*plan, true) : std::vector<MeasureSummary>{};
}

std::optional<MeasureSummary> ReportService::subject_summary(const std::string& code) {
  auto plan = db_.read([&](soci::session& s) { return store::load_tree(s, code); });
  if (!plan) return std::nullopt;
  roll_up(*plan, today());
  for (auto& sum : summaries_of(*plan, true))
    if (sum.code == code) return sum;
  return std::nullopt;
}

namespace {

// Checks one update's input; field names start with `prefix` ("" or "updates/3/").
void check_update(const UpdateInput& in, const std::string& prefix, const std::string& today,
                  kit::FieldErrors& errors) {
  if (!status_from(in.status))
    errors.push_back({prefix + "status", "invalid",
                      "One of not_started, in_progress, achieved, delayed, abandoned."});
  if (!in.progress)
    errors.push_back(
        {prefix + "progress", "required", "A progress between 0 and 100 is required."});
  else if (*in.progress < 0 || *in.progress > 100)
    errors.push_back({prefix + "progress", "out_of_range", "Between 0 and 100."});
  if (auto p = kit::rules::text(in.comment, 4000))
    errors.push_back({prefix + "comment", p->code, p->message});
  if (in.evidence.size() > 10)
    errors.push_back({prefix + "evidence", "too_many", "At most 10 links."});
  for (std::size_t i = 0; i < in.evidence.size() && i < 10; ++i)
    if (in.evidence[i].empty() || kit::rules::link(in.evidence[i]))
      errors.push_back({prefix + "evidence/" + std::to_string(i), "invalid",
                        "A link starting with http:// or https://."});
  // A report says how things stand: never about a day that has not come yet.
  if (auto p = kit::rules::date(in.reported_on, {.not_after = kit::rules::day(today)}))
    errors.push_back({prefix + "reported_on", p->code, p->message});
}

}  // namespace

Update ReportService::write_update(soci::session& s, const kit::Actor& who, std::int64_t action_id,
                                   const UpdateInput& in) {
  const auto action = store::find_action(s, action_id);
  if (!action) throw kit::NotFound("No action with this id.");
  // A batch names its actions in the body: each is checked here, with the policy.
  const bool pilot =
      std::find(action->pilots.begin(), action->pilots.end(), who.org_code) != action->pilots.end();
  accounts::require(who, "plan.report",
                    pilot ? kit::Relations{kit::Relation::pilot} : kit::Relations{},
                    "Only the referents of the action's pilot organisations, and the "
                    "coordination, report on it.");
  Update u;
  u.status = *status_from(in.status);
  u.progress = in.progress;
  u.comment = in.comment;
  u.evidence = in.evidence;
  u.reported_on = in.reported_on.empty() ? today() : in.reported_on;
  u.author_org = who.org_code;
  u.author_email = accounts::directory::emails(s, {who.user_id})[who.user_id];
  u.created_at = db::iso_utc(now_());
  u.id = store::insert_update(s, action_id, u, who.user_id);
  kit::AuditRecord(who, "plan.update", "action", action_id)
      .detail("status", to_string(u.status))
      .detail("progress", *in.progress)
      .append(s, db_.backend(), audit_);
  return u;
}

kit::Relations ReportService::relation_to_action(const kit::Actor& who, std::int64_t action_id) {
  return db_.read([&](soci::session& s) {
    const auto action = store::find_action(s, action_id);
    if (!action) throw kit::NotFound("No action with this id.");
    const bool pilot = std::find(action->pilots.begin(), action->pilots.end(), who.org_code) !=
                       action->pilots.end();
    return pilot ? kit::Relations{kit::Relation::pilot} : kit::Relations{};
  });
}

Update ReportService::report(const kit::Actor& who, std::int64_t action_id, const UpdateInput& in) {
  kit::FieldErrors errors;
  check_update(in, "", today(), errors);
  if (!errors.empty()) throw kit::Invalid(errors);
  // No direct identifier of a person in what every committee member will read.
  privacy::require_no_identifiers({{"comment", in.comment}});
  return db_.transact([&](soci::session& s) { return write_update(s, who, action_id, in); });
}

std::vector<Update> ReportService::report_many(const kit::Actor& who,
                                               const std::vector<ActionUpdate>& updates) {
  kit::FieldErrors errors;
  if (updates.empty()) errors.push_back({"updates", "required", "At least one update."});
  if (updates.size() > 500) errors.push_back({"updates", "too_many", "At most 500 updates."});
  std::vector<std::string> names;
  for (std::size_t i = 0; i < updates.size() && i < 500; ++i) {
    names.push_back("updates/" + std::to_string(i) + "/");
    check_update(updates[i].input, names.back(), today(), errors);
  }
  for (std::size_t i = 0; i < names.size(); ++i) names[i] += "comment";
  std::vector<privacy::TextField> comments;
  for (std::size_t i = 0; i < names.size(); ++i)
    comments.emplace_back(names[i], updates[i].input.comment);
  for (auto& e : privacy::identifier_errors(comments)) errors.push_back(std::move(e));
  if (!errors.empty()) throw kit::Invalid(errors);
  return db_.transact([&](soci::session& s) {
    std::vector<Update> out;
    for (std::size_t i = 0; i < updates.size(); ++i) {
      if (!store::find_action(s, updates[i].action_id))
        throw kit::Invalid({{"updates/" + std::to_string(i) + "/action_id", "invalid",
                             "No action with this id."}});
      out.push_back(write_update(s, who, updates[i].action_id, updates[i].input));
    }
    return out;
  });
}

bool ReportService::load_reference_plan() {
  return db_.transact([&](soci::session& s) {
    // Two processes starting on an empty database: the second waits, then finds the plan.
    db_.serialise(s, 0x706c616e);  // "plan"
    if (store::has_plan(s)) return false;
    // Parsed only for an empty database: every other start skips it.
    const auto doc = boost::json::parse(kPlanReferenceJson).as_object();
    const auto& p = doc.at("plan").as_object();
    const auto& period = p.at("period").as_object();
    Plan plan{text::string_member(p, "code"),
              text::string_member(p, "title_fr"),
              text::string_member(p, "title_en"),
              text::string_member(period, "start"),
              text::string_member(period, "end"),
              {},
              0};
    const auto plan_id = store::insert_plan(s, plan);
    int axis_pos = 0;
    for (const auto& av : doc.at("axes").as_array()) {
      const auto& a = av.as_object();
      Axis axis;
      axis.code = text::string_member(a, "code");
      axis.title_fr = text::string_member(a, "title_fr");
      axis.title_en = text::string_member(a, "title_en");
      axis.transversal = text::string_member(a, "kind") == "transversal";
      const auto axis_id = store::insert_axis(s, plan_id, axis, ++axis_pos);
      int measure_pos = 0;
      for (const auto& mv : a.at("measures").as_array()) {
        const auto& m = mv.as_object();
        Measure measure;
        measure.code = text::string_member(m, "code");
        measure.title_fr = text::string_member(m, "title_fr");
        measure.title_en = text::string_member(m, "title_en");
        measure.confidence = text::string_member(m, "confidence");
        measure.sources = text::string_list_member(m, "sources");
        const auto measure_id = store::insert_measure(s, axis_id, measure, ++measure_pos);
        // The reference data has no actions: each measure gets one, "its implementation",
        // which the coordinator can split later.
        Action action;
        action.title = "Mise en œuvre de la mesure";
        for (const auto& pilot : text::string_list_member(m, "pilots"))
          action.pilots.push_back(pilot_code(pilot));
        action.partners = text::string_list_member(m, "partners");
        action.funding = "";
        action.official_text_url = "";
        const auto action_id = store::insert_action(s, measure_id, action, 1);
        if (const auto* events = m.if_contains("status_events"); events && events->is_array()) {
          for (const auto& ev : events->as_array()) {
            const auto& e = ev.as_object();
            auto status = reference_status(text::string_member(e, "status"));
            if (!status) continue;
            Update u;
            u.status = *status;
            if (*status == Status::achieved) u.progress = 100;
            u.comment = text::string_member(e, "text");
            if (auto src = text::string_member(e, "source"); !src.empty())
              u.evidence.push_back(src);
            u.reported_on = text::string_member(e, "date").size() >= 7
                                ? text::string_member(e, "date")
                                : today();
            if (u.reported_on.size() == 7) u.reported_on += "-01";
            u.author_org = "reference";
            store::insert_update(s, action_id, u, std::nullopt);
          }
        }
      }
    }
    kit::AuditRecord(kit::Actor::system(), "plan.load_reference", "plan", plan.code)
        .append(s, db_.backend(), audit_);
    return true;
  });
}

}  // namespace vigie::plan
