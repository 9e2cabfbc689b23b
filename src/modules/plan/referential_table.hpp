#pragma once
// The referential as one table, the same for the CSV and the XLSX export and for the import:
// one row per action, the measure's columns repeated on each of its actions' rows. The last
// three columns (status, progress, overdue) are for reading: the import ignores them.

#include "modules/plan/model.hpp"
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

extern const std::array<std::string_view, kColumnCount> kColumnNames;
// Which columns hold numbers (written as numbers in XLSX).
std::vector<bool> numeric_columns();

// The rolled-up tree as rows, header first.
text::Table referential_rows(const Plan& plan);

// Pilots are written space-separated, partners separated by " ; ".
std::string join_pilots(const std::vector<std::string>& pilots);
std::vector<std::string> split_pilots(std::string_view cell);
std::vector<std::string> split_partners(std::string_view cell);

}  // namespace vigie::plan
