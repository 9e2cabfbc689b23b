#include "modules/saisines/store.hpp"

#include "db/row.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

namespace vigie::saisines::store {

namespace {

// The associated data of each sealed column: a value moved into another column does not open.
constexpr std::string_view kTitle = "saisines.title", kFacts = "saisines.facts",
                           kChronology = "saisines.chronology", kSteps = "saisines.steps",
                           kExpected = "saisines.expected", kSummary = "saisines.summary",
                           kTransition = "saisine_transitions.message",
                           kMessage = "saisine_messages.text",
                           kAttachmentName = "saisine_attachments.name";

struct Nullable {
  std::string value;
  soci::indicator ind = soci::i_null;
  explicit Nullable(const std::optional<std::string>& v)
      : value(v.value_or("")), ind(v ? soci::i_ok : soci::i_null) {}
};

std::optional<std::string> optional_text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return db::row_text(r, i);
}

std::string chronology_json(const std::vector<ChronologyEntry>& list) {
  boost::json::array a;
  for (const auto& e : list) a.push_back({{"date", e.date}, {"event", e.event}, {"kind", e.kind}});
  return boost::json::serialize(a);
}
std::vector<ChronologyEntry> chronology_of(const std::string& json) {
  std::vector<ChronologyEntry> out;
  const auto parsed = boost::json::parse(json);
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    out.push_back({std::string(o.at("date").as_string()), std::string(o.at("event").as_string()),
                   std::string(o.at("kind").as_string())});
  }
  return out;
}
std::string steps_json(const std::vector<Step>& list) {
  boost::json::array a;
  for (const auto& e : list) a.push_back({{"date", e.date}, {"step", e.step}});
  return boost::json::serialize(a);
}
std::vector<Step> steps_of(const std::string& json) {
  std::vector<Step> out;
  const auto parsed = boost::json::parse(json);
  for (const auto& v : parsed.as_array()) {
    const auto& o = v.as_object();
    out.push_back({std::string(o.at("date").as_string()), std::string(o.at("step").as_string())});
  }
  return out;
}

constexpr const char* kColumns =
    "id, filer_org_id, filer_org_code, filer_user_id, title_sealed, category, authority_org_id, "
    "authority_code, authority_type, departement, measures, facts_sealed, chronology_sealed, "
    "persons, steps_sealed, expected_sealed, shared, summary_sealed, state, outcome_reason, "
    "committee_flag, created_at, updated_at, submitted_at, triaged_at, referred_at, answered_at, "
    "concluded_at";

Saisine saisine_of(const soci::row& r, const security::SecretBox& box) {
  Saisine c;
  c.id = db::row_int(r, 0);
  c.filer_org_id = db::row_int(r, 1);
  c.filer_org_code = db::row_text(r, 2);
  c.filer_user_id = db::row_int(r, 3);
  c.title = box.open(db::row_text(r, 4), kTitle);
  c.category = db::row_text(r, 5);
  c.authority_org_id = db::row_optional_int(r, 6);
  c.authority_code = db::row_text(r, 7);
  c.authority_type = db::row_text(r, 8);
  c.departement = db::row_text(r, 9);
  c.measures = text::parse_string_array(db::row_text(r, 10));
  c.facts = box.open(db::row_text(r, 11), kFacts);
  c.chronology = chronology_of(box.open(db::row_text(r, 12), kChronology));
  c.persons = db::row_optional_int(r, 13);
  c.steps = steps_of(box.open(db::row_text(r, 14), kSteps));
  c.expected = box.open(db::row_text(r, 15), kExpected);
  c.shared = text::parse_string_array(db::row_text(r, 16));
  if (auto v = optional_text(r, 17)) c.summary = box.open(*v, kSummary);
  c.state = state_from(db::row_text(r, 18)).value_or(State::draft);
  c.outcome_reason = db::row_text(r, 19);
  c.committee_flag = db::row_int(r, 20) != 0;
  c.created_at = db::row_text(r, 21);
  c.updated_at = db::row_text(r, 22);
  c.submitted_at = optional_text(r, 23);
  c.triaged_at = optional_text(r, 24);
  c.referred_at = optional_text(r, 25);
  c.answered_at = optional_text(r, 26);
  c.concluded_at = optional_text(r, 27);
  return c;
}

}  // namespace

