// Reporting campaigns: the coordination asks the pilots for an update by a deadline, watches
// completion, reminds by e-mail, and closes the campaign into a snapshot reports can quote.
//
// Who hears about a campaign, by e-mail at the addresses of its referents and admins: every
// organisation that pilots an action in the campaign's scope
// - when the campaign opens (open_campaign);
// and, while it has not reported on one of those actions since the opening (send_reminders,
// run hourly by the server and by `vigie plan remind`),
// - one reminder from 7 days before the deadline to the deadline itself, unless the opening
//   notice went out less than 3 days earlier;
// - once the deadline has passed, an overdue reminder, repeated every 7 days.
#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/reminders.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/plan/json_view.hpp"
#include "modules/plan/referential_rules.hpp"
#include "modules/plan/referential_table.hpp"
#include "modules/plan/rollup.hpp"
#include "modules/plan/service.hpp"
#include "modules/plan/store.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace vigie::plan {

namespace {

// Deadlines and reminder dates are stored checked: they always name a day.
std::chrono::sys_days day_of(const std::string& yyyy_mm_dd) {
  return rules::day(yyyy_mm_dd).value();
}

// A closed campaign reads as its snapshot said: the actions it waited for and which had been
// reported on at closing, whatever happened since.
CampaignView view_of(soci::session& s, Campaign c) {
  auto actions = store::campaign_actions(s, c);
  if (c.closed_at && !c.snapshot.empty()) {
    std::map<std::int64_t, std::optional<std::string>> frozen;
    const auto snapshot = boost::json::parse(c.snapshot).as_object();
    for (const auto& v : snapshot.at("actions").as_array()) {
      const auto& a = v.as_object();
      const auto* at = a.if_contains("reported_at");
      frozen[a.at("action_id").to_number<std::int64_t>()] =
          at && at->is_string() ? std::optional<std::string>(at->as_string()) : std::nullopt;
    }
    std::erase_if(actions, [&](const OwedAction& a) { return !frozen.contains(a.action_id); });
    for (auto& a : actions) a.reported_at = frozen.at(a.action_id);
  }
  return {std::move(c), std::move(actions)};
}

using Notice = CampaignNotice;

std::string_view kind_of(Notice n) {
  return n == Notice::opened ? "opened" : n == Notice::before ? "before" : "overdue";
}

mail::Message notice_mail(Notice n, const std::string& to, const Campaign& c,
                          const std::vector<const OwedAction*>& owed,
                          const std::string& public_url) {
  std::string list;
  for (const auto* a : owed) list += "  - " + a->measure_code + " — " + a->action_title + "\n";
  const std::string link = (public_url.empty() ? "" : public_url) + "/reporting";
  std::string subject, fr, en;
  switch (n) {
    case Notice::opened:
      subject =
          "[Vigie] Nouvelle campagne de suivi : " + c.label + " (échéance " + c.deadline + ")";
      fr = "La coordination ouvre la campagne de suivi « " + c.label +
           " ». Merci de faire le point d'avancement, avant le " + c.deadline + ", sur :\n";
      en = "The coordination opens the reporting campaign \"" + c.label +
           "\". Please report progress on the actions above by " + c.deadline + ": ";
      break;
    case Notice::before:
      subject = "[Vigie] Point d'avancement attendu avant le " + c.deadline + " — " + c.label;
      fr = "La campagne de suivi « " + c.label + " » se termine le " + c.deadline +
           ". Votre organisation doit encore faire le point sur :\n";
      en = "The reporting campaign \"" + c.label + "\" ends on " + c.deadline +
           ". Your organisation still owes an update on the actions above: ";
      break;
    case Notice::overdue:
      subject = "[Vigie] Point d'avancement en retard depuis le " + c.deadline + " — " + c.label;
      fr = "La campagne de suivi « " + c.label + " » s'est terminée le " + c.deadline +
           ". Votre organisation n'a pas encore fait le point sur :\n";
      en = "The reporting campaign \"" + c.label + "\" ended on " + c.deadline +
           ". Your organisation has not yet reported on the actions above: ";
      break;
  }
  return {to, subject,
          "Bonjour,\n\n" + fr + list + "\nPour le faire : " + link + "\n\n--\nHello,\n\n" + en +
              link + "\n\nVigie — suivi du plan national\n"};
}

// The actions still owed in the campaign, by pilot organisation.
std::map<std::string, std::vector<const OwedAction*>> owed_by_organisation(const CampaignView& v) {
  std::map<std::string, std::vector<const OwedAction*>> owed;
  for (const auto& a : v.actions)
    if (!a.reported_at)
      for (const auto& p : a.pilots) owed[p].push_back(&a);
  return owed;
}

}  // namespace

