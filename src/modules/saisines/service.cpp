#include "modules/saisines/service.hpp"

#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/reminders.hpp"
#include "kit/rules.hpp"
#include "kit/territory.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/saisines/store.hpp"
#include "privacy/disclosure_control.hpp"
#include "privacy/field_guard.hpp"

#include <boost/json/array.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace vigie::saisines {

namespace {

constexpr std::size_t kFactsLimit = 20'000, kTextLimit = 5'000, kLineLimit = 1'000;
constexpr std::size_t kMaxEntries = 100;

// The organisation types a saisine may be addressed to (PRODUCT.md: a prefecture, a parquet,
// a police office, a ministry).
bool authority_type(kit::OrgType t) {
  return t == kit::OrgType::prefecture || t == kit::OrgType::parquet || t == kit::OrgType::police ||
         t == kit::OrgType::ministry;
}

std::chrono::sys_days day_of(const std::string& iso) {
  return kit::rules::day(iso.substr(0, 10)).value();
}

std::string plus_days(const std::string& iso, int days) {
  return db::iso_utc(db::parse_iso_utc(iso) + std::chrono::days(days)).substr(0, 10);
}

double days_between(const std::string& from, const std::string& to) {
  const auto d = db::parse_iso_utc(to) - db::parse_iso_utc(from);
  return std::chrono::duration<double>(d).count() / 86400.0;
}

std::string list_of(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto x : v) out += (out.empty() ? "" : ", ") + std::string(x);
  return out;
}

