// The saisine's state machine and its "sufficiently documented" checklist, on their edges:
// expectations written from issue 14 ("draft → submitted → (needs_information ⇄ submitted) →
// accepted → referred → answered → resolved or not_resolved → closed; also declined and
// withdrawn"; "for a residence permit: the date of the complaint, the date of the request to
// the prefecture, its answer or how long it has been silent").
#include "modules/saisines/model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using vigie::saisines::checklist;
using vigie::saisines::documented;
using vigie::saisines::next_states;
using vigie::saisines::Party;
using vigie::saisines::party_of;
using vigie::saisines::Saisine;
using vigie::saisines::State;

std::set<State> next(State s) {
  const auto v = next_states(s);
  return {v.begin(), v.end()};
}

TEST(SaisineStates, FollowTheWorkflowOfTheIssue) {
  using S = State;
  EXPECT_EQ(next(S::draft), (std::set{S::submitted, S::withdrawn}));
  EXPECT_EQ(next(S::submitted),
            (std::set{S::needs_information, S::accepted, S::declined, S::withdrawn}));
  EXPECT_EQ(next(S::needs_information), (std::set{S::submitted, S::declined, S::withdrawn}));
  EXPECT_EQ(next(S::accepted), (std::set{S::referred, S::declined, S::withdrawn}));
  EXPECT_EQ(next(S::referred), (std::set{S::answered, S::withdrawn}));
  EXPECT_EQ(next(S::answered), (std::set{S::resolved, S::not_resolved}));
  EXPECT_EQ(next(S::resolved), (std::set{S::closed}));
  EXPECT_EQ(next(S::not_resolved), (std::set{S::closed}));
}

TEST(SaisineStates, EndStatesLeadNowhere) {
  for (auto s : {State::closed, State::declined, State::withdrawn})
    EXPECT_TRUE(next_states(s).empty()) << to_string(s);
}

TEST(SaisineStates, NoShortcutPastTheCoordinatorOrTheAuthority) {
  // A draft is never referred, an accepted case never answered before its referral, and a
  // case is never resolved before the authority has answered.
  EXPECT_FALSE(party_of(State::draft, State::referred));
  EXPECT_FALSE(party_of(State::submitted, State::referred));
  EXPECT_FALSE(party_of(State::accepted, State::answered));
  EXPECT_FALSE(party_of(State::referred, State::resolved));
  EXPECT_FALSE(party_of(State::submitted, State::resolved));
  EXPECT_FALSE(party_of(State::answered, State::withdrawn));
  EXPECT_FALSE(party_of(State::closed, State::submitted));
}

TEST(SaisineStates, EachTransitionHasItsParty) {
  EXPECT_EQ(party_of(State::draft, State::submitted), Party::filer);
  EXPECT_EQ(party_of(State::needs_information, State::submitted), Party::filer);
  EXPECT_EQ(party_of(State::referred, State::withdrawn), Party::filer);
  EXPECT_EQ(party_of(State::submitted, State::needs_information), Party::coordinator);
  EXPECT_EQ(party_of(State::accepted, State::referred), Party::coordinator);
  EXPECT_EQ(party_of(State::answered, State::resolved), Party::coordinator);
  EXPECT_EQ(party_of(State::answered, State::not_resolved), Party::coordinator);
  EXPECT_EQ(party_of(State::referred, State::answered), Party::authority);
}

TEST(SaisineStates, NamesReadBack) {
  for (auto s : vigie::saisines::all_states())
    EXPECT_EQ(vigie::saisines::state_from(to_string(s)), s);
  EXPECT_FALSE(vigie::saisines::state_from("unblocked"));
  EXPECT_EQ(vigie::saisines::all_states().size(), 11u);
}

std::vector<std::string> missing(const Saisine& s) {
  std::vector<std::string> out;
  for (const auto& l : checklist(s))
    if (!l.done) out.push_back(l.key);
  return out;
}

Saisine residence_permit() {
  Saisine s;
  s.category = "residence_permit";
  s.facts = "Demande bloquée.";
  s.persons = 1;
  s.expected = "Un rendez-vous.";
  s.steps = {{"2026-01-10", "Courrier"}};
  s.chronology = {{"2026-01-05", "Demande déposée", "authority_request"},
                  {"2026-02-05", "Relance sans réponse", "reminder"}};
  return s;
}

TEST(SaisineChecklist, AResidencePermitWithoutItsComplaintDateMissesExactlyThat) {
  auto s = residence_permit();
  EXPECT_EQ(missing(s), std::vector<std::string>{"complaint_date"});
  EXPECT_FALSE(documented(checklist(s)));
  s.chronology.push_back({"2025-12-01", "Plainte déposée", "complaint"});
  EXPECT_EQ(missing(s), std::vector<std::string>{});
  EXPECT_TRUE(documented(checklist(s)));
}

TEST(SaisineChecklist, AnAnswerOrAReminderShowingSilenceBothCount) {
  auto s = residence_permit();
  s.chronology = {{"2025-12-01", "Plainte", "complaint"},
                  {"2026-01-05", "Demande", "authority_request"}};
  EXPECT_EQ(missing(s), std::vector<std::string>{"answer_or_silence"});
  s.chronology.push_back({"2026-03-01", "Refus écrit", "authority_answer"});
  EXPECT_EQ(missing(s), std::vector<std::string>{});
}

TEST(SaisineChecklist, AnEventMentionedWithoutItsKindDoesNotCount) {
  // The checklist reads what the content says, not words: an event of no kind is no date of
  // a complaint, even if its text speaks of one.
  auto s = residence_permit();
  s.chronology.push_back({"2025-12-01", "Plainte déposée", ""});
  EXPECT_EQ(missing(s), std::vector<std::string>{"complaint_date"});
}

TEST(SaisineChecklist, CommonItemsComeFirstAndAnEmptyCaseMissesThemAll) {
  Saisine s;
  s.category = "shelter";
  EXPECT_EQ(missing(s),
            (std::vector<std::string>{"facts", "chronology", "persons", "steps", "expected",
                                      "shelter_request_date", "answer_or_silence"}));
  s.persons = 0;  // not a count of persons concerned
  const auto still = missing(s);
  EXPECT_TRUE(std::find(still.begin(), still.end(), "persons") != still.end());
}

TEST(SaisineChecklist, EachCategoryHasItsOwnItems) {
  for (auto c : vigie::saisines::categories()) {
    Saisine s;
    s.category = std::string(c);
    EXPECT_GT(checklist(s).size(), 5u) << c;  // the five common items and its own
  }
  Saisine minors;
  minors.category = "minors";
  const auto keys = missing(minors);
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "child_protection_date") != keys.end());
  EXPECT_TRUE(std::find(keys.begin(), keys.end(), "complaint_date") == keys.end());
}

}  // namespace
