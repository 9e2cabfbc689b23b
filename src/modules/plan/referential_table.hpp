#pragma once
// The referential as one table, the same for the CSV and the XLSX export and for the import:
// one row per action, the measure's columns repeated on each of its actions' rows. The last
// three columns (status, progress, overdue) are for reading: the import ignores them.
// Exports speak the reader's language: French headers and values ("Statut", "En cours",
// "oui") for a French user, English ones for an English user; the import reads back either,
// and the column codes ("measure", "action_id") of earlier exports.

#include "modules/plan/model.hpp"
#include "text/export_language.hpp"
#include "text/xlsx.hpp"

#include <array>
#include <string_view>

namespace vigie::plan {

enum Column : std::size_t {
  kAxis,
  kMeasure,
  kMeasureTitleFr,
  kMeasureTitleEn,
  kMeasureWeight,
  kMeasureRetired,
  kActionId,
  kActionTitle,
  kActionWeight,
  kPilots,
  kPartners,
  kDeadline,
  kCostEur,
  kFunding,
  kOfficialTextUrl,
  kStatus,
  kProgress,
  kOverdue,
  kColumnCount
};
inline constexpr std::size_t kImportedColumns = kStatus;  // the editable ones come first

// The language of an export and its spreadsheet conventions: text/export_language.hpp.
using text::csv_separator;
using text::Lang;
using text::lang_of;
using text::yes_no_label;

extern const std::array<std::string_view, kColumnCount> kColumnNames;  // stable codes
// The column headers a reader of `lang` sees.
const std::array<std::string_view, kColumnCount>& column_headers(Lang lang);
// True when `header` names column `c`, in any language or as its code (case and spaces aside).
bool names_column(std::string_view header, Column c);
// A status, yes or no, as a reader of `lang` reads it.
std::string_view status_label(Status s, Lang lang);
// Which columns hold numbers (written as numbers in XLSX).
std::vector<bool> numeric_columns();

// The rolled-up tree as rows, header first, in `lang`.
text::Table referential_rows(const Plan& plan, Lang lang = Lang::fr);
// The export's file name: what it holds, in `lang` ("referentiel-plan-2024-2027.csv").
std::string referential_file_name(const Plan& plan, Lang lang, std::string_view extension);
// Lower-case ASCII words joined by '-', for file names ("Campagne T1 2026" → "campagne-t1-2026").
std::string slug(std::string_view text);

// Pilots are written space-separated, partners separated by " ; ".
std::string join_pilots(const std::vector<std::string>& pilots);
std::vector<std::string> split_pilots(std::string_view cell);
std::vector<std::string> split_partners(std::string_view cell);

}  // namespace vigie::plan