bool one_of(const std::vector<std::string_view>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool in_shared(const std::vector<std::string>& v, std::string_view x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Every rule on the content, every error at once; `today` bounds the dates.
void check(const SaisineInput& in, bool filing, const std::vector<plan::MeasureSummary>& plan,
           std::chrono::sys_days today, kit::FieldErrors& errors) {
  auto add = [&](std::string field, const std::optional<kit::rules::Problem>& p) {
    if (p) errors.push_back({std::move(field), p->code, p->message});
  };
  if (filing || in.title) add("title", kit::rules::title(in.title.value_or(""), true, 200));
  if (filing || in.category) {
    if (!in.category || in.category->empty())
      errors.push_back({"category", "required", "This field is required."});
    else if (!valid_category(*in.category))
      errors.push_back({"category", "invalid", "One of " + list_of(categories()) + "."});
  }
  if (in.departement && !in.departement->empty()) {
    const auto t = kit::territory(*in.departement);
    if (!t || t->level != kit::Territory::Level::departement)
      errors.push_back({"departement", "invalid", "A département code (93, 2A, 971)."});
  }
  if (in.measures)
    for (std::size_t i = 0; i < in.measures->size(); ++i)
      if (std::none_of(plan.begin(), plan.end(),
                       [&](const auto& m) { return m.code == (*in.measures)[i] && !m.retired; }))
        errors.push_back(
            {"measures/" + std::to_string(i), "unknown", "No measure in force has this code."});
  if (in.facts) add("facts", kit::rules::text(*in.facts, kFactsLimit));
  if (in.expected) add("expected", kit::rules::text(*in.expected, kTextLimit));
  if (in.persons && (*in.persons < 1 || *in.persons > 100'000))
    errors.push_back({"persons", "out_of_range", "A whole number of persons, at least 1."});
  const kit::rules::DateRule dated{.required = true, .not_after = today};
  if (in.chronology) {
    if (in.chronology->size() > kMaxEntries)
      errors.push_back({"chronology", "too_many", "At most 100 events."});
    for (std::size_t i = 0; i < in.chronology->size(); ++i) {
      const auto& e = (*in.chronology)[i];
      const auto at = "chronology/" + std::to_string(i) + "/";
      add(at + "date", kit::rules::date(e.date, dated));
      add(at + "event", kit::rules::title(e.event, true, kLineLimit));
      if (!e.kind.empty() && !valid_event_kind(e.kind))
        errors.push_back({at + "kind", "invalid", "One of " + list_of(event_kinds()) + "."});
    }
  }
  if (in.steps) {
    if (in.steps->size() > kMaxEntries)
      errors.push_back({"steps", "too_many", "At most 100 steps."});
    for (std::size_t i = 0; i < in.steps->size(); ++i) {
      const auto at = "steps/" + std::to_string(i) + "/";
      add(at + "date", kit::rules::date((*in.steps)[i].date, dated));
      add(at + "step", kit::rules::title((*in.steps)[i].step, true, kLineLimit));
    }
  }
  if (in.shared)
    for (std::size_t i = 0; i < in.shared->size(); ++i)
      if (!one_of(shareable_parts(), (*in.shared)[i]))
        errors.push_back({"shared/" + std::to_string(i), "invalid",
                          "One of " + list_of(shareable_parts()) + "."});
  // No direct identifier of a person in any text of the case.
  std::vector<std::string> names;
  std::vector<privacy::TextField> texts;
  if (in.title) texts.emplace_back("title", *in.title);
  if (in.facts) texts.emplace_back("facts", *in.facts);
  if (in.expected) texts.emplace_back("expected", *in.expected);
  if (in.chronology)
    for (std::size_t i = 0; i < in.chronology->size(); ++i)
      names.push_back("chronology/" + std::to_string(i) + "/event");
  if (in.steps)
    for (std::size_t i = 0; i < in.steps->size(); ++i)
      names.push_back("steps/" + std::to_string(i) + "/step");
  std::size_t n = 0;
  if (in.chronology)
    for (const auto& e : *in.chronology) texts.emplace_back(names[n++], e.event);
  if (in.steps)
    for (const auto& st : *in.steps) texts.emplace_back(names[n++], st.step);
  for (auto& e : privacy::identifier_errors(texts)) errors.push_back(std::move(e));
}

void apply(Saisine& c, const SaisineInput& in) {
  if (in.title) c.title = *in.title;
  if (in.category) c.category = *in.category;
  if (in.departement) c.departement = *in.departement;
  if (in.measures) c.measures = *in.measures;
  if (in.facts) c.facts = *in.facts;
  if (in.expected) c.expected = *in.expected;
  if (in.persons) c.persons = *in.persons;
  if (in.chronology) c.chronology = *in.chronology;
  if (in.steps) c.steps = *in.steps;
  if (in.shared) c.shared = *in.shared;
}

// The authority of the case, checked against the directory in the write transaction.
void resolve_authority(soci::session& s, Saisine& c, const std::optional<std::string>& code) {
  if (!code) return;
  if (code->empty()) {
    c.authority_org_id.reset();
    c.authority_code.clear();
    c.authority_type.clear();
    return;
  }
  const auto card = accounts::directory::organisation(s, *code);
  if (!card) throw kit::Invalid({{"authority", "unknown", "No organisation has this code."}});
  if (!authority_type(card->type))
    throw kit::Invalid({{"authority", "not_an_authority",
                         "A prefecture, a parquet, a police office or a ministry."}});
  c.authority_org_id = card->id;
  c.authority_code = card->code;
  c.authority_type = std::string(kit::to_string(card->type));
}

// Nearest-rank percentile of sorted values (p in (0, 1]); the median averages the middle two.
std::optional<double> percentile(std::vector<double> v, double p) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  double x;
  if (p == 0.5)
    x = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
  else
    x = v[static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size()))) - 1];
  return std::round(x * 10.0) / 10.0;
}

Figure figure_of(const std::string& key, const std::vector<const Saisine*>& cases) {
  std::vector<double> triage, answer, resolution;
  int resolved = 0, concluded = 0;
  for (const auto* c : cases) {
    if (c->triaged_at) triage.push_back(days_between(*c->submitted_at, *c->triaged_at));
    if (c->referred_at && c->answered_at)
      answer.push_back(days_between(*c->referred_at, *c->answered_at));
    if (c->concluded_at) {
      resolution.push_back(days_between(*c->submitted_at, *c->concluded_at));
      ++concluded;
      if (c->state == State::resolved || (c->state == State::closed && c->outcome_reason.empty()))
        ++resolved;
    }
  }
  Figure f;
  f.key = key;
  f.cases = static_cast<std::int64_t>(cases.size());
  f.median_triage = percentile(triage, 0.5);
  f.p90_triage = percentile(triage, 0.9);
  f.median_answer = percentile(answer, 0.5);
  f.p90_answer = percentile(answer, 0.9);
  f.median_resolution = percentile(resolution, 0.5);
  f.p90_resolution = percentile(resolution, 0.9);
  if (concluded)
    f.share_unblocked = std::round(1000.0 * resolved / concluded) / 10.0;  // a percentage
  return f;
}

}  // namespace

