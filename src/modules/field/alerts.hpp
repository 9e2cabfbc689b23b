#pragma once
// Field alerts: rules that say when the field's reports in a département call for the
// coordinator's attention, stated precisely and shown with the alert (the words below). Counts
// are of victim profiles and signals by the day they were recorded (a profile carries only the
// month of first contact, so recording is the only daily clock there is).
//
// - count rule: at least `count_threshold` profiles and signals recorded in a département over
//   the last `window_days` days (today included);
// - baseline rule, with enough history: this week's profiles (the 7 days to today) above the
//   mean + 2 standard deviations of the same weeks of earlier years (the week 52 weeks before,
//   and the weeks either side of it, for each of the last 5 years, as DHIS2's predictors do);
//   it needs at least `min_history` such weeks after the first recorded day;
// - otherwise CDC EARS C2: today's count above the mean of the 7 days ending 2 days before
//   today (days −9 to −3) by more than 3 standard deviations (at least 0.5, so that a flat
//   baseline of zeros is not a division by zero and one profile alone is no alert).
// evaluate() is a pure function of the counts and the day, so it is tested with any clock.

#include <chrono>
#include <string>
#include <vector>

namespace vigie::field {

struct DailyCount {
  std::string departement;
  std::chrono::sys_days day;
  int n = 0;
  bool signal = false;  // a signal (counted by the count rule only), else a profile
};

struct AlertRules {
  int count_threshold = 20;
  int window_days = 7;
  int min_history = 5;
  int history_years = 5;
};

struct Alert {
  std::string rule;  // "count", "baseline", "ears_c2"
  std::string departement;
  int value = 0;         // what was counted
  double threshold = 0;  // what it was compared with (above: alert)
  std::string day;       // the day evaluated, YYYY-MM-DD
};

std::vector<Alert> evaluate(const std::vector<DailyCount>& counts, std::chrono::sys_days today,
                            const AlertRules& rules = {});

// The rules in the users' words, for the page that lists alerts.
extern const char* const kAlertRulesFr;
extern const char* const kAlertRulesEn;

}  // namespace vigie::field
