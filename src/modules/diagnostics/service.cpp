#include "modules/diagnostics/service.hpp"

#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/rules.hpp"
#include "kit/territory.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/diagnostics/store.hpp"
#include "privacy/field_guard.hpp"
#include "text/fold.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace vigie::diagnostics {

namespace {

constexpr std::size_t kTextLimit = 10'000;

const plan::MeasureSummary* find_measure(const std::vector<plan::MeasureSummary>& all,
                                         const std::string& code) {
  for (const auto& m : all)
    if (m.code == code) return &m;
  return nullptr;
}

// A year or a quarter (a diagnostic speaks of a season of work, not a month).
bool diagnostic_period(const std::string& p) {
  return p.size() == 4 || (p.size() == 7 && p[5] == 'Q');
}

// True when a diagnostic's period lies in the period asked for (a year holds its quarters).
bool in_period(const std::string& period, const std::string& asked) {
  return period == asked || (asked.size() == 4 && period.starts_with(asked + "-"));
}

kit::Territory scope_territory(const std::optional<std::string>& code) {
  if (!code || code->empty()) return *kit::territory("national");
  auto t = kit::territory(*code);
  if (!t)
    throw kit::Invalid(
        {{"territory", "invalid", "National, a region (R11) or a département (93)."}});
  return *t;
}

void check(const DiagnosticInput& in, bool creating, const std::vector<plan::MeasureSummary>& plan,
           kit::FieldErrors& errors) {
  auto required = [&](const std::optional<std::string>& v, const char* field) {
    if (creating && (!v || v->empty()))
      errors.push_back({field, "required", "This field is required."});
  };
  required(in.measure, "measure");
  required(in.territory, "territory");
  required(in.period, "period");
  required(in.rating, "rating");
  required(in.visibility, "visibility");
  if (in.measure && !in.measure->empty()) {
    const auto* m = find_measure(plan, *in.measure);
    if (!m || m->retired)
      errors.push_back(
          {"measure", "unknown", "No measure in force, nor cross-cutting theme, has this code."});
  }
  if (in.territory && !in.territory->empty() && !kit::territory(*in.territory))
    errors.push_back({"territory", "invalid", "National, a region (R11) or a département (93)."});
  if (in.period && !in.period->empty()) {
    const auto c = kit::rules::canonical_period(*in.period);
    if (!c || !diagnostic_period(*c))
      errors.push_back({"period", "invalid", "A year (2025) or a quarter (2025-Q1 or 2025-T1)."});
  }
  if (in.rating && !in.rating->empty() && !rating_from(*in.rating))
    errors.push_back({"rating", "invalid",
                      "One of not_implemented, weak, partial, substantial, effective, unknown."});
  if (in.visibility && !in.visibility->empty() && !visibility_from(*in.visibility))
    errors.push_back({"visibility", "invalid", "committee or coordination."});
  for (auto [field, text] : {std::pair{"strengths", &in.strengths},
                             {"obstacles", &in.obstacles},
                             {"recommendations", &in.recommendations}})
    if (*text)
      if (auto p = kit::rules::text(**text, kTextLimit))
        errors.push_back({field, p->code, p->message});
  if (in.evidence) {
    if (in.evidence->size() > 20) errors.push_back({"evidence", "too_many", "At most 20 items."});
    for (std::size_t i = 0; i < in.evidence->size() && i < 20; ++i) {
      const auto& e = (*in.evidence)[i];
      const auto at = "evidence/" + std::to_string(i) + "/";
      // A link, or a figure with its source (a report, a survey, an organisation's count).
      if (e.url.empty() && e.figure.empty())
        errors.push_back({at + "url", "required", "A link, or a figure with its source."});
      else if (!e.url.empty() && kit::rules::link(e.url))
        errors.push_back({at + "url", "invalid", "A link starting with http:// or https://."});
      if (auto p = kit::rules::title(e.label, true, 300))
        errors.push_back({at + "label", p->code, p->message});
      if (!e.figure.empty())
        if (auto p = kit::rules::title(e.figure, true, 100))
          errors.push_back({at + "figure", p->code, p->message});
      if (!e.figure.empty() && e.source.empty())
        errors.push_back({at + "source", "required", "Where the figure comes from."});
      else if (!e.source.empty())
        if (auto p = kit::rules::title(e.source, true, 300))
          errors.push_back({at + "source", p->code, p->message});
    }
  }
  // No direct identifier of a person in what the committee will read.
  std::vector<privacy::TextField> texts;
  if (in.strengths) texts.emplace_back("strengths", *in.strengths);
  if (in.obstacles) texts.emplace_back("obstacles", *in.obstacles);
  if (in.recommendations) texts.emplace_back("recommendations", *in.recommendations);
  std::vector<std::string> labels;  // kept alive: TextField holds views of the field names
  if (in.evidence)
    for (std::size_t i = 0; i < in.evidence->size() && i < 20; ++i)
      for (const char* part : {"label", "figure", "source"})
        labels.push_back("evidence/" + std::to_string(i) + "/" + part);
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const auto& e = (*in.evidence)[i / 3];
    const std::string& text = i % 3 == 0 ? e.label : i % 3 == 1 ? e.figure : e.source;
    if (!text.empty()) texts.emplace_back(labels[i], text);
  }
  for (auto& e : privacy::identifier_errors(texts)) errors.push_back(std::move(e));
}