Service::Service(db::Database& db, const security::AuditLog& audit, const security::SecretBox& box,
                 plan::ReportService& plan, Clock now, std::string public_url, Deadlines deadlines)
    : db_(db),
      audit_(audit),
      box_(box),
      plan_(plan),
      now_(std::move(now)),
      public_url_(std::move(public_url)),
      deadlines_(deadlines) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

std::string Service::today() const {
  return db::iso_utc(now_()).substr(0, 10);
}

kit::Relations Service::relations_of(const kit::Actor& who, const Saisine& c) const {
  kit::Relations rel;
  if (who.org_id != 0 && c.filer_org_id == who.org_id) rel.add(kit::Relation::own_organisation);
  if (who.org_id != 0 && c.authority_org_id == who.org_id && c.referred_at)
    rel.add(kit::Relation::addressed_to_me);
  return rel;
}

bool Service::may_make(const kit::Actor& who, const kit::Relations& rel, Party p) const {
  switch (p) {
    case Party::filer:
      return accounts::allowed(who, "saisine.edit", rel);
    case Party::coordinator:
      return accounts::allowed(who, "saisine.triage", rel);
    case Party::authority:
      return accounts::allowed(who, "saisine.answer", rel);
  }
  return false;
}

kit::Relations Service::relation_to_saisine(const kit::Actor& who, std::int64_t id) {
  auto c = db_.read([&](soci::session& s) { return store::find(s, box_, id); });
  if (!c) throw kit::NotFound("No saisine with this id.");
  const auto rel = relations_of(who, *c);
  // A draft is its filing organisation's work in progress; nobody else knows it exists.
  const bool visible = accounts::allowed(who, "saisine.read", rel) &&
                       (c->state != State::draft || rel.has(kit::Relation::own_organisation));
  if (!visible) throw kit::NotFound("No saisine with this id.");
  return rel;
}

std::vector<std::string> Service::coordinators(soci::session& s) {
  std::vector<std::string> out;
  for (const auto& o : accounts::directory::organisations(s))
    if (o.type == kit::OrgType::coordination) out.push_back(o.code);
  return out;
}

void Service::tell(soci::session& s, const Saisine& c, const std::vector<std::string>& orgs,
                   const std::string& kind, const std::string& subject) {
  // No narrative in an e-mail nor in a notification: the reader follows the link and logs in.
  const auto at = db::iso_utc(now_());
  const std::string state(to_string(c.state));
  std::set<std::int64_t> notified;  // a user of two party organisations is told once
  for (const auto& org : orgs)
    for (auto user : accounts::directory::member_ids(s, org, kit::Role::viewer))
      if (notified.insert(user).second) store::notify(s, user, c.id, kind, state, at);
  std::set<std::string> sent;
  for (const auto& org : orgs)
    for (const auto& address : accounts::directory::contacts(s, org, kit::Role::referent))
      if (sent.insert(address).second)
        mail::enqueue(s, {address, subject + " — saisine n° " + std::to_string(c.id),
                          "Bonjour,\n\n" + subject + " (saisine n° " + std::to_string(c.id) +
                              ").\n\nPour la consulter : " + public_url_ + "/saisines/" +
                              std::to_string(c.id) + "\n\n— Vigie\n"});
}

