#include "modules/plan/referential_rules.hpp"

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

std::optional<Problem> title(const std::string& title, bool required) {
  if (required && title.find_first_not_of(" \t\r\n") == std::string::npos)
    return Problem{"required", "A title is required."};
  if (title.size() > 1000) return Problem{"too_long", "At most 1000 characters."};
  return std::nullopt;
}

std::optional<Problem> weight(long long weight) {
  if (weight < 1 || weight > 100) return Problem{"out_of_range", "A whole number from 1 to 100."};
  return std::nullopt;
}

std::optional<std::chrono::sys_days> day(const std::string& d) {
  static const std::regex re(R"(^(\d{4})-(\d{2})-(\d{2})$)");
  std::smatch m;
  if (!std::regex_match(d, m, re)) return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(m[1])}, month{static_cast<unsigned>(std::stoi(m[2]))},
                           std::chrono::day{static_cast<unsigned>(std::stoi(m[3]))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days(ymd);
}

std::optional<Problem> date(const std::string& d) {
  if (d.empty()) return std::nullopt;
  using namespace std::chrono;
  if (auto parsed = day(d)) {
    const year_month_day ymd(*parsed);
    if (ymd.year() >= year{2000} && ymd.year() <= year{2100}) return std::nullopt;
  }
  return Problem{"invalid", "A date as YYYY-MM-DD."};
}

std::optional<long long> whole_number(const std::string& text) {
  double v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || p != text.data() + text.size() || v < -1e15 || v > 1e15 ||
      v != static_cast<double>(static_cast<long long>(v)))
    return std::nullopt;
  return static_cast<long long>(v);
}

std::optional<Problem> link(const std::string& url) {
  if (url.empty()) return std::nullopt;
  static const std::regex re(R"(^https?://[^\s]{3,500}$)");
  if (!std::regex_match(url, re))
    return Problem{"invalid", "A link starting with http:// or https://."};
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

std::optional<Problem> period(const std::string& period) {
  static const std::regex re(R"(^\d{4}(-(S[12]|T[1-4]|Q[1-4]|0[1-9]|1[0-2]))?$)");
  if (!std::regex_match(period, re))
    return Problem{"invalid",
                   "A year (2025), half (2025-S1), quarter (2025-T1) or month (2025-06)."};
  return std::nullopt;
}

}  // namespace vigie::plan::rules
