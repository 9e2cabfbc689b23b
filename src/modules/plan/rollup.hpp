#pragma once
// How progress rolls up, the rule shown to users (GET /api/v1/plan says it too):
// - an action's status and progress are those of its latest update (none: not started, 0 %);
//   an achieved action counts 100 %;
// - an action is overdue when its deadline has passed and it is neither achieved nor abandoned;
// - a measure's progress is the weighted mean of its actions' (abandoned actions left out); its
//   status: achieved when every action is, delayed when one is delayed or overdue, in progress
//   when one has started, abandoned when all are, else not started;
// - an axis's progress is the weighted mean of its measures' (retired measures left out), its
//   status rolls its measures' statuses up as a measure rolls its actions'; the plan's progress
//   is the weighted mean of its axes'.

#include "modules/plan/model.hpp"

#include <string>

namespace vigie::plan {

extern const char* const kRollupRuleFr;
extern const char* const kRollupRuleEn;

// Fills the computed fields of the whole tree; `today` is YYYY-MM-DD.
void roll_up(Plan& plan, const std::string& today);

}  // namespace vigie::plan