std::int64_t insert(soci::session& s, const security::SecretBox& box, const Saisine& c) {
  long long id = 0, org = c.filer_org_id, user = c.filer_user_id;
  const std::string title = box.seal(c.title, kTitle), empty_facts = box.seal("", kFacts),
                    empty_chronology = box.seal("[]", kChronology),
                    empty_steps = box.seal("[]", kSteps), empty_expected = box.seal("", kExpected),
                    state(to_string(c.state));
  s << "INSERT INTO saisines (filer_org_id, filer_org_code, filer_user_id, title_sealed, "
       "category, measures, facts_sealed, chronology_sealed, steps_sealed, expected_sealed, "
       "shared, state, created_at, updated_at) VALUES (:o, :c, :u, :t, :k, '[]', :f, :h, :s, :e, "
       "'[]', :st, :a, :b) RETURNING id",
      soci::use(org), soci::use(c.filer_org_code), soci::use(user), soci::use(title),
      soci::use(c.category), soci::use(empty_facts), soci::use(empty_chronology),
      soci::use(empty_steps), soci::use(empty_expected), soci::use(state), soci::use(c.created_at),
      soci::use(c.updated_at), soci::into(id);
  Saisine full = c;
  full.id = id;
  update(s, box, full);
  return id;
}

void update(soci::session& s, const security::SecretBox& box, const Saisine& c) {
  long long id = c.id, authority = c.authority_org_id.value_or(0), persons = c.persons.value_or(0),
            flag = c.committee_flag ? 1 : 0;
  soci::indicator aind = c.authority_org_id ? soci::i_ok : soci::i_null;
  soci::indicator pind = c.persons ? soci::i_ok : soci::i_null;
  Nullable code(c.authority_code.empty() ? std::nullopt : std::optional(c.authority_code)),
      type(c.authority_type.empty() ? std::nullopt : std::optional(c.authority_type)),
      dep(c.departement.empty() ? std::nullopt : std::optional(c.departement)),
      summary(c.summary.empty() ? std::nullopt : std::optional(box.seal(c.summary, kSummary))),
      reason(c.outcome_reason.empty() ? std::nullopt : std::optional(c.outcome_reason)),
      submitted(c.submitted_at), triaged(c.triaged_at), referred(c.referred_at),
      answered(c.answered_at), concluded(c.concluded_at);
  const std::string title = box.seal(c.title, kTitle), facts = box.seal(c.facts, kFacts),
                    chronology = box.seal(chronology_json(c.chronology), kChronology),
                    steps = box.seal(steps_json(c.steps), kSteps),
                    expected = box.seal(c.expected, kExpected),
                    measures = text::string_array_json(c.measures),
                    shared = text::string_array_json(c.shared), state(to_string(c.state));
  s << "UPDATE saisines SET title_sealed = :t, category = :k, authority_org_id = :ao, "
       "authority_code = :ac, authority_type = :at, departement = :d, measures = :m, "
       "facts_sealed = :f, chronology_sealed = :h, persons = :p, steps_sealed = :s, "
       "expected_sealed = :e, shared = :sh, summary_sealed = :su, state = :st, "
       "outcome_reason = :r, committee_flag = :cf, updated_at = :ua, submitted_at = :sa, "
       "triaged_at = :ta, referred_at = :ra, answered_at = :an, concluded_at = :ca WHERE id = :id",
      soci::use(title), soci::use(c.category), soci::use(authority, aind),
      soci::use(code.value, code.ind), soci::use(type.value, type.ind),
      soci::use(dep.value, dep.ind), soci::use(measures), soci::use(facts), soci::use(chronology),
      soci::use(persons, pind), soci::use(steps), soci::use(expected), soci::use(shared),
      soci::use(summary.value, summary.ind), soci::use(state), soci::use(reason.value, reason.ind),
      soci::use(flag), soci::use(c.updated_at), soci::use(submitted.value, submitted.ind),
      soci::use(triaged.value, triaged.ind), soci::use(referred.value, referred.ind),
      soci::use(answered.value, answered.ind), soci::use(concluded.value, concluded.ind),
      soci::use(id);
}

std::optional<Saisine> find(soci::session& s, const security::SecretBox& box, std::int64_t id) {
  long long v = id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + " FROM saisines WHERE id = :i",
       soci::use(v));
  for (const auto& r : rows) return saisine_of(r, box);
  return std::nullopt;
}