SaisineView Service::view_of(soci::session& s, const kit::Actor& who, Saisine c, bool detail,
                             const std::map<std::string, std::string>* names) {
  SaisineView v;
  const auto rel = relations_of(who, c);
  v.full = accounts::allowed(who, "saisine.read_full", rel);
  const bool authority_thread =
      detail && accounts::allowed(who, "saisine.read_authority_thread", rel);
  if (c.authority_org_id) {
    if (names) {
      if (auto it = names->find(c.authority_code); it != names->end())
        v.authority_name = it->second;
    } else if (auto card = accounts::directory::organisation(s, c.authority_code)) {
      v.authority_name = card->name;
    }
  }
  if (c.submitted_at) v.triage_due = plus_days(*c.submitted_at, deadlines_.triage_days);
  if (c.referred_at) v.answer_due = plus_days(*c.referred_at, deadlines_.answer_days);
  const auto now = today();
  v.overdue = (c.state == State::submitted && v.triage_due && now > *v.triage_due) ||
              (c.state == State::referred && v.answer_due && now > *v.answer_due);
  for (auto to : next_states(c.state))
    if (may_make(who, rel, *party_of(c.state, to))) v.allowed.push_back(to);
  if (detail) v.timeline = store::transitions(s, box_, c.id);
  if (v.full) {
    v.checklist = checklist(c);
    if (detail) v.filer_thread = store::messages(s, box_, c.id, "filer");
    if (detail) v.attachments = store::attachments(s, box_, c.id);
  }
  if (authority_thread) v.authority_thread = store::messages(s, box_, c.id, "authority");
  if (!v.full) {
    // The authority's view: from the referral on, the summary and the parts marked shared.
    auto from = std::find_if(v.timeline.begin(), v.timeline.end(),
                             [](const auto& t) { return t.to == State::referred; });
    v.timeline.erase(v.timeline.begin(), from);
    for (auto& t : v.timeline) {
      if (t.to != State::answered) t.message.clear();
      if (t.org_id == c.filer_org_id) t.org_code.clear();
    }
    auto shared = [&](const char* part) { return in_shared(c.shared, part); };
    Saisine a;
    a.id = c.id;
    a.category = c.category;
    a.authority_org_id = c.authority_org_id;
    a.authority_code = c.authority_code;
    a.authority_type = c.authority_type;
    a.departement = c.departement;
    a.measures = c.measures;
    a.summary = c.summary;
    a.shared = c.shared;
    if (shared("facts")) a.facts = c.facts;
    if (shared("chronology")) a.chronology = c.chronology;
    if (shared("steps")) a.steps = c.steps;
    if (shared("expected")) a.expected = c.expected;
    a.state = c.state;
    a.outcome_reason = c.outcome_reason;
    a.created_at = c.created_at;
    a.updated_at = c.updated_at;
    a.referred_at = c.referred_at;
    a.answered_at = c.answered_at;
    a.concluded_at = c.concluded_at;
    a.committee_flag = c.committee_flag;
    v.triage_due.reset();
    c = std::move(a);
  }
  v.saisine = std::move(c);
  return v;
}

SaisineView Service::file(const kit::Actor& who, const SaisineInput& in) {
  kit::FieldErrors errors;
  check(in, true, plan_.measure_summaries(), day_of(today()), errors);
  kit::throw_if_invalid(std::move(errors));
  return db_.transact([&](soci::session& s) {
    Saisine c;
    c.filer_org_id = who.org_id;
    c.filer_org_code = who.org_code;
    c.filer_user_id = who.user_id;
    apply(c, in);
    resolve_authority(s, c, in.authority);
    c.state = State::draft;
    c.created_at = c.updated_at = db::iso_utc(now_());
    c.id = store::insert(s, box_, c);
    kit::AuditRecord(who, "saisine.file", "saisine", c.id)
        .detail("category", c.category)
        .append(s, db_.backend(), audit_);
    return view_of(s, who, c);
  });
}

