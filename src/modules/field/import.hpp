#pragma once
// The one column layout of the record template and of imports (CSV or XLSX): columns named
// as the record's members, lists as codes separated by '|', booleans as true/false (or
// oui/non, yes/no, 1/0). parse_import() reads every row and collects every error — row (the
// spreadsheet's, header = 1), column, message — so that a file is corrected in one pass;
// the caller writes nothing unless the list is empty.

#include "modules/field/model.hpp"
#include "modules/field/rules.hpp"
#include "text/xlsx.hpp"

#include <string>
#include <vector>

namespace vigie::field {

struct ImportError;

const std::vector<std::string>& template_header();
std::vector<std::string> template_example();

struct ParsedImport {
  std::vector<VictimRecord> records;  // the valid rows (all of them when errors is empty)
  std::size_t bad_rows = 0;
  std::vector<ImportError> errors;
};

// At most kMaxImportRows data rows; more is one error on row 1.
inline constexpr std::size_t kMaxImportRows = 200'000;
ParsedImport parse_import(const text::Table& rows, Today today);

}  // namespace vigie::field
