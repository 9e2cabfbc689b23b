#include "modules/saisines/model.hpp"

#include <algorithm>
#include <array>

namespace vigie::saisines {

namespace {

constexpr std::array<std::string_view, 11> kStateNames{
    "draft",    "submitted", "needs_information", "accepted",
    "referred", "answered",  "resolved",          "not_resolved",
    "closed",   "declined",  "withdrawn"};

// What makes an item of the checklist done: a part of the content is there, or the chronology
// names one of these kinds of event with its date.
struct Requirement {
  enum class Kind { facts, chronology, steps, expected, persons, event } kind;
  std::vector<std::string_view> events = {};
};

struct Item {
  std::string_view category;  // "*": every category
  std::string_view key, fr, en;
  Requirement needs;
};

using K = Requirement::Kind;

// THE checklist, as data: the common items, then each category's (PRODUCT.md's "sufficiently
// documented"). The chronology entries' `kind` is what an item reads, so a line is done from
// the content alone, the same way for the filer and the coordinator.
const std::vector<Item>& items() {
  static const std::vector<Item> all{
      {"*", "facts", "Les faits sont décrits", "The facts are described", {K::facts}},
      {"*",
       "chronology",
       "La chronologie compte au moins un événement daté",
       "The chronology has at least one dated event",
       {K::chronology}},
      {"*",
       "persons",
       "Le nombre de personnes concernées est indiqué",
       "The number of persons concerned is given",
       {K::persons}},
      {"*",
       "steps",
       "Les démarches déjà faites sont datées",
       "The steps already taken are dated",
       {K::steps}},
      {"*",
       "expected",
       "Le résultat attendu est indiqué",
       "The outcome expected is stated",
       {K::expected}},
      {"residence_permit",
       "complaint_date",
       "Date de la plainte",
       "Date of the complaint",
       {K::event, {"complaint"}}},
      {"residence_permit",
       "request_date",
       "Date de la demande à la préfecture",
       "Date of the request to the prefecture",
       {K::event, {"authority_request"}}},
      {"residence_permit",
       "answer_or_silence",
       "Réponse de la préfecture, ou relance montrant son silence",
       "The prefecture's answer, or a reminder showing its silence",
       {K::event, {"authority_answer", "reminder"}}},
      {"reflection_period",
       "identification_date",
       "Date de l'identification comme victime",
       "Date of the identification as a victim",
       {K::event, {"identification"}}},
      {"reflection_period",
       "request_date",
       "Date de la demande de délai de réflexion",
       "Date of the request for a reflection period",
       {K::event, {"authority_request"}}},
      {"shelter",
       "shelter_request_date",
       "Date de la demande d'hébergement",
       "Date of the request for shelter",
       {K::event, {"shelter_request"}}},
      {"shelter",
       "answer_or_silence",
       "Réponse obtenue, ou relance restée sans réponse",
       "The answer, or a reminder left unanswered",
       {K::event, {"authority_answer", "reminder"}}},
      {"complaint_handling",
       "complaint_date",
       "Date de la plainte",
       "Date of the complaint",
       {K::event, {"complaint"}}},
      {"complaint_handling",
       "follow_up_date",
       "Date de la relance du parquet ou du service",
       "Date of the follow-up with the parquet or the service",
       {K::event, {"authority_request", "reminder"}}},
      {"identification",
       "identification_date",
       "Date du premier repérage",
       "Date of the first identification",
       {K::event, {"identification"}}},
      {"identification",
       "request_date",
       "Date de la demande d'identification officielle",
       "Date of the request for an official identification",
       {K::event, {"authority_request"}}},
      {"minors",
       "child_protection_date",
       "Date du signalement à la protection de l'enfance",
       "Date of the referral to child protection",
       {K::event, {"child_protection_referral"}}},
      {"minors",
       "request_date",
       "Date de la demande à l'autorité",
       "Date of the request to the authority",
       {K::event, {"authority_request"}}},
      {"compensation",
       "complaint_date",
       "Date de la plainte",
       "Date of the complaint",
       {K::event, {"complaint"}}},
      {"compensation",
       "claim_date",
       "Date de la demande d'indemnisation",
       "Date of the compensation claim",
       {K::event, {"compensation_claim"}}},
      {"labour_inspection",
       "report_date",
       "Date du signalement à l'inspection du travail",
       "Date of the report to the labour inspectorate",
       {K::event, {"labour_inspection_report", "authority_request"}}},
      {"other",
       "request_date",
       "Date de la demande à l'autorité",
       "Date of the request to the authority",
       {K::event, {"authority_request"}}},
  };
  return all;
}

bool done(const Item& item, const Saisine& s) {
  switch (item.needs.kind) {
    case K::facts:
      return !s.facts.empty();
    case K::chronology:
      return !s.chronology.empty();
    case K::steps:
      return !s.steps.empty();
    case K::expected:
      return !s.expected.empty();
    case K::persons:
      return s.persons.has_value() && *s.persons >= 1;
    case K::event:
      return std::any_of(s.chronology.begin(), s.chronology.end(), [&](const ChronologyEntry& e) {
        return !e.date.empty() && std::find(item.needs.events.begin(), item.needs.events.end(),
                                            e.kind) != item.needs.events.end();
      });
  }
  return false;
}

}  // namespace

std::string_view to_string(State s) {
  return kStateNames[static_cast<std::size_t>(s)];
}

std::optional<State> state_from(std::string_view s) {
  for (std::size_t i = 0; i < kStateNames.size(); ++i)
    if (kStateNames[i] == s) return static_cast<State>(i);
  return std::nullopt;
}

const std::vector<State>& all_states() {
  static const std::vector<State> all = [] {
    std::vector<State> v;
    for (std::size_t i = 0; i < kStateNames.size(); ++i) v.push_back(static_cast<State>(i));
    return v;
  }();
  return all;
}

const std::vector<Transition>& transitions() {
  using S = State;
  using P = Party;
  static const std::vector<Transition> all{
      {S::draft, S::submitted, P::filer},
      {S::draft, S::withdrawn, P::filer},
      {S::submitted, S::needs_information, P::coordinator},
      {S::submitted, S::accepted, P::coordinator},
      {S::submitted, S::declined, P::coordinator},
      {S::submitted, S::withdrawn, P::filer},
      {S::needs_information, S::submitted, P::filer},
      {S::needs_information, S::declined, P::coordinator},
      {S::needs_information, S::withdrawn, P::filer},
      {S::accepted, S::referred, P::coordinator},
      {S::accepted, S::declined, P::coordinator},
      {S::accepted, S::withdrawn, P::filer},
      {S::referred, S::answered, P::authority},
      {S::referred, S::withdrawn, P::filer},
      {S::answered, S::resolved, P::coordinator},
      {S::answered, S::not_resolved, P::coordinator},
      {S::resolved, S::closed, P::coordinator},
      {S::not_resolved, S::closed, P::coordinator},
  };
  return all;
}

std::vector<State> next_states(State from) {
  std::vector<State> out;
  for (const auto& t : transitions())
    if (t.from == from) out.push_back(t.to);
  return out;
}

std::optional<Party> party_of(State from, State to) {
  for (const auto& t : transitions())
    if (t.from == from && t.to == to) return t.by;
  return std::nullopt;
}

bool referred_or_later(State s) {
  return s == State::referred || s == State::answered || s == State::resolved ||
         s == State::not_resolved || s == State::closed;
}

const std::vector<std::string_view>& categories() {
  static const std::vector<std::string_view> all{
      "residence_permit",   "reflection_period", "shelter",
      "complaint_handling", "identification",    "minors",
      "compensation",       "labour_inspection", "other"};
  return all;
}
bool valid_category(std::string_view c) {
  return std::find(categories().begin(), categories().end(), c) != categories().end();
}

const std::vector<std::string_view>& event_kinds() {
  static const std::vector<std::string_view> all{"complaint",
                                                 "authority_request",
                                                 "authority_answer",
                                                 "reminder",
                                                 "identification",
                                                 "shelter_request",
                                                 "child_protection_referral",
                                                 "labour_inspection_report",
                                                 "compensation_claim",
                                                 "hearing"};
  return all;
}
bool valid_event_kind(std::string_view k) {
  return std::find(event_kinds().begin(), event_kinds().end(), k) != event_kinds().end();
}

const std::vector<std::string_view>& not_resolved_reasons() {
  static const std::vector<std::string_view> all{"refused", "no_answer", "legal_obstacle",
                                                 "outside_remit", "other"};
  return all;
}
const std::vector<std::string_view>& declined_reasons() {
  static const std::vector<std::string_view> all{"insufficient_documentation", "outside_remit",
                                                 "duplicate", "other"};
  return all;
}
const std::vector<std::string_view>& shareable_parts() {
  static const std::vector<std::string_view> all{"facts", "chronology", "steps", "expected"};
  return all;
}

std::vector<ChecklistLine> checklist(const Saisine& s) {
  std::vector<ChecklistLine> out;
  for (const auto& item : items())
    if (item.category == "*" || item.category == s.category)
      out.push_back(
          {std::string(item.key), std::string(item.fr), std::string(item.en), done(item, s)});
  return out;
}

bool documented(const std::vector<ChecklistLine>& lines) {
  return std::all_of(lines.begin(), lines.end(), [](const auto& l) { return l.done; });
}

}  // namespace vigie::saisines
