#include "text/csv.hpp"

#include <stdexcept>

namespace vigie::text {

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), sep_(separator) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  if (sep_ == 0) {
    auto head = text_.substr(pos_, text_.find('\n', pos_) - pos_);
    std::size_t semis = 0, commas = 0;
    for (char c : head) semis += c == ';', commas += c == ',';
    sep_ = semis > commas ? ';' : ',';
  }
}

std::optional<std::vector<std::string>> CsvReader::next() {
  if (pos_ >= text_.size()) return std::nullopt;
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false, was_quoted = false;
  record_line_ = line_;
  while (pos_ < text_.size()) {
    char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
    } else if (c == sep_) {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\r') {
      // CRLF: the LF ends the record.
    } else if (c == '\n') {
      ++line_;
      fields.push_back(std::move(field));
      return fields;
    } else {
      field += c;
    }
  }
  if (quoted) throw CsvError("line " + std::to_string(record_line_) + ": unterminated quote");
  fields.push_back(std::move(field));
  return fields;
}

}  // namespace vigie::text

namespace vigie::text {

bool starts_like_formula(std::string_view cell) {
  // = + - @ start a formula; a tab, carriage return or line feed first is dropped or skipped by
  // spreadsheets, which then read the = behind it (OWASP CSV injection).
  return !cell.empty() &&
         std::string_view("=+-@\t\r\n").find(cell.front()) != std::string_view::npos;
}

std::string csv_record(const std::vector<std::string>& fields, char sep) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += sep;
    std::string f = fields[i];
    if (starts_like_formula(f)) f = "'" + f;
    if (f.find_first_of(std::string(1, sep) + "\"\r\n") != std::string::npos) {
      std::string q = "\"";
      for (char c : f) q += c == '"' ? std::string("\"\"") : std::string(1, c);
      f = q + "\"";
    }
    out += f;
  }
  return out + "\r\n";
}

std::string csv_document(const std::vector<std::vector<std::string>>& rows, char separator) {
  std::string out = "\xEF\xBB\xBF";
  for (const auto& row : rows) out += csv_record(row, separator);
  return out;
}

}  // namespace vigie::text
