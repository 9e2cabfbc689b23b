// Disclosure control, as a reader of a published table would attack it.
#include "privacy/disclosure_control.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

using namespace vigie::privacy;

namespace {

// An attacker's solver, written independently of the engine (floating point, not modular):
// which hidden cells do the published cells and the table's equations pin down?
std::vector<std::size_t> solve_hidden(const ControlledTable& t) {
  const std::size_t dims = t.dimensions.size();
  std::map<std::vector<std::optional<std::string>>, std::size_t> index;
  for (std::size_t i = 0; i < t.cells.size(); ++i) index[t.cells[i].key] = i;
  std::vector<std::size_t> hidden_col(t.cells.size(), SIZE_MAX);
  std::vector<std::size_t> hidden;
  for (std::size_t i = 0; i < t.cells.size(); ++i)
    if (!t.cells[i].value) hidden_col[i] = hidden.size(), hidden.push_back(i);
  // Equations: a cell with a total in dimension d equals the sum of the cells below it.
  std::vector<std::vector<double>> rows;
  for (std::size_t i = 0; i < t.cells.size(); ++i) {
    for (std::size_t d = 0; d < dims; ++d) {
      if (t.cells[i].key[d]) continue;
      std::vector<double> row(hidden.size(), 0.0);
      bool any = false;
      if (hidden_col[i] != SIZE_MAX) row[hidden_col[i]] += 1, any = true;
      for (std::size_t j = 0; j < t.cells.size(); ++j) {
        bool child = t.cells[j].key[d].has_value();
        for (std::size_t e = 0; e < dims && child; ++e)
          if (e != d && t.cells[j].key[e] != t.cells[i].key[e]) child = false;
        if (child && hidden_col[j] != SIZE_MAX) row[hidden_col[j]] -= 1, any = true;
      }
      if (any) rows.push_back(std::move(row));
    }
  }
  // Reduced row echelon form with partial pivoting.
  const std::size_t n = hidden.size();
  std::vector<std::size_t> pivots;
  std::size_t r = 0;
  for (std::size_t c = 0; c < n && r < rows.size(); ++c) {
    std::size_t best = r;
    for (std::size_t q = r; q < rows.size(); ++q)
      if (std::fabs(rows[q][c]) > std::fabs(rows[best][c])) best = q;
    if (std::fabs(rows[best][c]) < 1e-9) continue;
    std::swap(rows[best], rows[r]);
    double p = rows[r][c];
    for (auto& v : rows[r]) v /= p;
    for (std::size_t q = 0; q < rows.size(); ++q) {
      if (q == r || std::fabs(rows[q][c]) < 1e-12) continue;
      double f = rows[q][c];
      for (std::size_t j = 0; j < n; ++j) rows[q][j] -= f * rows[r][j];
    }
    pivots.push_back(c);
    ++r;
  }
  std::vector<std::size_t> determined;
  for (std::size_t i = 0; i < pivots.size(); ++i) {
    std::size_t nz = 0;
    for (double v : rows[i]) nz += std::fabs(v) > 1e-9;
    if (nz == 1) determined.push_back(hidden[pivots[i]]);
  }
  return determined;
}

struct Dataset {
  std::vector<std::string> dims;
  CountTable table;
};

Dataset random_dataset(std::mt19937& rng) {
  static const std::vector<std::string> kDims{"departement", "sex", "age_band",
                                              "form_of_exploitation"};
  std::uniform_int_distribution<int> ndims(1, 3), ncats(1, 5), shape(0, 3);
  std::vector<std::string> dims(kDims.begin(), kDims.end());
  std::shuffle(dims.begin(), dims.end(), rng);
  dims.resize(static_cast<std::size_t>(ndims(rng)));
  CountTable table(dims);
  std::vector<int> cats;
  for (std::size_t d = 0; d < dims.size(); ++d) cats.push_back(ncats(rng));
  // Skewed: many empty and small cells, a few large ones.
  const int kind = shape(rng);
  std::vector<std::size_t> idx(dims.size(), 0);
  std::function<void(std::size_t)> fill = [&](std::size_t d) {
    if (d == dims.size()) {
      std::vector<std::string> values;
      for (std::size_t e = 0; e < dims.size(); ++e) values.push_back("c" + std::to_string(idx[e]));
      int n = 0;
      int roll = std::uniform_int_distribution<int>(0, 9)(rng);
      if (kind == 0)
        n = roll < 3 ? 0 : std::uniform_int_distribution<int>(1, 14)(rng);
      else if (kind == 1)
        n = roll < 2 ? std::uniform_int_distribution<int>(1, 4)(rng)
                     : std::uniform_int_distribution<int>(10, 300)(rng);
      else if (kind == 2)
        n = roll < 6 ? 0 : std::uniform_int_distribution<int>(1, 30)(rng);
      else
        n = std::uniform_int_distribution<int>(0, 60)(rng);
      table.add(values, n);
      return;
    }
    for (int v = 0; v < cats[d]; ++v) {
      idx[d] = static_cast<std::size_t>(v);
      fill(d + 1);
    }
  };
  fill(0);
  return {dims, std::move(table)};
}

}  // namespace

