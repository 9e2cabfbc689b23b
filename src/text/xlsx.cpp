#include "text/xlsx.hpp"

#include "text/xml_pull.hpp"

#include <xlsxwriter.h>
#include <zip.h>

#include <unistd.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
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

// Every part is read through a bounded stream: whatever its directory entry claims, no part
// yields more than this once inflated (zip bombs), and the sheet is never held whole.
constexpr zip_uint64_t kMaxPart = 32u << 20;
// The text of all cells together, shared strings counted at every use (a long shared string
// repeated in every cell would otherwise multiply the memory of a small file).
constexpr std::size_t kMaxTableText = 64u << 20;

// One part of the archive, read as XML in chunks of zip_fread.
class Part {
 public:
  Part(zip_t* z, const std::string& name)
      : name_(name),
        file_(zip_fopen(z, name.c_str(), 0), zip_fclose),
        xml_([this](char* into, std::size_t capacity) { return read(into, capacity); }) {
    if (!file_) throw XlsxError("unreadable part " + name);
  }
  Part(const Part&) = delete;
  Part& operator=(const Part&) = delete;

  // The next event; malformed XML is the spreadsheet's fault, said as such.
  XmlPull::Event next() {
    try {
      return xml_.next();
    } catch (const XmlError& e) {
      throw XlsxError("not a spreadsheet: " + name_ + " is not well-formed XML (" + e.what() + ")");
    }
  }
  const XmlPull& xml() const { return xml_; }

 private:
  std::size_t read(char* into, std::size_t capacity) {
    const auto n = zip_fread(file_.get(), into, capacity);
    if (n < 0) throw XlsxError("unreadable part " + name_);
    read_ += static_cast<zip_uint64_t>(n);
    if (read_ > kMaxPart) throw XlsxError("the spreadsheet is too large once uncompressed");
    return static_cast<std::size_t>(n);
  }

  std::string name_;
  std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file_;
  zip_uint64_t read_ = 0;
  XmlPull xml_;
};

// Whether the archive has the part; refuses at once one whose declared size is beyond the cap.
bool has_part(zip_t* z, const std::string& name) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(z, name.c_str(), 0, &st) != 0) return false;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > kMaxPart)
    throw XlsxError("the spreadsheet is too large once uncompressed");
  return true;
}

Part& open_part(std::optional<Part>& slot, zip_t* z, const std::string& name) {
  if (!has_part(z, name)) throw XlsxError("not a spreadsheet: " + name + " is missing");
  slot.emplace(z, name);
  return *slot;
}

// Called after the start of <si> or <is>: the text of the plain <t> or of the rich-text runs'
// <t>, phonetic runs (<rPh>) left out. Returns after the element's end.
std::string string_item(Part& part) {
  const auto& x = part.xml();
  const auto depth = x.depth();
  std::string out;
  bool in_t = false;
  std::size_t phonetic = 0;  // depth of an open <rPh>, 0 when none
  for (;;) {
    switch (part.next()) {
      case XmlPull::Event::start:
        if (!phonetic && x.local_name() == "rPh")
          phonetic = x.depth();
        else if (!phonetic && x.local_name() == "t")
          in_t = true;
        break;
      case XmlPull::Event::end:
        if (x.depth() < depth) return out;
        if (phonetic && x.depth() < phonetic) phonetic = 0;
        if (x.local_name() == "t") in_t = false;
        break;
      case XmlPull::Event::text:
        if (in_t && !phonetic) out += x.text();
        break;
      case XmlPull::Event::eof:
        throw XlsxError("not a spreadsheet: a string is cut short");
    }
  }
}

// The shared strings, packed in one buffer (a std::string each would cost 32 bytes more).
struct SharedStrings {
  std::string text;
  std::vector<std::size_t> ends;
  std::size_t size() const { return ends.size(); }
  std::string_view operator[](std::size_t i) const {
    const auto begin = i == 0 ? 0 : ends[i - 1];
    return std::string_view(text).substr(begin, ends[i] - begin);
  }
};

SharedStrings read_shared_strings(zip_t* z, std::size_t max_strings) {
  SharedStrings out;
  const std::string name = "xl/sharedStrings.xml";
  if (!has_part(z, name)) return out;
  std::optional<Part> slot;
  auto& part = open_part(slot, z, name);
  for (;;) {
    const auto e = part.next();
    if (e == XmlPull::Event::eof) break;
    if (e != XmlPull::Event::start || part.xml().depth() != 2 || part.xml().local_name() != "si")
      continue;
    out.text += string_item(part);
    out.ends.push_back(out.text.size());
    // More distinct strings than cells could ever use them is no table of ours.
    if (out.ends.size() > max_strings) throw XlsxError("the sheet has too many cells");
  }
  return out;
}

// "BC12" -> column index 54 (0-based); -1 when malformed.
long column_of(const std::string& ref) {
  long col = 0;
  std::size_t i = 0;
  for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  if (i == 0 || i > 3) return -1;
  return col - 1;
}