SaisineView Service::change(const kit::Actor& who, std::int64_t id, const SaisineInput& in) {
  kit::FieldErrors errors;
  check(in, false, plan_.measure_summaries(), day_of(today()), errors);
  kit::throw_if_invalid(std::move(errors));
  return db_.transact([&](soci::session& s) {
    auto c = store::find(s, box_, id);
    if (!c) throw kit::NotFound("No saisine with this id.");
    if (c->state != State::draft && c->state != State::needs_information)
      throw kit::Conflict("not-editable",
                          "A saisine changes only as a draft or when information is asked for.",
                          {{"state", to_string(c->state)}});
    apply(*c, in);
    resolve_authority(s, *c, in.authority);
    c->updated_at = db::iso_utc(now_());
    store::update(s, box_, *c);
    kit::AuditRecord(who, "saisine.change", "saisine", c->id)
        .owner(c->filer_org_id)
        .append(s, db_.backend(), audit_);
    return view_of(s, who, *c);
  });
}

SaisineView Service::get(const kit::Actor& who, std::int64_t id) {
  // A write transaction: the read itself is recorded, for the filing organisation to see.
  return db_.transact([&](soci::session& s) {
    auto c = store::find(s, box_, id);
    if (!c) throw kit::NotFound("No saisine with this id.");
    auto v = view_of(s, who, *c);
    kit::AuditRecord(who, "saisine.read", "saisine", id)
        .owner(c->filer_org_id)
        .detail("view", v.full ? "full" : "authority")
        .append(s, db_.backend(), audit_);
    return v;
  });
}

std::vector<SaisineView> Service::list(const kit::Actor& who,
                                       const std::optional<std::string>& state,
                                       const std::optional<std::string>& authority,
                                       bool overdue_only) {
  if (state && !state->empty() && !state_from(*state))
    throw kit::Invalid({{"state", "invalid", "A state of a saisine."}});
  const bool everything = accounts::allowed(who, "saisine.read_full", kit::Relations{});
  return db_.read([&](soci::session& s) {
    std::vector<SaisineView> out;
    std::map<std::string, std::string> names;
    for (const auto& o : accounts::directory::organisations(s)) names[o.code] = o.name;
    for (auto& c : store::list(s, box_, everything ? std::nullopt : std::optional(who.org_id))) {
      const auto rel = relations_of(who, c);
      if (c.state == State::draft && !rel.has(kit::Relation::own_organisation)) continue;
      if (!everything && rel.empty()) continue;
      if (state && !state->empty() && to_string(c.state) != *state) continue;
      if (authority && !authority->empty() && c.authority_code != *authority) continue;
      auto v = view_of(s, who, std::move(c), false, &names);
      if (overdue_only && !v.overdue) continue;
      out.push_back(std::move(v));
    }
    return out;
  });
}