std::vector<Saisine> list(soci::session& s, const security::SecretBox& box,
                          std::optional<std::int64_t> org_id) {
  std::vector<Saisine> out;
  if (!org_id) {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kColumns + " FROM saisines ORDER BY id DESC");
    for (const auto& r : rows) out.push_back(saisine_of(r, box));
    return out;
  }
  long long o = *org_id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns +
                        " FROM saisines WHERE filer_org_id = :o OR (authority_org_id = :a AND "
                        "referred_at IS NOT NULL) ORDER BY id DESC",
       soci::use(o), soci::use(o));
  for (const auto& r : rows) out.push_back(saisine_of(r, box));
  return out;
}

std::int64_t add_transition(soci::session& s, const security::SecretBox& box,
                            const TransitionRecord& t) {
  long long id = 0, c = t.saisine_id, user = t.user_id, org = t.org_id;
  const std::string from(to_string(t.from)), to(to_string(t.to));
  Nullable reason(t.reason.empty() ? std::nullopt : std::optional(t.reason)),
      message(t.message.empty() ? std::nullopt : std::optional(box.seal(t.message, kTransition)));
  s << "INSERT INTO saisine_transitions (saisine_id, from_state, to_state, at, user_id, org_id, "
       "org_code, reason, message_sealed) VALUES (:c, :f, :t, :a, :u, :o, :k, :r, :m) RETURNING id",
      soci::use(c), soci::use(from), soci::use(to), soci::use(t.at), soci::use(user),
      soci::use(org), soci::use(t.org_code), soci::use(reason.value, reason.ind),
      soci::use(message.value, message.ind), soci::into(id);
  return id;
}

std::vector<TransitionRecord> transitions(soci::session& s, const security::SecretBox& box,
                                          std::int64_t saisine_id) {
  long long c = saisine_id;
  std::vector<TransitionRecord> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, saisine_id, from_state, to_state, at, user_id, org_id, org_code, "
                    "reason, message_sealed FROM saisine_transitions WHERE saisine_id = :c "
                    "ORDER BY id",
       soci::use(c));
  for (const auto& r : rows) {
    TransitionRecord t;
    t.id = db::row_int(r, 0);
    t.saisine_id = db::row_int(r, 1);
    t.from = state_from(db::row_text(r, 2)).value_or(State::draft);
    t.to = state_from(db::row_text(r, 3)).value_or(State::draft);
    t.at = db::row_text(r, 4);
    t.user_id = db::row_int(r, 5);
    t.org_id = db::row_int(r, 6);
    t.org_code = db::row_text(r, 7);
    t.reason = db::row_text(r, 8);
    if (auto m = optional_text(r, 9)) t.message = box.open(*m, kTransition);
    out.push_back(std::move(t));
  }
  return out;
}

std::int64_t add_message(soci::session& s, const security::SecretBox& box, const Message& m) {
  long long id = 0, c = m.saisine_id, org = m.org_id, user = m.user_id;
  const std::string text = box.seal(m.text, kMessage);
  s << "INSERT INTO saisine_messages (saisine_id, thread, org_id, org_code, user_id, "
       "text_sealed, created_at) VALUES (:c, :t, :o, :k, :u, :x, :a) RETURNING id",
      soci::use(c), soci::use(m.thread), soci::use(org), soci::use(m.org_code), soci::use(user),
      soci::use(text), soci::use(m.created_at), soci::into(id);
  return id;
}

std::vector<Message> messages(soci::session& s, const security::SecretBox& box,
                              std::int64_t saisine_id, const std::string& thread) {
  long long c = saisine_id;
  std::vector<Message> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, org_id, org_code, user_id, text_sealed, created_at FROM "
                    "saisine_messages WHERE saisine_id = :c AND thread = :t ORDER BY id",
       soci::use(c), soci::use(thread));
  for (const auto& r : rows) {
    Message m;
    m.id = db::row_int(r, 0);
    m.saisine_id = saisine_id;
    m.thread = thread;
    m.org_id = db::row_int(r, 1);
    m.org_code = db::row_text(r, 2);
    m.user_id = db::row_int(r, 3);
    m.text = box.open(db::row_text(r, 4), kMessage);
    m.created_at = db::row_text(r, 5);
    out.push_back(std::move(m));
  }
  return out;
}

