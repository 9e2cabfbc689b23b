#include "text/xlsx.hpp"

#include <xlsxwriter.h>
#include <zip.h>
#include <pugixml.hpp>

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace vigie::text {

namespace {

bool parse_number(const std::string& s, double& out) {
  if (s.empty() || s.size() > 40) return false;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end && std::isfinite(out);
}

// A private temporary file, removed when this goes out of scope: libxlsxwriter writes to paths.
struct TempFile {
  std::string path;
  TempFile() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vigie-xlsx-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw XlsxError("cannot create a temporary file");
    ::close(fd);
    path = pattern;
  }
  ~TempFile() { std::remove(path.c_str()); }
};

constexpr zip_uint64_t kMaxPart = 32u << 20;

std::string read_part(zip_t* z, const std::string& name, bool required) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) {
    if (required) throw XlsxError("not a spreadsheet: " + name + " is missing");
    return {};
  }
  if (!(st.valid & ZIP_STAT_SIZE) || st.size > kMaxPart)
    throw XlsxError("the spreadsheet is too large once uncompressed");
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> f(zip_fopen(z, name.c_str(), 0), zip_fclose);
  if (!f) throw XlsxError("unreadable part " + name);
  std::string out(st.size, '\0');
  zip_int64_t got = 0;
  while (got < static_cast<zip_int64_t>(out.size())) {
    const auto n = zip_fread(f.get(), out.data() + got, out.size() - got);
    if (n <= 0) throw XlsxError("unreadable part " + name);
    got += n;
  }
  return out;
}

pugi::xml_document parse_xml(const std::string& text, const std::string& name) {
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default))
    throw XlsxError("not a spreadsheet: " + name + " is not XML");
  return doc;
}

// The text of a shared string or inline string: plain <t> or the runs of rich text.
std::string string_item(const pugi::xml_node& si) {
  if (auto t = si.child("t")) return t.text().get();
  std::string out;
  for (auto r : si.children("r")) out += r.child("t").text().get();
  return out;
}

// "BC12" -> column index 54 (0-based); -1 when malformed.
long column_of(const char* ref) {
  long col = 0;
  int letters = 0;
  for (; *ref >= 'A' && *ref <= 'Z'; ++ref, ++letters) col = col * 26 + (*ref - 'A' + 1);
  if (letters == 0 || letters > 3) return -1;
  return col - 1;
}

// The path inside the archive of the workbook's first sheet.
std::string first_sheet_path(zip_t* z) {
  auto workbook = parse_xml(read_part(z, "xl/workbook.xml", true), "xl/workbook.xml");
  auto sheet = workbook.child("workbook").child("sheets").child("sheet");
  if (!sheet) throw XlsxError("the workbook has no sheet");
  const std::string rid = sheet.attribute("r:id").value();
  auto rels = parse_xml(read_part(z, "xl/_rels/workbook.xml.rels", true), "workbook rels");
  for (auto rel : rels.child("Relationships").children("Relationship")) {
    if (rid != rel.attribute("Id").value()) continue;
    std::string target = rel.attribute("Target").value();
    if (target.starts_with("/")) return target.substr(1);
    return "xl/" + target;
  }
  throw XlsxError("the workbook's first sheet is missing");
}

}  // namespace

std::string write_xlsx(const std::string& sheet_name, const Table& rows,
                       const std::vector<bool>& numeric_columns) {
  TempFile file;
  lxw_workbook_options options{.constant_memory = LXW_FALSE, .tmpdir = nullptr};
  lxw_workbook* wb = workbook_new_opt(file.path.c_str(), &options);
  if (!wb) throw XlsxError("cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_format* text = workbook_add_format(wb);
  format_set_num_format(text, "@");
  format_set_text_wrap(text);
  format_set_align(text, LXW_ALIGN_VERTICAL_TOP);
  std::vector<std::size_t> widths;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto& v = rows[r][c];
      if (widths.size() <= c) widths.resize(c + 1, 8);
      widths[c] = std::max(widths[c], std::min<std::size_t>(v.size(), 60));
      const auto row = static_cast<lxw_row_t>(r);
      const auto col = static_cast<lxw_col_t>(c);
      double number = 0;
      if (r == 0)
        worksheet_write_string(ws, row, col, v.c_str(), bold);
      else if (c < numeric_columns.size() && numeric_columns[c] && parse_number(v, number))
        worksheet_write_number(ws, row, col, number, nullptr);
      else if (!v.empty())
        worksheet_write_string(ws, row, col, v.c_str(), text);
    }
  }
  for (std::size_t c = 0; c < widths.size(); ++c)
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                         static_cast<double>(widths[c] + 2), nullptr);
  if (!rows.empty() && !rows[0].empty()) {
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size() - 1),
                         static_cast<lxw_col_t>(rows[0].size() - 1));
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw XlsxError("cannot write the workbook");
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

Table read_xlsx(std::string_view bytes, std::size_t max_cells) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw XlsxError("not a spreadsheet");
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!z) {
    zip_source_free(src);
    zip_error_fini(&error);
    throw XlsxError("not a spreadsheet (not a zip archive)");
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(z, zip_discard);

  std::vector<std::string> shared;
  if (auto text = read_part(z, "xl/sharedStrings.xml", false); !text.empty()) {
    auto doc = parse_xml(text, "xl/sharedStrings.xml");
    for (auto si : doc.child("sst").children("si")) shared.push_back(string_item(si));
  }
  const auto path = first_sheet_path(z);
  auto sheet = parse_xml(read_part(z, path, true), path);

  Table out;
  std::size_t cells = 0;
  for (auto row : sheet.child("worksheet").child("sheetData").children("row")) {
    std::size_t r = out.size();
    if (auto attr = row.attribute("r")) {
      const auto n = attr.as_ullong();
      if (n == 0 || n > 1'048'576) throw XlsxError("malformed row number");
      r = n - 1;
    }
    if (r < out.size()) throw XlsxError("rows out of order");
    out.resize(r + 1);
    auto& cells_out = out[r];
    for (auto c : row.children("c")) {
      long col = static_cast<long>(cells_out.size());
      if (auto ref = c.attribute("r")) col = column_of(ref.value());
      if (col < 0 || col < static_cast<long>(cells_out.size()) || col > 16383)
        throw XlsxError("malformed cell reference");
      if (++cells > max_cells) throw XlsxError("the sheet has too many cells");
      cells_out.resize(static_cast<std::size_t>(col) + 1);
      const std::string type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        const auto i = c.child("v").text().as_ullong(~0ull);
        if (i >= shared.size()) throw XlsxError("malformed shared string index");
        value = shared[i];
      } else if (type == "inlineStr") {
        value = string_item(c.child("is"));
      } else {
        value = c.child("v").text().get();
      }
      cells_out[static_cast<std::size_t>(col)] = std::move(value);
    }
  }
  auto blank = [](const std::vector<std::string>& row) {
    for (const auto& v : row)
      if (!v.empty()) return false;
    return true;
  };
  while (!out.empty() && blank(out.back())) out.pop_back();
  return out;
}

std::string excel_serial_to_iso(double serial) {
  // 1900-03-01 is serial 61 (Excel counts a 29 February 1900 that never was).
  if (!(serial >= 61 && serial < 2958466) || serial != std::floor(serial)) return "";
  using namespace std::chrono;
  const sys_days day = sys_days(year_month_day{year{1899}, month{12}, std::chrono::day{30}}) +
                       days(static_cast<long>(serial));
  const year_month_day ymd(day);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

}  // namespace vigie::text