int CampaignView::reported() const {
  return static_cast<int>(
      std::count_if(actions.begin(), actions.end(), [](const auto& a) { return a.reported_at; }));
}

CampaignView CampaignService::open_campaign(const kit::Actor& who, const CampaignInput& in) {
  kit::FieldErrors errors;
  if (auto p = rules::title(in.label)) errors.push_back({"label", p->code, p->message});
  if (in.label.size() > 200) errors.push_back({"label", "too_long", "At most 200 characters."});
  if (in.label.find_first_of("\r\n\t") != std::string::npos)
    errors.push_back({"label", "invalid", "One line, without line breaks."});
  if (in.deadline.empty())
    errors.push_back({"deadline", "required", "A deadline is required."});
  else if (auto p = rules::date(in.deadline))
    errors.push_back({"deadline", p->code, p->message});
  else if (in.deadline < today())
    errors.push_back({"deadline", "past", "The deadline cannot be in the past."});
  return db_.transact([&](soci::session& s) {
    std::vector<std::int64_t> ids;
    if (in.measure_codes.empty()) {
      if (auto tree = store::load_tree(s))
        for (const auto& axis : tree->axes)
          for (const auto& m : axis.measures)
            if (!m.retired) ids.push_back(m.id);
    } else {
      std::set<std::string> seen;
      for (const auto& code : in.measure_codes) {
        if (!seen.insert(code).second) continue;
        auto m = store::find_measure(s, code);
        if (!m || m->retired_at)
          errors.push_back({"measures", "unknown_measure", "Unknown or retired measure: " + code});
        else
          ids.push_back(m->id);
      }
    }
    if (!errors.empty()) throw kit::Invalid(errors);
    Campaign c;
    c.label = in.label;
    c.deadline = in.deadline;
    c.scope_all = in.measure_codes.empty();
    c.opened_at = db::iso_utc(now_());
    c.id = store::insert_campaign(s, c, who.user_id, ids);
    kit::AuditRecord(who, "plan.campaign_open", "campaign", c.id)
        .detail("measures", ids.size())
        .append(s, db_.backend(), audit_);
    auto view = view_of(s, *store::find_campaign(s, c.id));
    for (const auto& [org, actions] : owed_by_organisation(view))
      notify(s, Notice::opened, view.campaign, org, actions);
    return view;
  });
}

std::vector<CampaignView> CampaignService::campaigns() {
  return db_.read([&](soci::session& s) {
    std::vector<CampaignView> out;
    for (auto& c : store::list_campaigns(s)) out.push_back(view_of(s, std::move(c)));
    return out;
  });
}

std::optional<CampaignView> CampaignService::campaign(std::int64_t id) {
  return db_.read([&](soci::session& s) -> std::optional<CampaignView> {
    auto c = store::find_campaign(s, id);
    if (!c) return std::nullopt;
    return view_of(s, std::move(*c));
  });
}

CampaignView CampaignService::close_campaign(const kit::Actor& who, std::int64_t id) {
  return db_.transact([&](soci::session& s) {
    auto c = store::find_campaign(s, id);
    if (!c) throw kit::NotFound("No campaign with this id.");
    if (c->closed_at) throw kit::Conflict("already-closed", "This campaign is already closed.");
    const auto at = db::iso_utc(now_());
    c->closed_at = at;
    auto view = view_of(s, *c);
    auto tree = store::load_tree(s);
    if (tree) roll_up(*tree, today());
    boost::json::array actions;
    for (const auto& a : view.actions)
      actions.push_back({{"action_id", a.action_id},
                         {"measure", a.measure_code},
                         {"pilots", strings(a.pilots)},
                         {"reported_at", a.reported_at ? boost::json::value(*a.reported_at)
                                                       : boost::json::value(nullptr)}});
    boost::json::object snapshot{{"closed_at", at},
                                 {"reported", view.reported()},
                                 {"total", view.actions.size()},
                                 {"actions", std::move(actions)}};
    if (tree) snapshot["plan"] = tree_json(*tree, false);
    store::close_campaign(s, id, at, boost::json::serialize(snapshot));
    kit::AuditRecord(who, "plan.campaign_close", "campaign", id)
        .detail("reported", view.reported())
        .detail("total", view.actions.size())
        .append(s, db_.backend(), audit_);
    return view_of(s, *store::find_campaign(s, id));
  });
}