void apply(Diagnostic& d, const DiagnosticInput& in) {
  if (in.measure) d.measure_code = *in.measure;
  if (in.territory) d.territory = *in.territory;
  if (in.period) d.period = *kit::rules::canonical_period(*in.period);
  if (in.rating) d.rating = *rating_from(*in.rating);
  if (in.strengths) d.strengths = *in.strengths;
  if (in.obstacles) d.obstacles = *in.obstacles;
  if (in.recommendations) d.recommendations = *in.recommendations;
  if (in.visibility) d.visibility = *visibility_from(*in.visibility);
  if (in.evidence) d.evidence = *in.evidence;
}

std::size_t rating_index(Rating r) {
  return static_cast<std::size_t>(r);
}

// Counts ratings and the median over organisations for each key.
std::vector<RatingCount> count_by(const std::vector<store::RatingRow>& rows,
                                  const std::function<std::string(const store::RatingRow&)>& key) {
  std::map<std::string, RatingCount> out;
  std::map<std::string, std::map<std::int64_t, std::vector<double>>> levels;
  for (const auto& r : rows) {
    const auto k = key(r);
    auto& c = out[k];
    c.key = k;
    ++c.ratings[rating_index(r.rating)];
    if (auto l = level(r.rating)) levels[k][r.author_org_id].push_back(*l);
  }
  for (auto& [k, c] : out) {
    std::vector<double> medians;
    for (const auto& [org, ls] : levels[k]) medians.push_back(*median(ls));
    c.median = median(medians);
    c.organisations = static_cast<int>(levels[k].size());
  }
  std::vector<RatingCount> v;
  for (auto& [k, c] : out) v.push_back(std::move(c));
  return v;
}

std::vector<FieldRating> field_ratings(const std::vector<store::RatingRow>& rows) {
  std::vector<FieldRating> out;
  for (const auto& r : rows) out.push_back({r.author_org_code, r.author_org_type, r.rating});
  return out;
}

std::optional<OfficialPicture> official_of(const plan::MeasureSummary& m) {
  return OfficialPicture{m.status, static_cast<int>(m.progress + 0.5)};
}

std::string searchable(const Diagnostic& d) {
  std::string all = d.strengths + "\n" + d.obstacles + "\n" + d.recommendations;
  for (const auto& e : d.evidence) all += "\n" + e.label + "\n" + e.figure + "\n" + e.source;
  return all;
}

// The words' first match in `original` with some context, split into plain and matching parts.
std::vector<SnippetPart> snippet(const std::string& original,
                                 const std::vector<std::string>& words) {
  const auto f = text::fold_map(original);
  auto starts_word = [&](std::size_t i) {
    return i == 0 || !std::isalnum(static_cast<unsigned char>(f.text[i - 1]));
  };
  // Every match of a word at the start of a word of the text, in folded positions.
  std::vector<std::pair<std::size_t, std::size_t>> hits;
  for (const auto& w : words)
    for (std::size_t at = f.text.find(w); at != std::string::npos; at = f.text.find(w, at + 1))
      if (starts_word(at)) {
        std::size_t end = at + w.size();
        while (end < f.text.size() && std::isalnum(static_cast<unsigned char>(f.text[end]))) ++end;
        hits.emplace_back(at, end);
      }
  std::sort(hits.begin(), hits.end());
  if (hits.empty())
    return {{original.substr(0, std::min<std::size_t>(original.size(), 160)), false}};
  const std::size_t from = hits.front().first > 60 ? hits.front().first - 60 : 0;
  const std::size_t to = std::min(f.text.size(), hits.front().first + 160);
  std::vector<SnippetPart> parts;
  auto piece = [&](std::size_t a, std::size_t b, bool hit) {
    if (b <= a) return;
    parts.push_back({original.substr(f.origin[a], f.origin[b] - f.origin[a]), hit});
  };
  std::size_t cursor = from;
  for (const auto& [a, b] : hits) {
    if (a < cursor || a >= to) continue;
    piece(cursor, a, false);
    piece(a, std::min(b, to), true);
    cursor = std::min(b, to);
  }
  piece(cursor, to, false);
  if (from > 0) parts.front().text = "… " + parts.front().text;
  if (to < f.text.size()) parts.back().text += " …";
  return parts;
}

}  // namespace

