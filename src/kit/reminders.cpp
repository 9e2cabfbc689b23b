#include "kit/reminders.hpp"

namespace vigie::kit {

std::optional<Reminder> reminder_due(std::chrono::sys_days today, std::chrono::sys_days deadline,
                                     std::optional<std::chrono::sys_days> opened,
                                     const std::vector<std::chrono::sys_days>& before_sent,
                                     const std::vector<std::chrono::sys_days>& overdue_sent) {
  const auto days_left = (deadline - today).count();
  if (days_left > 7) return std::nullopt;
  if (days_left >= 0) {
    if (!before_sent.empty()) return std::nullopt;
    if (opened && (today - *opened).count() < 3) return std::nullopt;
    return Reminder::before;
  }
  if (!overdue_sent.empty() && (today - overdue_sent.back()).count() < 7) return std::nullopt;
  return Reminder::overdue;
}

}  // namespace vigie::kit
