// The audit viewer names every action in words: every action the permission policy decides
// (a refusal is recorded under it) and every action the modules record, each in a family the
// viewer filters on. An action shown as its code ("field.import") is a gap in this table.
#include "modules/accounts/policy.hpp"
#include "modules/audit/words.hpp"

#include <gtest/gtest.h>

#include <string>

namespace {

using vigie::audit::action_words;
using vigie::audit::families;

bool in_a_family(std::string_view action) {
  for (const auto& f : families())
    for (const auto& p : f.prefixes)
      if (action.starts_with(p)) return true;
  return false;
}

// What the modules record besides the policy's actions (their services' kit::AuditRecord).
const char* const kRecorded[] = {"diagnostic.call_close",
                                 "diagnostic.call_notice",
                                 "diagnostic.call_open",
                                 "diagnostic.change",
                                 "diagnostic.new_version",
                                 "diagnostic.publish",
                                 "field.import",
                                 "field.purge",
                                 "field.record_create",
                                 "field.records_read",
                                 "field.signal_create",
                                 "plan.action_change",
                                 "plan.action_create",
                                 "plan.campaign_close",
                                 "plan.campaign_notice",
                                 "plan.campaign_open",
                                 "plan.import",
                                 "plan.indicator_create",
                                 "plan.indicator_value",
                                 "plan.load_reference",
                                 "plan.measure_change",
                                 "plan.measure_create",
                                 "saisine.attach",
                                 "saisine.attachment_read",
                                 "saisine.change",
                                 "saisine.committee_flag",
                                 "saisine.message",
                                 "saisine.reminder",
                                 "saisine.transition",
                                 "auth.login",
                                 "auth.logout",
                                 "user.password_reset"};

TEST(AuditWords, EveryPolicyActionHasWordsInBothLanguagesAndAFamily) {
  for (auto action : vigie::accounts::policy_actions()) {
    const auto w = action_words(action);
    EXPECT_NE(w.fr, std::string(action)) << action;
    EXPECT_NE(w.en, std::string(action)) << action;
    EXPECT_TRUE(in_a_family(action)) << action;
  }
}

TEST(AuditWords, EveryRecordedActionHasWordsInBothLanguagesAndAFamily) {
  for (const char* action : kRecorded) {
    const auto w = action_words(action);
    EXPECT_NE(w.fr, action) << action;
    EXPECT_NE(w.en, action) << action;
    EXPECT_TRUE(in_a_family(action)) << action;
  }
}

TEST(AuditWords, AnUnknownActionReadsAsItsCode) {
  EXPECT_EQ(action_words("committee.meeting_open").fr, "committee.meeting_open");
}

}  // namespace