Service::Service(db::Database& db, const security::AuditLog& audit, plan::ReportService& plan,
                 Clock now, std::string public_url)
    : db_(db),
      audit_(audit),
      plan_(plan),
      now_(std::move(now)),
      public_url_(std::move(public_url)) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

std::string Service::current_year() const {
  return db::iso_utc(now_()).substr(0, 4);
}

void Service::index(soci::session& s, const Diagnostic& d) {
  store::index_text(s, db_.backend(), "diagnostic", d.id, text::fold(searchable(d)));
}

std::vector<SearchResult> Service::search(const kit::Actor& who, const std::string& query) {
  const auto words = text::query_words(query);
  if (words.empty()) return {};
  return db_.read([&](soci::session& s) {
    std::vector<SearchResult> out;
    std::set<std::int64_t> seen;
    for (const auto& hit : store::search(s, db_.backend(), words, 200)) {
      std::optional<Diagnostic> d =
          hit.kind == "diagnostic" ? store::find(s, hit.ref_id) : store::current_of(s, hit.ref_id);
      if (!d || !visible(who, *d) || !seen.insert(d->id).second) continue;
      std::string text = searchable(*d);
      if (hit.kind != "diagnostic") {
        const auto t = store::thread(s, d->lineage_id);
        for (const auto* list : {&t.replies, &t.comments})
          for (const auto& m : *list) {
            const auto folded = text::fold(m.text);
            bool all = true;
            for (const auto& w : words) all = all && folded.find(w) != std::string::npos;
            if (all) text = m.text;
          }
      }
      out.push_back({*d, hit.kind, snippet(text, words)});
      if (out.size() >= 50) break;
    }
    return out;
  });
}

bool Service::visible(const kit::Actor& who, const Diagnostic& d) const {
  const auto rel = d.author_org_id == who.org_id ? kit::Relations{kit::Relation::own_organisation}
                                                 : kit::Relations{};
  if (d.state == State::draft) return accounts::allowed(who, "diagnostic.read_draft", rel);
  if (d.visibility == Visibility::coordination)
    return accounts::allowed(who, "diagnostic.read_restricted", rel);
  return accounts::allowed(who, "diagnostic.read", rel);
}

kit::Relations Service::relation_to_diagnostic(const kit::Actor& who, std::int64_t id) {
  auto d = db_.read([&](soci::session& s) { return store::find(s, id); });
  if (!d || !visible(who, *d)) throw kit::NotFound("No diagnostic with this id.");
  kit::Relations rel;
  if (d->author_org_id == who.org_id) rel.add(kit::Relation::own_organisation);
  if (const auto m = plan_.subject_summary(d->measure_code);
      m && std::find(m->pilots.begin(), m->pilots.end(), who.org_code) != m->pilots.end())
    rel.add(kit::Relation::pilot);
  return rel;
}

Diagnostic Service::create(const kit::Actor& who, const DiagnosticInput& in) {
  kit::FieldErrors errors;
  check(in, true, plan_.subject_summaries(), errors);
  kit::throw_if_invalid(std::move(errors));
  Diagnostic d;
  d.author_org_id = who.org_id;
  d.author_org_code = who.org_code;
  d.author_org_type = std::string(kit::to_string(who.org_type));
  d.author_user_id = who.user_id;
  d.rating = Rating::unknown;
  apply(d, in);
  d.state = State::draft;
  d.created_at = d.updated_at = db::iso_utc(now_());
  return db_.transact([&](soci::session& s) {
    d.id = store::insert(s, d);
    index(s, d);
    kit::AuditRecord(who, "diagnostic.create", "diagnostic", d.id)
        .detail("measure", d.measure_code)
        .append(s, db_.backend(), audit_);
    return *store::find(s, d.id);
  });
}

