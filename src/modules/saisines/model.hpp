#pragma once
// A saisine is a documented blocking case: an organisation (usually an association) files it
// with the coordinator, who checks it is sufficiently documented, takes it up with the
// authority concerned and follows it until it is unblocked. This header holds its plain parts,
// THE state machine (which transition leads where and who makes it) and THE "sufficiently
// documented" checklist, defined as data per category and computed from the content alone.
//
// Workflow: draft → submitted → (needs_information ⇄ submitted) → accepted → referred →
// answered → resolved | not_resolved → closed; declined (from submitted, needs_information or
// accepted) and withdrawn (by the filer, until the authority answers). Unit-tested in
// tests/unit/saisines_model_test.cpp.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::saisines {

enum class State {
  draft,
  submitted,
  needs_information,
  accepted,
  referred,
  answered,
  resolved,
  not_resolved,
  closed,
  declined,
  withdrawn
};
std::string_view to_string(State s);
std::optional<State> state_from(std::string_view s);
const std::vector<State>& all_states();

// Who makes a transition: the filing organisation, the coordinator or the authority.
enum class Party { filer, coordinator, authority };

struct Transition {
  State from, to;
  Party by;
};
// Every legal transition.
const std::vector<Transition>& transitions();
// The states reachable from `from` (by anyone), in the table's order.
std::vector<State> next_states(State from);
// The party that makes from → to, or nullopt when it is not a legal transition.
std::optional<Party> party_of(State from, State to);
// True once the case has been referred to its authority (the authority may then see it).
bool referred_or_later(State s);

// The categories a saisine may be filed under.
const std::vector<std::string_view>& categories();
bool valid_category(std::string_view c);
// The kinds of dated event a chronology entry may name (what the checklist reads).
const std::vector<std::string_view>& event_kinds();
bool valid_event_kind(std::string_view k);
// Why a case was not resolved, or declined: fixed lists (the figures count them).
const std::vector<std::string_view>& not_resolved_reasons();
const std::vector<std::string_view>& declined_reasons();
// The narrative parts a filer may mark as shared with the authority.
const std::vector<std::string_view>& shareable_parts();

struct ChronologyEntry {
  std::string date, event, kind;  // kind: one of event_kinds(), or "" (any other event)
};
struct Step {
  std::string date, step;
};

struct Saisine {
  std::int64_t id = 0;
  std::int64_t filer_org_id = 0, filer_user_id = 0;
  std::string filer_org_code;
  std::string title, category;
  std::optional<std::int64_t> authority_org_id;
  std::string authority_code, authority_type, departement;
  std::vector<std::string> measures;
  std::string facts;
  std::vector<ChronologyEntry> chronology;
  std::optional<std::int64_t> persons;
  std::vector<Step> steps;
  std::string expected;
  std::vector<std::string> shared;  // parts of shareable_parts() the authority may read
  std::string summary;              // the coordinator's, written when referring
  State state = State::draft;
  std::string outcome_reason;
  bool committee_flag = false;
  std::string created_at, updated_at;
  std::optional<std::string> submitted_at, triaged_at, referred_at, answered_at, concluded_at;
};

// One signed step of the history: who (user and organisation) moved the case, when, why.
struct TransitionRecord {
  std::int64_t id = 0, saisine_id = 0;
  State from = State::draft, to = State::draft;
  std::string at;
  std::int64_t user_id = 0, org_id = 0;
  std::string org_code;
  std::string reason;   // from a fixed list (declined, not_resolved), else ""
  std::string message;  // what the actor wrote with it, else ""
};

// A message of one of the two threads: "filer" (filer ⇄ coordinator) or "authority"
// (coordinator ⇄ authority).
struct Message {
  std::int64_t id = 0, saisine_id = 0;
  std::string thread;
  std::int64_t org_id = 0, user_id = 0;
  std::string org_code, text, created_at;
};

// An in-app notification: which case, the state it was in, the kind of event ("transition",
// "message", "reminder") and when. Never a narrative (those are sealed at rest).
struct Notification {
  std::int64_t id = 0, saisine_id = 0;
  std::string kind, state, created_at;
  bool read = false;
};

// A file attached to a case: what the reader sees of it, and where its sealed bytes are.
struct Attachment {
  std::int64_t id = 0, saisine_id = 0;
  std::string file_name, media_type;
  std::int64_t size = 0;
  std::string stored_name, wrapped_key;
  std::int64_t org_id = 0, user_id = 0;
  std::string org_code, created_at;
};

// One line of the checklist, as shown to the filer and the coordinator.
struct ChecklistLine {
  std::string key;
  std::string label_fr, label_en;
  bool done = false;
};

// The checklist of a saisine's category (common items first), computed from its content.
std::vector<ChecklistLine> checklist(const Saisine& s);
bool documented(const std::vector<ChecklistLine>& lines);

}  // namespace vigie::saisines
