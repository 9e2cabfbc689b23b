#pragma once
// The shared input rules: what a valid date, period, link, whole number, title and percentage
// are, for every module, every form and every import, so that all refuse the same things with
// the same words. Each check returns the error's stable code and English sentence, or nullopt
// when the value is fine. Unit-tested in tests/unit/kit_rules_test.cpp.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::kit::rules {

struct Problem {
  std::string code, message;
};

// The day a YYYY-MM-DD text names (a real calendar day: 2026-02-30 names none), or nullopt.
std::optional<std::chrono::sys_days> day(std::string_view yyyy_mm_dd);

// A plausible date: a real day from 2000-01-01 to 2100-12-31, and not after `not_after` when
// given (a report date is not in the future). "" is fine (none) unless `required`.
struct DateRule {
  bool required = false;
  std::optional<std::chrono::sys_days> not_after = std::nullopt;
};
std::optional<Problem> date(std::string_view yyyy_mm_dd, DateRule rule = {});

// A reporting period in its one canonical spelling: a year "2025", a half "2025-S1", a quarter
// "2025-Q1" (the French "2025-T1" is the same quarter and reads as "2025-Q1"), a month
// "2025-06". nullopt when the text names no period.
std::optional<std::string> canonical_period(std::string_view text);
std::optional<Problem> period(std::string_view text);

// A link users may follow: http:// or https://, no white space or control character, at most
// 500 characters. "" is fine (none).
std::optional<Problem> link(std::string_view url);

// A whole number written as a spreadsheet may write it ("12", "12.0", "1.2e1"), or nullopt.
std::optional<long long> whole_number(std::string_view text);

// A one-line title: required (unless told otherwise), at most `max_chars` characters, no
// control character and no bidirectional override (which would disguise what a reader sees).
std::optional<Problem> title(std::string_view text, bool required = true,
                             std::size_t max_chars = 1000);

// Free text over several lines (comments, notes): at most `max_chars` characters; line breaks
// and tabs are fine, other control characters and bidirectional overrides are not.
std::optional<Problem> text(std::string_view text, std::size_t max_chars);

// A percentage: a whole number from 0 to 100.
std::optional<Problem> percentage(std::int64_t value);

// Characters counted as a reader counts them (UTF-8 code points).
std::size_t char_count(std::string_view utf8);

}  // namespace vigie::kit::rules