Diagnostic Service::change(const kit::Actor& who, std::int64_t id, const DiagnosticInput& in) {
  kit::FieldErrors errors;
  check(in, false, plan_.subject_summaries(), errors);
  kit::throw_if_invalid(std::move(errors));
  return db_.transact([&](soci::session& s) {
    auto d = store::find(s, id);
    if (!d) throw kit::NotFound("No diagnostic with this id.");
    if (d->state == State::superseded)
      throw kit::Conflict("superseded", "A newer version replaces this one: change that one.");
    const auto at = db::iso_utc(now_());
    if (d->state == State::draft) {
      apply(*d, in);
      d->updated_at = at;
      store::update_draft(s, *d);
      index(s, *d);
      kit::AuditRecord(who, "diagnostic.change", "diagnostic", d->id)
          .owner(d->author_org_id)
          .append(s, db_.backend(), audit_);
      return *store::find(s, d->id);
    }
    // Published: never overwritten. The change is a new draft version of the chain.
    const auto chain = store::versions(s, d->lineage_id);
    for (const auto& v : chain)
      if (v.state == State::draft)
        throw kit::Conflict("draft-exists", "A draft of a new version exists: change that one.",
                            {{"draft", v.id}});
    Diagnostic next = *d;
    apply(next, in);
    next.version = chain.back().version + 1;
    next.state = State::draft;
    next.author_user_id = who.user_id;
    next.created_at = next.updated_at = at;
    next.published_at.reset();
    next.superseded_at.reset();
    next.id = store::insert(s, next);
    index(s, next);
    kit::AuditRecord(who, "diagnostic.new_version", "diagnostic", next.id)
        .owner(next.author_org_id)
        .detail("replaces", d->id)
        .append(s, db_.backend(), audit_);
    return *store::find(s, next.id);
  });
}

Diagnostic Service::publish(const kit::Actor& who, std::int64_t id) {
  return db_.transact([&](soci::session& s) {
    auto d = store::find(s, id);
    if (!d) throw kit::NotFound("No diagnostic with this id.");
    if (d->state != State::draft) throw kit::Conflict("not-a-draft", "Only a draft is published.");
    kit::FieldErrors errors;
    if (d->rating == Rating::unknown && d->strengths.empty() && d->obstacles.empty())
      errors.push_back(
          {"obstacles", "required", "Say what you observe: a rating, strengths or obstacles."});
    kit::throw_if_invalid(std::move(errors));
    const auto at = db::iso_utc(now_());
    store::publish(s, d->id, at);
    const int superseded = store::supersede_previous(s, *d, d->id, at);
    kit::AuditRecord(who, "diagnostic.publish", "diagnostic", d->id)
        .owner(d->author_org_id)
        .detail("measure", d->measure_code)
        .detail("rating", to_string(d->rating))
        .detail("superseded", superseded)
        .append(s, db_.backend(), audit_);
    auto published = *store::find(s, d->id);
    // Only a diagnostic the committee reads is announced to the pilots.
    if (published.visibility == Visibility::committee) {
      const auto plan = plan_.subject_summaries();
      if (const auto* m = find_measure(plan, published.measure_code))
        tell(s, published, m->pilots, "published", who,
             "Nouveau diagnostic de terrain sur la mesure " + published.measure_code);
    }
    return published;
  });
}

DiagnosticView Service::get(const kit::Actor& who, std::int64_t id) {
  return db_.read([&](soci::session& s) {
    auto d = store::find(s, id);
    if (!d || !visible(who, *d)) throw kit::NotFound("No diagnostic with this id.");
    DiagnosticView v{*d, {}, store::thread(s, d->lineage_id)};
    for (auto& version : store::versions(s, d->lineage_id))
      if (visible(who, version)) v.versions.push_back(std::move(version));
    return v;
  });
}

std::vector<Diagnostic> Service::list(const kit::Actor& who,
                                      const std::optional<std::string>& measure,
                                      const std::optional<std::string>& territory, bool mine) {
  store::Filter f;
  f.measure = measure;
  f.territory = territory;
  if (mine)
    f.author_org_id = who.org_id;
  else
    f.states = {State::published};
  return db_.read([&](soci::session& s) {
    std::vector<Diagnostic> out;
    for (auto& d : store::list(s, f))
      if (visible(who, d)) out.push_back(std::move(d));
    return out;
  });
}