SaisineView Service::transition(const kit::Actor& who, std::int64_t id, const TransitionInput& in) {
  const auto to = state_from(in.to);
  if (!to) throw kit::Invalid({{"to", "invalid", "A state of a saisine."}});
  return db_.transact([&](soci::session& s) {
    auto c = store::find(s, box_, id);
    if (!c) throw kit::NotFound("No saisine with this id.");
    const auto party = party_of(c->state, *to);
    if (!party) {
      boost::json::array allowed;
      for (auto n : next_states(c->state)) allowed.push_back(boost::json::string(to_string(n)));
      throw kit::Conflict(
          "illegal-transition",
          "A saisine in state " + std::string(to_string(c->state)) + " cannot go to " + in.to + ".",
          {{"state", to_string(c->state)}, {"allowed", std::move(allowed)}});
    }
    const auto rel = relations_of(who, *c);
    if (!may_make(who, rel, *party)) throw kit::Forbidden("This transition is not yours to make.");
    kit::FieldErrors errors;
    auto required = [&](const char* field, const std::string& v) {
      if (v.empty()) errors.push_back({field, "required", "This field is required."});
    };
    switch (*to) {
      case State::submitted:
        // What the coordinator needs to take a case up at all.
        if (c->authority_code.empty()) required("authority", "");
        if (c->departement.empty()) required("departement", "");
        if (!c->persons) required("persons", "");
        if (c->facts.empty()) required("facts", "");
        break;
      case State::needs_information:
        required("message", in.message);  // what is missing
        break;
      case State::referred:
        required("summary", in.summary);
        break;
      case State::answered:
        required("message", in.message);  // the authority's answer
        break;
      case State::declined:
        if (!one_of(declined_reasons(), in.reason))
          errors.push_back({"reason", in.reason.empty() ? "required" : "invalid",
                            "One of " + list_of(declined_reasons()) + "."});
        break;
      case State::not_resolved:
        if (!one_of(not_resolved_reasons(), in.reason))
          errors.push_back({"reason", in.reason.empty() ? "required" : "invalid",
                            "One of " + list_of(not_resolved_reasons()) + "."});
        required("message", in.message);
        break;
      default:
        break;
    }
    if (!in.reason.empty() && *to != State::declined && *to != State::not_resolved)
      errors.push_back({"reason", "unexpected", "A reason goes with declined or not_resolved."});
    if (!in.summary.empty() && *to != State::referred)
      errors.push_back({"summary", "unexpected", "A summary goes with referred."});
    for (auto [field, text] : {std::pair{"message", &in.message}, {"summary", &in.summary}})
      if (auto p = kit::rules::text(*text, kTextLimit))
        errors.push_back({field, p->code, p->message});
    for (auto& e : privacy::identifier_errors({{"message", in.message}, {"summary", in.summary}}))
      errors.push_back(std::move(e));
    kit::throw_if_invalid(std::move(errors));

    const auto at = db::iso_utc(now_());
    const State from = c->state;
    c->state = *to;
    c->updated_at = at;
    switch (*to) {
      case State::submitted:
        if (!c->submitted_at) c->submitted_at = at;
        break;
      case State::accepted:
      case State::declined:
        if (!c->triaged_at) c->triaged_at = at;
        if (*to == State::declined) c->outcome_reason = in.reason;
        break;
      case State::referred:
        c->summary = in.summary;
        c->referred_at = at;
        break;
      case State::answered:
        c->answered_at = at;
        break;
      case State::resolved:
      case State::not_resolved:
        c->concluded_at = at;
        c->outcome_reason = in.reason;
        break;
      default:
        break;
    }
    // A case that leaves the state it was overdue in is no longer stalled.
    if (from == State::submitted || from == State::referred) c->committee_flag = false;
    store::update(s, box_, *c);
    store::add_transition(
        s, box_,
        {0, c->id, from, *to, at, who.user_id, who.org_id, who.org_code, in.reason, in.message});
    kit::AuditRecord(who, "saisine.transition", "saisine", c->id)
        .owner(c->filer_org_id)
        .detail("from", to_string(from))
        .detail("to", to_string(*to))
        .append(s, db_.backend(), audit_);
    // The parties of the transition are told (the filer of what the coordinator decides, the
    // coordinator of what the filer or the authority did, the authority of a referral).
    const auto coordination = coordinators(s);
    std::vector<std::string> parties;
    if (*party != Party::filer) parties.push_back(c->filer_org_code);
    if (*party != Party::coordinator)
      parties.insert(parties.end(), coordination.begin(), coordination.end());
    if (*to == State::referred) parties.push_back(c->authority_code);
    tell(s, *c, parties, "transition",
         "Saisine passée à l'état « " + std::string(to_string(*to)) + " »");
    return view_of(s, who, *c);
  });
}