std::int64_t add_attachment(soci::session& s, const security::SecretBox& box, const Attachment& a) {
  long long id = 0, c = a.saisine_id, size = a.size, org = a.org_id, user = a.user_id;
  const std::string name = box.seal(a.file_name, kAttachmentName);
  s << "INSERT INTO saisine_attachments (saisine_id, name_sealed, media_type, size, stored_name, "
       "wrapped_key, org_id, org_code, user_id, created_at) VALUES (:c, :n, :m, :s, :f, :k, :o, "
       ":oc, :u, :a) RETURNING id",
      soci::use(c), soci::use(name), soci::use(a.media_type), soci::use(size),
      soci::use(a.stored_name), soci::use(a.wrapped_key), soci::use(org), soci::use(a.org_code),
      soci::use(user), soci::use(a.created_at), soci::into(id);
  return id;
}

std::vector<Attachment> attachments(soci::session& s, const security::SecretBox& box,
                                    std::int64_t saisine_id) {
  long long c = saisine_id;
  std::vector<Attachment> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, name_sealed, media_type, size, stored_name, wrapped_key, org_id, "
                    "org_code, user_id, created_at FROM saisine_attachments WHERE saisine_id = :c "
                    "ORDER BY id",
       soci::use(c));
  for (const auto& r : rows) {
    Attachment a;
    a.id = db::row_int(r, 0);
    a.saisine_id = saisine_id;
    a.file_name = box.open(db::row_text(r, 1), kAttachmentName);
    a.media_type = db::row_text(r, 2);
    a.size = db::row_int(r, 3);
    a.stored_name = db::row_text(r, 4);
    a.wrapped_key = db::row_text(r, 5);
    a.org_id = db::row_int(r, 6);
    a.org_code = db::row_text(r, 7);
    a.user_id = db::row_int(r, 8);
    a.created_at = db::row_text(r, 9);
    out.push_back(std::move(a));
  }
  return out;
}

bool record_notice(soci::session& s, std::int64_t saisine_id, const std::string& kind,
                   const std::string& on) {
  long long c = saisine_id;
  // A concurrent pass inserting the same reminder waits, then inserts nothing (no unique
  // violation, which would abort the transaction on PostgreSQL).
  soci::statement insert =
      (s.prepare << "INSERT INTO saisine_notices (saisine_id, kind, sent_on) VALUES (:c, :k, :d) "
                    "ON CONFLICT DO NOTHING",
       soci::use(c), soci::use(kind), soci::use(on));
  insert.execute(true);
  return insert.get_affected_rows() == 1;
}

void notify(soci::session& s, std::int64_t user_id, std::int64_t saisine_id,
            const std::string& kind, const std::string& state, const std::string& at) {
  long long u = user_id, c = saisine_id;
  s << "INSERT INTO saisine_notifications (user_id, saisine_id, kind, state, created_at) "
       "VALUES (:u, :c, :k, :s, :a)",
      soci::use(u), soci::use(c), soci::use(kind), soci::use(state), soci::use(at);
}

std::vector<Notification> notifications(soci::session& s, std::int64_t user_id, int limit) {
  long long u = user_id;
  std::vector<Notification> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, saisine_id, kind, state, created_at, read_at FROM "
                    "saisine_notifications WHERE user_id = :u ORDER BY id DESC LIMIT :n",
       soci::use(u), soci::use(limit));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), r.get_indicator(5) == soci::i_ok});
  return out;
}

int unread(soci::session& s, std::int64_t user_id) {
  long long u = user_id;
  int n = 0;
  s << "SELECT count(*) FROM saisine_notifications WHERE user_id = :u AND read_at IS NULL",
      soci::use(u), soci::into(n);
  return n;
}

void mark_read(soci::session& s, std::int64_t user_id, const std::string& at) {
  long long u = user_id;
  s << "UPDATE saisine_notifications SET read_at = :a WHERE user_id = :u AND read_at IS NULL",
      soci::use(at), soci::use(u);
}

std::vector<std::string> notices_sent(soci::session& s, std::int64_t saisine_id,
                                      const std::string& kind) {
  long long c = saisine_id;
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT sent_on FROM saisine_notices WHERE saisine_id = :c AND kind = :k "
                    "ORDER BY sent_on",
       soci::use(c), soci::use(kind));
  for (const auto& r : rows) out.push_back(db::row_text(r, 0));
  return out;
}

}  // namespace vigie::saisines::store