void Service::tell(soci::session& s, const Diagnostic& d, const std::vector<std::string>& orgs,
                   const std::string& kind, const kit::Actor& who, const std::string& subject) {
  const auto at = db::iso_utc(now_());
  std::set<std::int64_t> told;
  for (const auto& org : orgs) {
    for (auto user : accounts::directory::member_ids(s, org, kit::Role::contributor))
      if (user != who.user_id && told.insert(user).second)
        store::notify(s, user, d.lineage_id, kind, at);
    for (const auto& address : accounts::directory::contacts(s, org, kit::Role::referent))
      mail::enqueue(s, {address, subject,
                        "Bonjour,\n\n" + subject + " (" + d.territory + ", " + d.period +
                            ").\n\nPour le lire : " + public_url_ + "/diagnostics/" +
                            std::to_string(d.id) + "\n\n— Vigie\n"});
  }
}

Message Service::reply(const kit::Actor& who, std::int64_t id, const std::string& text) {
  kit::FieldErrors errors;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    errors.push_back({"text", "required", "Write your answer."});
  else if (auto p = kit::rules::text(text, kTextLimit))
    errors.push_back({"text", p->code, p->message});
  for (auto& e : privacy::identifier_errors({{"text", text}})) errors.push_back(std::move(e));
  kit::throw_if_invalid(std::move(errors));
  return db_.transact([&](soci::session& s) {
    auto d = store::find(s, id);
    if (!d) throw kit::NotFound("No diagnostic with this id.");
    if (d->state != State::published)
      throw kit::Conflict("not-published", "Only the current published version is answered.");
    Message m{0, d->lineage_id, text, who.org_id, who.org_code, who.user_id, db::iso_utc(now_())};
    store::insert_reply(s, m);
    store::index_text(s, db_.backend(), "reply", d->lineage_id, text::fold(text));
    kit::AuditRecord(who, "diagnostic.reply", "diagnostic", d->id)
        .detail("author_organisation", d->author_org_code)
        .append(s, db_.backend(), audit_);
    tell(s, *d, {d->author_org_code}, "reply", who,
         "Réponse du pilote à votre diagnostic sur la mesure " + d->measure_code);
    return m;
  });
}

