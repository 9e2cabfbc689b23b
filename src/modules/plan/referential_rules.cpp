#include "modules/plan/referential_rules.hpp"

#include "kit/rules.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <regex>

namespace vigie::plan::rules {

std::optional<Problem> measure_code(const std::string& code) {
  static const std::regex re(R"(^[A-Za-z0-9][A-Za-z0-9._-]{0,19}$)");
  if (code.empty()) return Problem{"required", "A code is required."};
  if (!std::regex_match(code, re))
    return Problem{"invalid", "Letters, digits, '.', '-' or '_', at most 20."};
  return std::nullopt;
}

std::optional<Problem> weight(long long weight) {
  if (weight < 1 || weight > 100) return Problem{"out_of_range", "A whole number from 1 to 100."};
  return std::nullopt;
}

std::optional<Problem> cost(const std::string& text, std::optional<std::int64_t>& out) {
  out.reset();
  if (text.empty()) return std::nullopt;
  const auto v = whole_number(text);
  if (!v || *v < 0 || *v > 10'000'000'000'000)
    return Problem{"invalid", "A whole number of euros."};
  out = *v;
  return std::nullopt;
}

std::optional<Problem> pilots(const std::vector<std::string>& pilots,
                              const std::vector<std::string>& known) {
  for (const auto& p : pilots)
    if (!std::binary_search(known.begin(), known.end(), p))
      return Problem{"unknown_pilot", "Unknown organisation code: " + p + "."};
  return std::nullopt;
}

namespace {
std::optional<Problem> plan_problem(const std::optional<kit::rules::Problem>& p) {
  if (!p) return std::nullopt;
  return Problem{p->code, p->message};
}
}  // namespace

// The shared rules (kit/rules.hpp), in the plan's words.
std::optional<Problem> title(const std::string& title, bool required) {
  return plan_problem(kit::rules::title(title, required, 1000));
}
std::optional<std::chrono::sys_days> day(const std::string& d) {
  return kit::rules::day(d);
}
std::optional<Problem> date(const std::string& d) {
  return plan_problem(kit::rules::date(d));
}
std::optional<long long> whole_number(const std::string& text) {
  return kit::rules::whole_number(text);
}
std::optional<Problem> link(const std::string& url) {
  return plan_problem(kit::rules::link(url));
}
std::optional<Problem> period(const std::string& period) {
  return plan_problem(kit::rules::period(period));
}

}  // namespace vigie::plan::rules