Message Service::post(const kit::Actor& who, std::int64_t id, const std::string& thread,
                      const std::string& text) {
  kit::FieldErrors errors;
  if (thread != "filer" && thread != "authority")
    errors.push_back({"thread", "invalid", "filer or authority."});
  if (auto p = kit::rules::text(text, kTextLimit))
    errors.push_back({"text", p->code, p->message});
  else if (text.empty())
    errors.push_back({"text", "required", "This field is required."});
  for (auto& e : privacy::identifier_errors({{"text", text}})) errors.push_back(std::move(e));
  kit::throw_if_invalid(std::move(errors));
  return db_.transact([&](soci::session& s) {
    auto c = store::find(s, box_, id);
    if (!c) throw kit::NotFound("No saisine with this id.");
    const auto rel = relations_of(who, *c);
    const bool coordinator = accounts::allowed(who, "saisine.triage", rel);
    // The filer ⇄ coordinator and coordinator ⇄ authority threads never cross.
    const bool may = thread == "filer"
                         ? coordinator || accounts::allowed(who, "saisine.edit", rel)
                         : coordinator || accounts::allowed(who, "saisine.answer", rel);
    if (!may) throw kit::Forbidden("This thread is not yours to write in.");
    if (thread == "authority" && !c->referred_at)
      throw kit::Conflict("not-referred", "The authority's thread opens with the referral.");
    Message m;
    m.saisine_id = c->id;
    m.thread = thread;
    m.org_id = who.org_id;
    m.org_code = who.org_code;
    m.user_id = who.user_id;
    m.text = text;
    m.created_at = db::iso_utc(now_());
    m.id = store::add_message(s, box_, m);
    kit::AuditRecord(who, "saisine.message", "saisine", c->id)
        .owner(c->filer_org_id)
        .detail("thread", thread)
        .append(s, db_.backend(), audit_);
    std::vector<std::string> parties;
    if (coordinator)
      parties.push_back(thread == "filer" ? c->filer_org_code : c->authority_code);
    else
      parties = coordinators(s);
    tell(s, *c, parties, "message", "Nouveau message sur une saisine");
    return m;
  });
}

std::vector<Notification> Service::notifications(const kit::Actor& who) {
  return db_.read([&](soci::session& s) { return store::notifications(s, who.user_id, 50); });
}

int Service::unread(const kit::Actor& who) {
  return db_.read([&](soci::session& s) { return store::unread(s, who.user_id); });
}

void Service::mark_read(const kit::Actor& who) {
  db_.transact([&](soci::session& s) { store::mark_read(s, who.user_id, db::iso_utc(now_())); });
}

Figures Service::figures(const kit::Actor& who, const std::optional<std::string>& category) {
  const bool exact = accounts::allowed(who, "saisine.figures_exact", kit::Relations{});
  auto all = db_.read([&](soci::session& s) { return store::list(s, box_, std::nullopt); });
  std::vector<const Saisine*> cases;
  for (const auto& c : all)
    if (c.submitted_at && c.state != State::draft) cases.push_back(&c);
  Figures out;
  out.controlled = !exact;
  out.overall = figure_of("total", cases);
  const privacy::DisclosureRules rules;
  if (!exact && cases.size() < static_cast<std::size_t>(rules.k)) {
    Figure f;
    f.key = "total";
    out.overall = f;
  }
  // `published`: the controlled count of each group (unused when exact).
  auto rows_of = [&](const std::map<std::string, std::vector<const Saisine*>>& groups,
                     std::map<std::string, std::optional<std::int64_t>> published) {
    std::vector<Figure> rows;
    for (const auto& [k, list] : groups) {
      if (exact) {
        rows.push_back(figure_of(k, list));
        continue;
      }
      const auto p = published[k];
      Figure f;
      f.key = k;
      if (p) {
        f = figure_of(k, list);
        f.cases = *p;  // the rounded count
      }
      rows.push_back(std::move(f));
    }
    return rows;
  };
  const auto key = [](const std::string& k) { return k.empty() ? std::string("unknown") : k; };
  auto by = [&](const std::string& dimension, auto key_of) {
    std::map<std::string, std::vector<const Saisine*>> groups;
    privacy::CountTable table({dimension});
    for (const auto* c : cases) {
      groups[key(key_of(*c))].push_back(c);
      table.add({key(key_of(*c))});
    }
    std::map<std::string, std::optional<std::int64_t>> published;
    if (!exact)
      for (const auto& cell : privacy::control(table, rules).cells)
        if (cell.key.size() == 1 && cell.key[0]) published[*cell.key[0]] = cell.value;
    return rows_of(groups, std::move(published));
  };
  out.by_category = by("saisine_category", [](const Saisine& c) { return c.category; });
  out.by_authority_type = by("actor_type", [](const Saisine& c) { return c.authority_type; });
  // The département breakdown (the map of recurring blocks), of every category or of one: beyond
  // the coordinator both are read from ONE table crossing category and département, controlled
  // as a whole, so that the map of one category cannot be subtracted from the map of all (or of
  // the others) to reveal a suppressed cell (docs/PRIVACY.md, "Saisines' figures").
  {
    std::map<std::string, std::vector<const Saisine*>> groups;
    privacy::CountTable table({"saisine_category", "departement"});
    for (const auto* c : cases) {
      table.add({key(c->category), key(c->departement)});
      if (!category || c->category == *category) groups[key(c->departement)].push_back(c);
    }
    std::map<std::string, std::optional<std::int64_t>> published;
    if (!exact)
      for (const auto& cell : privacy::control(table, rules).cells)
        if (cell.key.size() == 2 && cell.key[1] &&
            (category ? cell.key[0] && *cell.key[0] == *category : !cell.key[0]))
          published[*cell.key[1]] = cell.value;
    out.by_departement = rows_of(groups, std::move(published));
  }
  if (!exact && out.overall.cases)
    out.overall.cases = (*out.overall.cases + 2) / 5 * 5;  // rounded as published counts are
  return out;
}

