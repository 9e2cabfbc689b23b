#pragma once
// CSV as written by spreadsheets (RFC 4180): comma or semicolon separated, fields optionally
// quoted with "" as an escaped quote, CRLF or LF line ends, an optional UTF-8 BOM.

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

// A CSV text that cannot be read; its message is written for the user (a line number).
class CsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CsvReader {
 public:
  // Reads from `text`, which must outlive the reader. `separator` 0 means: guess from the
  // first line (';' if it has more ';' than ',').
  explicit CsvReader(std::string_view text, char separator = 0);

  // The next record, or nullopt at the end. Throws CsvError on an unterminated quote.
  std::optional<std::vector<std::string>> next();
  // 1-based line number where the last returned record started.
  std::size_t line() const { return record_line_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  char sep_;
  std::size_t line_ = 1, record_line_ = 0;
};

}  // namespace vigie::text

namespace vigie::text {
// One CSV record (RFC 4180): fields quoted when they hold the separator, a quote or a line
// break; CRLF at the end. Fields starting with = + - @ are prefixed with ' so that a
// spreadsheet never runs them as formulas.
// True when a spreadsheet could read the cell as a formula: it starts with = + - @ or with a
// tab, carriage return or line feed. csv_record() prefixes such cells with an apostrophe.
bool starts_like_formula(std::string_view cell);

std::string csv_record(const std::vector<std::string>& fields, char separator = ',');
// A whole CSV file: a UTF-8 byte-order mark (so that spreadsheets read accents right), then
// one record per row, fields separated by `separator` (';' for a French spreadsheet).
std::string csv_document(const std::vector<std::vector<std::string>>& rows, char separator = ',');
}  // namespace vigie::text
