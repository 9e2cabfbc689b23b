#pragma once
// What a valid referential entry is, shared by the edit forms and the spreadsheet import so
// that both refuse the same things with the same words. Each check returns the error's stable
// code and English sentence, or nullopt when the value is fine.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::plan::rules {

struct Problem {
  std::string code, message;
};

std::optional<Problem> measure_code(const std::string& code);
std::optional<Problem> title(const std::string& title, bool required = true);
std::optional<Problem> weight(long long weight);
std::optional<Problem> date(const std::string& yyyy_mm_dd);  // "" is fine (none)
// The day a YYYY-MM-DD text names, or nullopt when it names none.
std::optional<std::chrono::sys_days> day(const std::string& yyyy_mm_dd);
// A whole number written as a spreadsheet may write it ("12", "12.0", "1.2e1"), or nullopt.
std::optional<long long> whole_number(const std::string& text);
std::optional<Problem> link(const std::string& url);  // "" is fine (none)
// "" is none; otherwise a whole number of euros >= 0.
std::optional<Problem> cost(const std::string& text, std::optional<std::int64_t>& out);
// `known` sorted.
std::optional<Problem> pilots(const std::vector<std::string>& pilots,
                              const std::vector<std::string>& known);
std::optional<Problem> period(const std::string& period);

}  // namespace vigie::plan::rules
