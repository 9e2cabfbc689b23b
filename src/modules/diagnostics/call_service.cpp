#include "modules/diagnostics/call_service.hpp"

#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/reminders.hpp"
#include "kit/rules.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/directory.hpp"

#include <algorithm>

namespace vigie::diagnostics {

namespace {
std::chrono::sys_days day_of(const std::string& d) {
  return kit::rules::day(d.substr(0, 10)).value();
}
}  // namespace

CallService::CallService(db::Database& db, const security::AuditLog& audit,
                         plan::ReportService& plan, Clock now, std::string public_url)
    : db_(db),
      audit_(audit),
      plan_(plan),
      now_(std::move(now)),
      public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

std::string CallService::today() const {
  return db::iso_utc(now_()).substr(0, 10);
}

CallView CallService::view_of(soci::session& s, store::Call c) {
  CallView v;
  for (auto& pair : store::answered(s, c)) v.answered.insert(std::move(pair));
  v.call = std::move(c);
  return v;
}

int CallService::tell(soci::session& s, const store::Call& c, const std::string& org,
                      const std::string& kind, const std::vector<std::string>& owed) {
  const auto to = accounts::directory::contacts(s, org, kit::Role::referent);
  if (!store::record_notice(s, c.id, org, kind, today())) return 0;  // sent by another pass
  std::string list;
  for (const auto& m : owed) list += "- " + m + "\n";
  const std::string subject = kind == "opened"    ? "Appel à diagnostics : " + c.label
                              : kind == "overdue" ? "Appel à diagnostics en retard : " + c.label
                                                  : "Rappel — appel à diagnostics : " + c.label;
  for (const auto& address : to)
    mail::enqueue(s, {address, subject,
                      "Bonjour,\n\nLa coordination attend le diagnostic de terrain de votre "
                      "organisation sur ces mesures avant le " +
                          c.deadline + " :\n" + list + "\nPour les rédiger : " + public_url_ +
                          "/diagnostics/nouveau\n\n— Vigie\n"});
  kit::AuditRecord(kit::Actor::system(), "diagnostic.call_notice", "diagnostic_call", c.id)
      .owner(accounts::directory::organisation_id(s, org).value_or(0))
      .detail("organisation", org)
      .detail("kind", kind)
      .detail("recipients", to.size())
      .append(s, db_.backend(), audit_);
  return static_cast<int>(to.size());
}

CallView CallService::open(const kit::Actor& who, const CallInput& in) {
  kit::FieldErrors errors;
  if (auto p = kit::rules::title(in.label, true, 200))
    errors.push_back({"label", p->code, p->message});
  if (auto p = kit::rules::date(in.deadline, {.required = true}))
    errors.push_back({"deadline", p->code, p->message});
  else if (in.deadline < today())
    errors.push_back({"deadline", "in_past", "A deadline from today on."});
  const auto plan = plan_.measure_summaries();
  if (in.measures.empty()) errors.push_back({"measures", "required", "At least one measure."});
  for (std::size_t i = 0; i < in.measures.size(); ++i)
    if (std::none_of(plan.begin(), plan.end(),
                     [&](const auto& m) { return m.code == in.measures[i] && !m.retired; }))
      errors.push_back(
          {"measures/" + std::to_string(i), "unknown", "No measure in force has this code."});
  for (std::size_t i = 0; i < in.org_types.size(); ++i)
    if (!kit::org_type_from(in.org_types[i]))
      errors.push_back({"org_types/" + std::to_string(i), "invalid", "An organisation type."});
  kit::throw_if_invalid(std::move(errors));
  return db_.transact([&](soci::session& s) {
    store::Call c;
    c.label = in.label;
    c.deadline = in.deadline;
    c.measures = in.measures;
    c.opened_at = db::iso_utc(now_());
    std::set<std::string> asked(in.organisations.begin(), in.organisations.end());
    kit::FieldErrors unknown;
    for (std::size_t i = 0; i < in.organisations.size(); ++i)
      if (!accounts::directory::organisation_id(s, in.organisations[i]))
        unknown.push_back(
            {"organisations/" + std::to_string(i), "unknown", "No organisation has this code."});
    kit::throw_if_invalid(std::move(unknown));
    for (const auto& o : accounts::directory::organisations(s))
      if (asked.contains(o.code) || std::find(in.org_types.begin(), in.org_types.end(),
                                              kit::to_string(o.type)) != in.org_types.end())
        c.targets.emplace_back(o.id, o.code);
    if (c.targets.empty())
      throw kit::Invalid(
          {{"organisations", "required", "Name organisations or types of organisations."}});
    c.id = store::insert_call(s, c, who.user_id);
    kit::AuditRecord(who, "diagnostic.call_open", "diagnostic_call", c.id)
        .detail("organisations", c.targets.size())
        .detail("measures", c.measures.size())
        .append(s, db_.backend(), audit_);
    for (const auto& [id, org] : c.targets) tell(s, c, org, "opened", c.measures);
    return view_of(s, c);
  });
}

std::vector<CallView> CallService::list() {
  return db_.read([&](soci::session& s) {
    std::vector<CallView> out;
    for (auto& c : store::list_calls(s)) out.push_back(view_of(s, std::move(c)));
    return out;
  });
}

CallView CallService::get(std::int64_t id) {
  return db_.read([&](soci::session& s) {
    auto c = store::find_call(s, id);
    if (!c) throw kit::NotFound("No call with this id.");
    return view_of(s, std::move(*c));
  });
}

CallView CallService::close(const kit::Actor& who, std::int64_t id) {
  return db_.transact([&](soci::session& s) {
    auto c = store::find_call(s, id);
    if (!c) throw kit::NotFound("No call with this id.");
    if (c->closed_at) throw kit::Conflict("closed", "This call is already closed.");
    store::close_call(s, id, db::iso_utc(now_()));
    kit::AuditRecord(who, "diagnostic.call_close", "diagnostic_call", id)
        .append(s, db_.backend(), audit_);
    return view_of(s, *store::find_call(s, id));
  });
}

int CallService::send_reminders() {
  const auto now = day_of(today());
  return db_.transact([&](soci::session& s) {
    int queued = 0;
    for (auto& c : store::list_calls(s)) {
      if (c.closed_at) continue;
      const auto v = view_of(s, c);
      auto days = [&](const std::string& org, const char* kind) {
        std::vector<std::chrono::sys_days> out;
        for (const auto& d : store::notices_sent(s, c.id, org, kind)) out.push_back(day_of(d));
        return out;
      };
      for (const auto& [id, org] : c.targets) {
        std::vector<std::string> owed;
        for (const auto& m : c.measures)
          if (!v.answered.contains({org, m})) owed.push_back(m);
        if (owed.empty()) continue;
        const auto opened = days(org, "opened");
        const auto due = kit::reminder_due(
            now, day_of(c.deadline), opened.empty() ? std::nullopt : std::optional(opened.back()),
            days(org, "before"), days(org, "overdue"));
        if (!due) continue;
        queued += tell(s, c, org, *due == kit::Reminder::before ? "before" : "overdue", owed);
      }
    }
    return queued;
  });
}

}  // namespace vigie::diagnostics
