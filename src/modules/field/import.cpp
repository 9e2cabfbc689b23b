#include "modules/field/import.hpp"

#include "kit/rules.hpp"
#include "modules/field/codes.hpp"
#include "modules/field/service.hpp"
#include "text/csv.hpp"
#include "text/trim.hpp"

#include <map>
#include <set>

namespace vigie::field {

namespace {

// A cell as an export wrote it: an apostrophe the CSV writer put before text a spreadsheet
// would run as a formula is taken off again.
std::string cell_text(const std::string& s) {
  if (s.size() > 1 && s[0] == '\'' && text::starts_like_formula(std::string_view(s).substr(1)))
    return text::trim(s.substr(1));
  return text::trim(s);
}

std::optional<bool> boolean(const std::string& s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "true" || l == "yes" || l == "oui" || l == "1") return true;
  if (l == "false" || l == "no" || l == "non" || l == "0") return false;
  return std::nullopt;
}

// "forms/2" -> "forms": an error names the column it was found in.
std::string column_of(const std::string& field) {
  return field.substr(0, field.find('/'));
}

}  // namespace

const std::vector<std::string>& template_header() {
  static const std::vector<std::string> h{"contact_year",
                                          "contact_month",
                                          "departement",
                                          "forms",
                                          "exploitation_departement",
                                          "exploitation_country",
                                          "sector",
                                          "sex",
                                          "age_band",
                                          "minor_at_contact",
                                          "minor_at_exploitation",
                                          "nationality",
                                          "ilo_indicators",
                                          "means_of_control",
                                          "recruitment",
                                          "victim_status",
                                          "support",
                                          "operation",
                                          "note"};
  return h;
}

std::vector<std::string> template_example() {
  return {"2025",
          "3",
          "93",
          "EXP_SEX",
          "93",
          "",
          "",
          "female",
          "18-24",
          "false",
          "yes",
          "NG",
          "ILO01|ILO06",
          "DebtBondage|PsychologicalAbuse",
          "ThroughOnlineSocialNetworks",
          "PRESUMEE",
          "shelter|legal",
          "",
          "Orientée par une maraude ; hébergement d'urgence trouvé le soir même."};
}

ParsedImport parse_import(const text::Table& rows, Today today) {
  ParsedImport out;
  const auto& header = template_header();
  if (rows.empty()) {
    out.errors.push_back({1, "", "The file is empty: start from the template.", "empty_file"});
    return out;
  }
  // Columns by name, in any order; every template column must be there, no other.
  std::map<std::string, std::size_t> at;
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    auto name = cell_text(rows[0][i]);
    if (i == 0 && name.starts_with("\xEF\xBB\xBF")) name = name.substr(3);
    if (name.empty()) continue;
    if (std::find(header.begin(), header.end(), name) == header.end())
      out.errors.push_back({1, name, "Unknown column '" + name + "': use the template's columns.",
                            "unknown_column"});
    else
      at[name] = i;
  }
  for (const auto& h : header)
    if (!at.count(h)) out.errors.push_back({1, h, "Missing column '" + h + "'.", "missing_column"});
  if (!out.errors.empty()) return out;
  if (rows.size() - 1 > kMaxImportRows) {
    out.errors.push_back({1, "", "At most 200,000 rows per file: split it.", "too_many_rows"});
    return out;
  }
  out.records.reserve(rows.size() - 1);
  kit::FieldErrors errors;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    auto cell = [&](const char* name) -> std::string {
      const auto c = at[name];
      return c < row.size() ? cell_text(row[c]) : std::string();
    };
    bool blank = true;
    for (const auto& c : row)
      if (!text::trim(c).empty()) blank = false;
    if (blank) continue;  // a spreadsheet's empty line
    RecordInput in;
    errors.clear();
    auto number = [&](const char* name, std::optional<std::int64_t>& into) {
      const auto v = cell(name);
      if (v.empty()) return;
      if (auto n = kit::rules::whole_number(v))
        into = *n;
      else
        errors.push_back({name, "not_a_number", "A whole number."});
    };
    auto text = [&](const char* name, std::optional<std::string>& into) {
      auto v = cell(name);
      if (!v.empty()) into = std::move(v);
    };
    auto list = [&](const char* name, std::optional<std::vector<std::string>>& into) {
      const auto v = cell(name);
      if (!v.empty()) into = split_codes(v);
    };
    number("contact_year", in.contact_year);
    number("contact_month", in.contact_month);
    text("departement", in.departement);
    list("forms", in.forms);
    text("exploitation_departement", in.exploitation_departement);
    text("exploitation_country", in.exploitation_country);
    text("sector", in.sector);
    text("sex", in.sex);
    text("age_band", in.age_band);
    if (const auto v = cell("minor_at_contact"); !v.empty()) {
      if (auto b = boolean(v))
        in.minor_at_contact = *b;
      else
        errors.push_back({"minor_at_contact", "not_a_boolean", "true or false."});
    }
    text("minor_at_exploitation", in.minor_at_exploitation);
    text("nationality", in.nationality);
    list("ilo_indicators", in.ilo_indicators);
    list("means_of_control", in.means_of_control);
    list("recruitment", in.recruitment);
    text("victim_status", in.victim_status);
    list("support", in.support);
    text("operation", in.operation);
    // The note keeps its inner line breaks; only the blanks around it go.
    text("note", in.note);
    const bool typed = errors.empty();
    auto r = validate_record(in, today, errors);
    if (r && typed) {
      out.records.push_back(std::move(*r));
      continue;
    }
    ++out.bad_rows;
    // One error per cell: a year that is not a number is not also "required".
    // The value quoted is the list item at fault ("forms/2"), else the whole cell.
    std::set<std::string> said;
    for (const auto& e : errors) {
      const auto column = column_of(e.field);
      if (!said.insert(column).second) continue;
      // A free text is not quoted back (the guard's finding says what it found in it).
      auto value = e.code.starts_with("identifier.") || column == "note" ? std::string()
                                                                         : cell(column.c_str());
      if (const auto slash = e.field.find('/'); slash != std::string::npos) {
        const auto items = split_codes(value);
        const auto n = std::stoul(e.field.substr(slash + 1));
        if (n < items.size()) value = items[n];
      }
      out.errors.push_back({i + 1, column, e.message, e.code, std::move(value), e.details});
    }
  }
  return out;
}

}  // namespace vigie::field