// The path inside the archive of the workbook's first sheet.
std::string first_sheet_path(zip_t* z) {
  std::string rid;
  {
    std::optional<Part> slot;
    auto& part = open_part(slot, z, "xl/workbook.xml");
    for (auto e = part.next(); e != XmlPull::Event::eof && rid.empty(); e = part.next()) {
      const auto& x = part.xml();
      if (e == XmlPull::Event::start && x.depth() == 3 && x.local_name() == "sheet") {
        const auto* id = x.attribute("r:id");
        if (!id) throw XlsxError("the workbook's first sheet is missing");
        rid = *id;
      }
    }
    if (rid.empty()) throw XlsxError("the workbook has no sheet");
  }
  std::optional<Part> slot;
  auto& part = open_part(slot, z, "xl/_rels/workbook.xml.rels");
  for (auto e = part.next(); e != XmlPull::Event::eof; e = part.next()) {
    const auto& x = part.xml();
    if (e != XmlPull::Event::start || x.local_name() != "Relationship") continue;
    const auto* id = x.attribute("Id");
    const auto* target = x.attribute("Target");
    if (!id || *id != rid || !target) continue;
    if (target->starts_with("/")) return target->substr(1);
    return "xl/" + *target;
  }
  throw XlsxError("the workbook's first sheet is missing");
}

std::size_t whole_number(const std::string& s, std::size_t fallback) {
  std::size_t n = 0;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, n);
  return ec == std::errc() && p == end && !s.empty() ? n : fallback;
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
  // The archive reads the request's bytes where they are: no copy of the upload.
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) throw XlsxError("not a spreadsheet");
  zip_t* z = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!z) {
    zip_source_free(src);
    zip_error_fini(&error);
    throw XlsxError("not a spreadsheet (not a zip archive)");
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> archive(z, zip_discard);

  const auto shared = read_shared_strings(z, max_cells);
  const auto path = first_sheet_path(z);
  std::optional<Part> slot;
  auto& part = open_part(slot, z, path);
  const auto& x = part.xml();

  Table out;
  // Slots of the table, padding included: what the caller's memory holds, so the cap is a bound.
  std::size_t cells = 0;
  std::size_t text = 0;
  auto spend = [&](std::size_t n) {
    cells += n;
    if (cells > max_cells) throw XlsxError("the sheet has too many cells");
  };
  bool in_data = false, in_cell = false, in_value = false, row_has_cells = false;
  long col = -1;
  std::string type, value;
  for (auto e = part.next(); e != XmlPull::Event::eof; e = part.next()) {
    if (e == XmlPull::Event::text) {
      if (in_value) value += x.text();
      continue;
    }
    const auto name = x.local_name();
    if (e == XmlPull::Event::start) {
      if (!in_data) {
        in_data = x.depth() == 2 && name == "sheetData";
      } else if (name == "row" && x.depth() == 3) {
        std::size_t r = out.size();
        if (const auto* attr = x.attribute("r")) {
          const auto n = whole_number(*attr, 0);
          if (n == 0 || n > 1'048'576) throw XlsxError("malformed row number");
          r = n - 1;
        }
        if (r < out.size()) throw XlsxError("rows out of order");
        spend(r - out.size());  // the empty rows of a gap
        out.resize(r + 1);
        row_has_cells = false;
      } else if (name == "c" && x.depth() == 4) {
        if (out.empty()) throw XlsxError("not a spreadsheet: a cell outside a row");
        auto& row = out.back();
        col = static_cast<long>(row.size());
        if (const auto* ref = x.attribute("r")) col = column_of(*ref);
        if (col < 0 || col < static_cast<long>(row.size()) || col > 16383)
          throw XlsxError("malformed cell reference");
        spend(static_cast<std::size_t>(col) + 1 - row.size());
        row.resize(static_cast<std::size_t>(col) + 1);
        const auto* t = x.attribute("t");
        type = t ? *t : "";
        value.clear();
        in_cell = true;
        row_has_cells = true;
      } else if (in_cell && name == "v" && x.depth() == 5) {
        in_value = true;
      } else if (in_cell && name == "is" && x.depth() == 5) {
        value = string_item(part);
      }
      continue;
    }
    // an end
    if (in_value && name == "v") {
      in_value = false;
    } else if (in_cell && name == "c") {
      in_cell = false;
      std::string cell;
      if (type == "s") {
        const auto i = whole_number(value, ~std::size_t{0});
        if (i >= shared.size()) throw XlsxError("malformed shared string index");
        cell = shared[i];
      } else {
        cell = std::move(value);
      }
      text += cell.size();
      if (text > kMaxTableText) throw XlsxError("the spreadsheet is too large once uncompressed");
      out.back()[static_cast<std::size_t>(col)] = std::move(cell);
    } else if (name == "row" && x.depth() == 2 && in_data) {
      if (!row_has_cells) spend(1);
    } else if (name == "sheetData") {
      in_data = false;
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
