#include "kit/rules.hpp"

#include <charconv>

namespace vigie::kit::rules {

namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int number(std::string_view s) {
  int v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// True when the text holds a control character (other than the allowed ones), a bidirectional
// override or isolate (U+202A-U+202E, U+2066-U+2069), or a byte sequence that is not UTF-8.
bool has_forbidden_characters(std::string_view s, bool multiline) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      if (multiline && (c == '\n' || c == '\r' || c == '\t')) continue;
      return true;
    }
    if (c == 0xe2 && i + 2 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      const auto c2 = static_cast<unsigned char>(s[i + 2]);
      if (c1 == 0x80 && c2 >= 0xaa && c2 <= 0xae) return true;  // U+202A..U+202E
      if (c1 == 0x81 && c2 >= 0xa6 && c2 <= 0xa9) return true;  // U+2066..U+2069
    }
    if (c == 0xc2 && i + 1 < s.size()) {
      const auto c1 = static_cast<unsigned char>(s[i + 1]);
      if (c1 >= 0x80 && c1 <= 0x9f) return true;  // C1 controls
    }
  }
  return false;
}

}  // namespace

std::size_t char_count(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xc0) != 0x80) ++n;
  return n;
}

std::optional<std::chrono::sys_days> day(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-' || !digits(d.substr(0, 4)) ||
      !digits(d.substr(5, 2)) || !digits(d.substr(8, 2)))
    return std::nullopt;
  using namespace std::chrono;
  const year_month_day ymd{year{number(d.substr(0, 4))},
                           month{static_cast<unsigned>(number(d.substr(5, 2)))},
                           std::chrono::day{static_cast<unsigned>(number(d.substr(8, 2)))}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days(ymd);
}

std::optional<Problem> date(std::string_view d, DateRule rule) {
  if (d.empty()) {
    if (rule.required) return Problem{"required", "A date is required."};
    return std::nullopt;
  }
  using namespace std::chrono;
  const auto parsed = day(d);
  if (!parsed) return Problem{"invalid", "A date as YYYY-MM-DD."};
  const year_month_day ymd(*parsed);
  if (ymd.year() < year{2000} || ymd.year() > year{2100})
    return Problem{"out_of_range", "A date from 2000 to 2100."};
  if (rule.not_after && *parsed > *rule.not_after)
    return Problem{"in_future", "A date that is not after today."};
  return std::nullopt;
}

std::optional<std::string> canonical_period(std::string_view p) {
  if (p.size() < 4 || !digits(p.substr(0, 4))) return std::nullopt;
  const int y = number(p.substr(0, 4));
  if (y < 2000 || y > 2100) return std::nullopt;
  const std::string year(p.substr(0, 4));
  if (p.size() == 4) return year;
  if (p[4] != '-') return std::nullopt;
  const auto rest = p.substr(5);
  if (rest.size() == 2 && (rest[0] == 'S') && (rest[1] == '1' || rest[1] == '2'))
    return year + "-" + std::string(rest);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'T') && rest[1] >= '1' && rest[1] <= '4')
    return year + "-Q" + rest[1];
  if (rest.size() == 2 && digits(rest)) {
    const int m = number(rest);
    if (m >= 1 && m <= 12) return year + "-" + std::string(rest);
  }
  return std::nullopt;
}

std::optional<Problem> period(std::string_view p) {
  if (!canonical_period(p))
    return Problem{"invalid",
                   "A year (2025), half (2025-S1), quarter (2025-Q1 or 2025-T1) or month "
                   "(2025-06)."};
  return std::nullopt;
}

std::optional<Problem> link(std::string_view url) {
  if (url.empty()) return std::nullopt;
  const bool scheme = url.starts_with("https://") || url.starts_with("http://");
  const auto host_at = url.find("://") + 3;
  bool clean = true;
  for (char c : url)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) clean = false;
  if (!scheme || !clean || url.size() - host_at < 3 || url.size() > 500)
    return Problem{"invalid", "A link starting with http:// or https://."};
  return std::nullopt;
}

std::optional<long long> whole_number(std::string_view t) {
  double v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc() || p != t.data() + t.size() || v < -1e15 || v > 1e15 ||
      v != static_cast<double>(static_cast<long long>(v)))
    return std::nullopt;
  return static_cast<long long>(v);
}

std::optional<Problem> title(std::string_view t, bool required, std::size_t max_chars) {
  if (required && t.find_first_not_of(" \t\r\n") == std::string_view::npos)
    return Problem{"required", "A title is required."};
  if (char_count(t) > max_chars)
    return Problem{"too_long", "At most " + std::to_string(max_chars) + " characters."};
  if (has_forbidden_characters(t, false))
    return Problem{"control_character",
                   "Remove the invisible control or direction characters from this text."};
  return std::nullopt;
}

std::optional<Problem> text(std::string_view t, std::size_t max_chars) {
  if (char_count(t) > max_chars)
    return Problem{"too_long", "At most " + std::to_string(max_chars) + " characters."};
  if (has_forbidden_characters(t, true))
    return Problem{"control_character",
                   "Remove the invisible control or direction characters from this text."};
  return std::nullopt;
}

std::optional<Problem> percentage(std::int64_t v) {
  if (v < 0 || v > 100) return Problem{"out_of_range", "Between 0 and 100."};
  return std::nullopt;
}

}  // namespace vigie::kit::rules