std::vector<CampaignView> CampaignService::owed_by(const std::string& org_code) {
  auto all = campaigns();
  std::vector<CampaignView> out;
  for (auto& v : all) {
    if (v.campaign.closed_at) continue;
    std::erase_if(v.actions, [&](const OwedAction& a) {
      return std::find(a.pilots.begin(), a.pilots.end(), org_code) == a.pilots.end();
    });
    out.push_back(std::move(v));
  }
  return out;
}

int CampaignService::notify(soci::session& s, CampaignNotice notice, const Campaign& c,
                            const std::string& org, const std::vector<const OwedAction*>& actions) {
  const auto to = store::reporting_contacts(s, org);
  if (to.empty()) return 0;  // nobody to tell: a later pass tries again
  const std::string k(kind_of(notice));
  if (!store::record_reminder(s, c.id, org, k, today())) return 0;  // sent by another pass
  for (const auto& address : to)
    mail::enqueue(s, notice_mail(notice, address, c, actions, public_url_));
  // The system acts; the notice concerns the pilot organisation it goes to.
  const auto system = kit::Actor::system();
  kit::AuditRecord(system, "plan.campaign_notice", "campaign", c.id)
      .owner(accounts::directory::organisation_id(s, org).value_or(0))
      .detail("organisation", org)
      .detail("kind", k)
      .detail("recipients", to.size())
      .append(s, db_.backend(), audit_);
  return static_cast<int>(to.size());
}

int CampaignService::send_reminders() {
  const auto day = today();
  const auto now = day_of(day);
  return db_.transact([&](soci::session& s) {
    int queued = 0;
    for (auto& c : store::list_campaigns(s)) {
      if (c.closed_at) continue;
      if ((day_of(c.deadline) - now).count() > 7) continue;
      const auto view = view_of(s, c);
      auto days = [&](const std::string& org, const char* kind) {
        std::vector<std::chrono::sys_days> out;
        for (const auto& d : store::reminders_sent(s, c.id, org, kind)) out.push_back(day_of(d));
        return out;
      };
      for (const auto& [org, actions] : owed_by_organisation(view)) {
        const auto opened = days(org, "opened");
        const auto due = kit::reminder_due(
            now, day_of(c.deadline), opened.empty() ? std::nullopt : std::optional(opened.back()),
            days(org, "before"), days(org, "overdue"));
        if (!due) continue;
        queued += notify(s, *due == kit::Reminder::before ? Notice::before : Notice::overdue,
                         view.campaign, org, actions);
      }
    }
    return queued;
  });
}

TableExport CampaignService::export_table(std::int64_t id, std::string_view lang_code) {
  auto v = campaign(id);
  if (!v) throw kit::NotFound("No campaign with this id.");
  const auto lang = lang_of(lang_code);
  const bool en = lang == Lang::en;
  TableExport out;
  out.separator = csv_separator(lang);
  out.rows.push_back(en ? std::vector<std::string>{"Measure", "Measure title", "Action no.",
                                                   "Action title", "Pilots", "Reported",
                                                   "Reported on"}
                        : std::vector<std::string>{"Mesure", "Intitulé de la mesure", "N° d'action",
                                                   "Intitulé de l'action", "Pilotes", "Renseignée",
                                                   "Renseignée le"});
  for (const auto& a : v->actions)
    out.rows.push_back({a.measure_code,
                        en && !a.measure_title_en.empty() ? a.measure_title_en : a.measure_title,
                        std::to_string(a.action_id), a.action_title, join_pilots(a.pilots),
                        std::string(yes_no_label(a.reported_at.has_value(), lang)),
                        a.reported_at ? a.reported_at->substr(0, 10) : ""});
  const auto name = slug(v->campaign.label);
  out.file_name = std::string(en ? "campaign-" : "campagne-") +
                  (name.empty() ? std::to_string(id) : name) + (en ? "-follow-up-" : "-suivi-") +
                  v->campaign.deadline + ".csv";
  return out;
}

}  // namespace vigie::plan