int Service::send_reminders() {
  const auto now = today();
  const auto now_day = day_of(now);
  return db_.transact([&](soci::session& s) {
    int queued = 0;
    const auto coordination = coordinators(s);
    for (auto& c : store::list(s, box_, std::nullopt)) {
      std::optional<std::string> opened;
      int days = 0;
      std::string kind;
      if (c.state == State::submitted && c.submitted_at) {
        opened = c.submitted_at;
        days = deadlines_.triage_days;
        kind = "triage";
      } else if (c.state == State::referred && c.referred_at) {
        opened = c.referred_at;
        days = deadlines_.answer_days;
        kind = "answer";
      } else {
        continue;
      }
      const auto due = plus_days(*opened, days);
      auto sent = [&](const std::string& k) {
        std::vector<std::chrono::sys_days> out;
        for (const auto& d : store::notices_sent(s, c.id, kind + "." + k)) out.push_back(day_of(d));
        return out;
      };
      const auto reminder =
          kit::reminder_due(now_day, day_of(due), day_of(*opened), sent("before"), sent("overdue"));
      // Recorded by day: a concurrent pass (another process's) records nothing, sends nothing.
      if (reminder &&
          store::record_notice(s, c.id,
                               kind + (*reminder == kit::Reminder::before ? ".before" : ".overdue"),
                               now.substr(0, 10))) {
        std::vector<std::string> to = coordination;
        if (kind == "answer") to.push_back(c.authority_code);
        const std::string subject =
            *reminder == kit::Reminder::before
                ? (kind == "triage" ? "Saisine à examiner avant le " + due
                                    : "Réponse attendue sur une saisine avant le " + due)
                : (kind == "triage" ? "Saisine en retard d'examen depuis le " + due
                                    : "Réponse en retard sur une saisine depuis le " + due);
        std::set<std::string> recipients;
        for (const auto& org : to)
          for (const auto& a : accounts::directory::contacts(s, org, kit::Role::referent))
            recipients.insert(a);
        tell(s, c, to, "reminder", subject);
        queued += static_cast<int>(recipients.size());
        kit::AuditRecord(kit::Actor::system(), "saisine.reminder", "saisine", c.id)
            .owner(c.filer_org_id)
            .detail("kind", kind)
            .detail("recipients", recipients.size())
            .append(s, db_.backend(), audit_);
      }
      if (!c.committee_flag && now > plus_days(due + "T00:00:00Z", deadlines_.escalation_days)) {
        c.committee_flag = true;
        store::update(s, box_, c);
        kit::AuditRecord(kit::Actor::system(), "saisine.committee_flag", "saisine", c.id)
            .owner(c.filer_org_id)
            .detail("kind", kind)
            .append(s, db_.backend(), audit_);
      }
    }
    return queued;
  });
}

}  // namespace vigie::saisines