TEST(DisclosureControl, ACellOfThreeIsNeverShownNorRecoverable) {
  CountTable t({"departement", "sex"});
  t.add({"93", "F"}, 40);
  t.add({"93", "M"}, 3);
  t.add({"75", "F"}, 52);
  t.add({"75", "M"}, 25);
  auto out = control(t);
  for (const auto& c : out.cells)
    if (c.key[0] == "93" && c.key[1] == "M") {
      EXPECT_FALSE(c.value.has_value());
    }
  EXPECT_TRUE(solve_hidden(out).empty());
  std::size_t hidden = 0;
  for (const auto& c : out.cells) hidden += !c.value;
  EXPECT_GE(hidden, 4u);  // the 3, its row partner, and the pair that keeps the columns safe
}

TEST(DisclosureControl, PublishedCountsAreRoundedToFive) {
  CountTable t({"sex"});
  t.add({"F"}, 47);
  t.add({"M"}, 23);
  auto out = control(t);
  EXPECT_EQ(*out.cells[0].value, 45);
  EXPECT_EQ(*out.cells[1].value, 25);
  EXPECT_EQ(*out.cells[2].value, 70);  // the total is the rounding of 70, not 45 + 25
}

TEST(DisclosureControl, OnlyFixedDimensionsAndAtMostThree) {
  CountTable names({"first_name"});
  EXPECT_THROW(control(names), DisclosureError);
  CountTable four({"departement", "sex", "age_band", "year"});
  EXPECT_THROW(control(four), DisclosureError);
}

TEST(DisclosureControl, TheOwnerSeesExactCounts) {
  CountTable t({"sex"});
  t.add({"F"}, 3);
  auto out = uncontrolled(t);
  EXPECT_EQ(*out.cells[0].value, 3);
}

TEST(DisclosureControl, PropertiesHoldOnThousandsOfRandomTables) {
  std::mt19937 rng(20261128);
  int with_suppression = 0;
  for (int round = 0; round < 3000; ++round) {
    auto data = random_dataset(rng);
    DisclosureRules rules;
    rules.k = std::array<int, 3>{3, 5, 11}[round % 3];
    auto out = control(data.table, rules);
    auto truth = uncontrolled(data.table);
    ASSERT_EQ(out.cells.size(), truth.cells.size());
    bool any_hidden = false;
    for (std::size_t i = 0; i < out.cells.size(); ++i) {
      const auto n = *truth.cells[i].value;
      if (!out.cells[i].value) {
        any_hidden = true;
        continue;
      }
      const auto v = *out.cells[i].value;
      ASSERT_FALSE(n > 0 && n < rules.k) << "round " << round << ": published a cell of " << n;
      ASSERT_EQ(v % rules.rounding_base, 0) << "round " << round;
      ASSERT_LE(std::llabs(v - n), rules.rounding_base / 2) << "round " << round;
    }
    with_suppression += any_hidden;
    auto recovered = solve_hidden(out);
    ASSERT_TRUE(recovered.empty()) << "round " << round << ": a hidden cell is recoverable ("
                                   << out.dimensions.size() << " dimensions)";
  }
  EXPECT_GT(with_suppression, 1000);  // the generator does produce small cells
}

TEST(DisclosureControl, TheAttackerSolverFindsWhatPrimarySuppressionAloneLeaks) {
  // Only the small cell hidden: its row total gives it away, and the solver must say so.
  CountTable t({"departement", "sex"});
  t.add({"93", "F"}, 40);
  t.add({"93", "M"}, 3);
  auto exact = uncontrolled(t);
  for (auto& c : exact.cells)
    if (c.key[0] == "93" && c.key[1] == "M") c.value.reset();
  EXPECT_EQ(solve_hidden(exact).size(), 1u);
}