Message Service::comment(const kit::Actor& who, std::int64_t id, const std::string& text) {
  kit::FieldErrors errors;
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    errors.push_back({"text", "required", "Write your comment."});
  else if (auto p = kit::rules::text(text, kTextLimit))
    errors.push_back({"text", p->code, p->message});
  for (auto& e : privacy::identifier_errors({{"text", text}})) errors.push_back(std::move(e));
  kit::throw_if_invalid(std::move(errors));
  const auto plan = plan_.subject_summaries();
  return db_.transact([&](soci::session& s) {
    auto d = store::find(s, id);
    if (!d) throw kit::NotFound("No diagnostic with this id.");
    if (d->state != State::published)
      throw kit::Conflict("not-published", "Only the current published version is discussed.");
    Message m{0, d->lineage_id, text, who.org_id, who.org_code, who.user_id, db::iso_utc(now_())};
    store::insert_comment(s, m);
    store::index_text(s, db_.backend(), "comment", d->lineage_id, text::fold(text));
    kit::AuditRecord(who, "diagnostic.comment", "diagnostic", d->id)
        .append(s, db_.backend(), audit_);
    std::vector<std::string> orgs{d->author_org_code};
    if (const auto* measure = find_measure(plan, d->measure_code))
      for (const auto& p : measure->pilots) orgs.push_back(p);
    // A coordination-only diagnostic is discussed with its author only.
    if (d->visibility == Visibility::coordination) orgs.resize(1);
    tell(s, *d, orgs, "comment", who,
         "Nouveau commentaire sur un diagnostic de la mesure " + d->measure_code);
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

namespace {

// The rows in scope that the reader may count (coordination-only ones for the coordination).
std::vector<store::RatingRow> in_scope(std::vector<store::RatingRow> rows,
                                       const std::string& period, const kit::Territory& territory,
                                       const std::optional<std::string>& actor_type) {
  std::erase_if(rows, [&](const store::RatingRow& r) {
    const auto t = kit::territory(r.territory);
    return !in_period(r.period, period) || !t || !kit::within(*t, territory) ||
           (actor_type && !actor_type->empty() && r.author_org_type != *actor_type);
  });
  return rows;
}

}  // namespace

FieldView Service::field_view(const kit::Actor& who, const std::string& code, const Scope& scope) {
  // One axis read, not the whole plan: the field view is read often.
  const auto m = plan_.subject_summary(code);
  if (!m) throw kit::NotFound("No measure with this code.");
  const auto territory = scope_territory(scope.territory);
  const auto period = scope.period && !scope.period->empty()
                          ? kit::rules::canonical_period(*scope.period).value_or("")
                          : current_year();
  if (period.empty() || !diagnostic_period(period))
    throw kit::Invalid({{"period", "invalid", "A year (2025) or a quarter (2025-Q1)."}});
  const bool restricted = accounts::allowed(who, "diagnostic.read_restricted", kit::Relations{});
  // The ratings and the texts of those in scope, in one read transaction.
  std::vector<store::RatingRow> all, rows;
  FieldView v;
  db_.read([&](soci::session& s) {
    all = store::current_ratings(s, code, restricted);
    rows = in_scope(all, period, territory, scope.actor_type);
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.id);
    store::Filter f;
    f.ids = std::move(ids);
    v.diagnostics = store::list(s, f);
  });
  v.measure = *m;
  v.period = period;
  v.territory = territory.code;
  v.by_actor_type = count_by(rows, [](const store::RatingRow& r) { return r.author_org_type; });
  v.by_territory = count_by(rows, [](const store::RatingRow& r) { return r.territory; });
  // The trend: every period's current diagnostics in the territory, by year.
  auto across = all;
  std::erase_if(across, [&](const store::RatingRow& r) {
    const auto t = kit::territory(r.territory);
    return !t || !kit::within(*t, territory) ||
           (scope.actor_type && !scope.actor_type->empty() &&
            r.author_org_type != *scope.actor_type);
  });
  v.trend = count_by(across, [](const store::RatingRow& r) { return r.period.substr(0, 4); });
  v.divergence = divergence(official_of(*m), field_ratings(rows));
  std::erase_if(v.diagnostics, [&](const Diagnostic& d) { return !visible(who, d); });
  return v;
}

std::vector<BoardRow> Service::board(const kit::Actor& who, const Scope& scope) {
  const auto plan = plan_.subject_summaries();
  const auto territory = scope_territory(scope.territory);
  const auto period = scope.period && !scope.period->empty()
                          ? kit::rules::canonical_period(*scope.period).value_or("")
                          : current_year();
  if (period.empty() || !diagnostic_period(period))
    throw kit::Invalid({{"period", "invalid", "A year (2025) or a quarter (2025-Q1)."}});
  const bool restricted = accounts::allowed(who, "diagnostic.read_restricted", kit::Relations{});
  auto all = db_.read([&](soci::session& s) {
    return store::current_ratings(s, std::nullopt, restricted, period);
  });
  std::map<std::string, std::vector<store::RatingRow>> by_measure;
  for (auto& r : in_scope(std::move(all), period, territory, scope.actor_type))
    by_measure[r.measure_code].push_back(std::move(r));
  std::vector<BoardRow> out;
  for (const auto& m : plan) {
    if (m.retired || (scope.axis && !scope.axis->empty() && m.axis_code != *scope.axis)) continue;
    const auto& rows = by_measure[m.code];
    out.push_back(
        {m, divergence(official_of(m), field_ratings(rows)), static_cast<int>(rows.size())});
  }
  // Flagged first; then gaps that several voices share (two organisations of two types)
  // before single voices; then by the size of the gap, whichever way it goes.
  std::stable_sort(out.begin(), out.end(), [](const BoardRow& a, const BoardRow& b) {
    if (a.divergence.flagged != b.divergence.flagged) return a.divergence.flagged;
    const bool ea = a.divergence.organisations >= 2 && a.divergence.actor_types >= 2;
    const bool eb = b.divergence.organisations >= 2 && b.divergence.actor_types >= 2;
    if (ea != eb) return ea;
    const double x = a.divergence.score ? std::abs(*a.divergence.score) : -1;
    const double y = b.divergence.score ? std::abs(*b.divergence.score) : -1;
    return x > y;
  });
  return out;
}

}  // namespace vigie::diagnostics
