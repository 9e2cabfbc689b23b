#pragma once
// The code lists a victim profile and a signal are written in, read once from the shipped
// taxonomies (data/taxonomies.json: forms of exploitation, sectors, ILO indicators, HTCDS
// picklists for means of control and recruitment, victim status) plus the lists this module
// owns (sex, age bands, support, nationalities and their world regions, signal kinds).
// Every list is in display order; is_code() is the one membership test.

#include <string>
#include <string_view>
#include <vector>

namespace vigie::field {

struct CodeLists {
  std::vector<std::string> forms, sectors, ilo_indicators, means_of_control, recruitment,
      victim_status, sex, age_bands, minor_at_exploitation, support, signal_kinds, severities;
};

const CodeLists& codes();

bool is_code(const std::vector<std::string>& list, std::string_view code);

// The world region statistics group a nationality into ("africa", "europe", "americas",
// "asia", "oceania"), or "" for a code that is not a known ISO 3166 alpha-2 country.
std::string_view world_region(std::string_view country);

// A list written in one spreadsheet cell: codes separated by '|', spaces trimmed, empty
// items dropped.
std::vector<std::string> split_codes(std::string_view cell);
std::string join_codes(const std::vector<std::string>& codes);

}  // namespace vigie::field
