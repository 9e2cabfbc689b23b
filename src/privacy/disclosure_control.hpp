#pragma once
// Disclosure control: the one gate every aggregate passes through before it is shown to
// anyone other than the coordinator or the organisation that owns the records.
//
// Rules (docs/PRIVACY.md explains why):
// - a count of 1 to k-1 persons (k = 11 by default: INSEE's secret statistique for
//   persons, the IOM CTDC threshold) is suppressed (primary suppression);
// - further cells are suppressed so that no suppressed cell can be recomputed from the
//   published cells and totals of the same table (secondary suppression): the table's
//   equations (every total = the sum of its parts, along each dimension) are solved exactly
//   and no suppressed cell may be determined by them;
// - published counts are rounded to the nearest multiple of 5 (totals are the rounding of
//   the true total, not the sum of rounded cells);
// - only fixed dimensions may be crossed, at most 3 at once, so that differencing two
//   queries cannot isolate a person (see allowed_dimension()).
// A zero is published as 0: it describes no person.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::privacy {

struct DisclosureRules {
  int k = 11;             // smallest count published
  int rounding_base = 5;  // published counts are multiples of this
  std::size_t max_dimensions = 3;
};

// Dimensions an aggregate may be broken down by (département, region, 5-year age band,
// month, quarter, year, and the shared taxonomies). Anything else is refused.
bool allowed_dimension(std::string_view name);
const std::vector<std::string>& allowed_dimensions();

enum class CellStatus { published, suppressed_small, suppressed_secondary };

struct ControlledCell {
  // One value per dimension; std::nullopt marks the total over that dimension.
  std::vector<std::optional<std::string>> key;
  std::optional<std::int64_t> value;  // rounded count, or nullopt when suppressed
  CellStatus status = CellStatus::published;
};

struct ControlledTable {
  std::vector<std::string> dimensions;
  std::vector<ControlledCell> cells;  // every combination and every total, grand total last
  DisclosureRules rules;
};

// A count table before control: the categories of each dimension and a count per combination.
class CountTable {
 public:
  explicit CountTable(std::vector<std::string> dimensions);
  // Adds `n` to the combination `values` (one value per dimension).
  void add(const std::vector<std::string>& values, std::int64_t n = 1);
  const std::vector<std::string>& dimensions() const { return dimensions_; }
  const std::vector<std::vector<std::string>>& categories() const { return categories_; }
  // Count of a full combination given as category indexes.
  std::int64_t count(const std::vector<std::size_t>& index) const;
  const std::vector<std::int64_t>& raw() const { return counts_; }
  std::size_t category_index(std::size_t dim, const std::string& value);

 private:
  void grow(std::size_t dim);
  std::vector<std::string> dimensions_;
  std::vector<std::vector<std::string>> categories_;
  std::vector<std::int64_t> counts_;  // dense, row-major over categories_
  std::vector<std::size_t> capacity_;
};

// Thrown for a dimension that is not allowed, or too many of them.
class DisclosureError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// Applies the rules. Never publishes a cell under k, nor one recoverable from the others.
ControlledTable control(const CountTable& table, const DisclosureRules& rules = {});

// The same table without control (for the coordinator and the owning organisation):
// exact counts, nothing suppressed.
ControlledTable uncontrolled(const CountTable& table);

}  // namespace vigie::privacy
