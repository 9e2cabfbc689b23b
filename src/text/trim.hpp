#pragma once
// Text without the blanks (spaces, tabs, line breaks) a spreadsheet cell or a list item may
// carry around it.

#include <string>
#include <string_view>

namespace vigie::text {

inline std::string trim(std::string_view s) {
  constexpr std::string_view blanks = " \t\r\n";
  const auto first = s.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(blanks) - first + 1));
}

}  // namespace vigie::text
