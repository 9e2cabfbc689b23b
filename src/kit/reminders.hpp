#pragma once
// When to remind an organisation that still owes something by a deadline (a reporting
// campaign's update, a call's diagnostics): one rule for every module.
//   - one reminder from 7 days before the deadline to the deadline itself, unless the opening
//     notice went out less than 3 days earlier;
//   - once the deadline has passed, an overdue reminder, repeated every 7 days.
// Idempotent within a day when the caller records what it sent.

#include <chrono>
#include <optional>
#include <vector>

namespace vigie::kit {

enum class Reminder { before, overdue };

// The reminder due `today`, or nullopt. `before_sent`, `overdue_sent`: the days those were
// sent, oldest first; `opened`: the day the opening notice went out, if it did.
std::optional<Reminder> reminder_due(std::chrono::sys_days today, std::chrono::sys_days deadline,
                                     std::optional<std::chrono::sys_days> opened,
                                     const std::vector<std::chrono::sys_days>& before_sent,
                                     const std::vector<std::chrono::sys_days>& overdue_sent);

}  // namespace vigie::kit
