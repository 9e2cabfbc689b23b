#include "app/privacy_commands.hpp"

#include "privacy/disclosure_control.hpp"
#include "privacy/identifier_guard.hpp"
#include "privacy/json.hpp"
#include "text/csv.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include <iostream>
#include <iterator>
#include <sstream>

namespace vigie::app {

int run_privacy_scan(std::istream& in, std::ostream& out) {
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto findings = privacy::find_identifiers(text);
  out << boost::json::serialize(privacy::findings_to_json(findings)) << "\n";
  return findings.empty() ? 0 : 1;
}

int run_privacy_aggregate(std::istream& in, std::ostream& out, std::ostream& err,
                          const std::vector<std::string>& by, int k) {
  if (by.empty()) {
    err << "vigie privacy aggregate: --by needs at least one column\n";
    return 2;
  }
  const std::string input((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  text::CsvReader csv(input);
  std::optional<std::vector<std::string>> header;
  try {
    header = csv.next();
  } catch (const std::exception& e) {
    err << "vigie privacy aggregate: " << e.what() << "\n";
    return 2;
  }
  if (!header) {
    err << "vigie privacy aggregate: empty input (a CSV with a header row is expected)\n";
    return 2;
  }
  std::vector<std::size_t> columns;
  for (const auto& name : by) {
    auto it = std::find(header->begin(), header->end(), name);
    if (it == header->end()) {
      err << "vigie privacy aggregate: no column '" << name << "' in the header\n";
      return 2;
    }
    columns.push_back(static_cast<std::size_t>(it - header->begin()));
  }
  privacy::CountTable table(by);
  std::vector<std::string> values(by.size());
  for (;;) {
    std::optional<std::vector<std::string>> row;
    try {
      row = csv.next();
    } catch (const std::exception& e) {
      err << "vigie privacy aggregate: " << e.what() << "\n";
      return 2;
    }
    if (!row) break;
    if (row->size() == 1 && (*row)[0].empty()) continue;  // blank line
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (columns[i] >= row->size()) {
        err << "vigie privacy aggregate: line " << csv.line() << " has " << row->size()
            << " fields, the header " << header->size() << "\n";
        return 2;
      }
      values[i] = (*row)[columns[i]];
    }
    table.add(values);
  }
  privacy::DisclosureRules rules;
  rules.k = k;
  try {
    out << boost::json::serialize(privacy::table_to_json(privacy::control(table, rules))) << "\n";
  } catch (const privacy::DisclosureError& e) {
    err << "vigie privacy aggregate: " << e.what() << "\n";
    return 2;
  }
  return 0;
}

}  // namespace vigie::app
