#pragma once
// Spreadsheets as exchanged with office suites (Office Open XML, .xlsx): one sheet of text and
// numbers, written with libxlsxwriter and read back with libzip and a streaming XML reader
// (text/xml_pull.hpp). Only what a tabular import/export needs: no formulas, styles or merged
// cells are read. Reading never holds a part whole: memory is the table returned plus the
// shared strings plus a few chunks, whatever the size of the sheet.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

using Table = std::vector<std::vector<std::string>>;

struct XlsxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The bytes of a workbook with one sheet named `sheet_name`: the first row is a bold, frozen
// header with a filter; cells of the columns flagged in `numeric_columns` that parse as numbers
// are written as numbers, every other cell as text (never as a formula).
std::string write_xlsx(const std::string& sheet_name, const Table& rows,
                       const std::vector<bool>& numeric_columns);

// The cells of the workbook's first sheet as text (numbers as written in the file, booleans as
// 0/1), rows and columns in place (gaps filled with ""), trailing empty rows dropped. Throws
// XlsxError for anything that is not such a workbook (malformed XML included), for sheets
// beyond `max_cells` cells (counted as slots of the table returned, gaps included: refused as
// soon as the count is passed, without reading on), for parts beyond 32 MiB uncompressed
// whatever the archive claims (zip bombs), and for tables beyond 64 MiB of text.
Table read_xlsx(std::string_view bytes, std::size_t max_cells = 1'000'000);

// An Excel serial day number (1900 date system) as YYYY-MM-DD, for dates a spreadsheet
// turned into numbers; "" when `serial` is not a plausible date.
std::string excel_serial_to_iso(double serial);

}  // namespace vigie::text
