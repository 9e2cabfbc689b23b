#include "privacy/linear_recovery.hpp"

#include <cstdint>
#include <numeric>

namespace vigie::privacy {

namespace {

constexpr std::uint64_t kP = (1ULL << 61) - 1;

std::uint64_t mul(std::uint64_t a, std::uint64_t b) {
  __uint128_t r = static_cast<__uint128_t>(a) * b;
  std::uint64_t lo = static_cast<std::uint64_t>(r & kP), hi = static_cast<std::uint64_t>(r >> 61);
  std::uint64_t s = lo + hi;
  return s >= kP ? s - kP : s;
}
std::uint64_t sub(std::uint64_t a, std::uint64_t b) {
  return a >= b ? a - b : a + kP - b;
}
std::uint64_t power(std::uint64_t a, std::uint64_t e) {
  std::uint64_t r = 1;
  while (e) {
    if (e & 1) r = mul(r, a);
    a = mul(a, a);
    e >>= 1;
  }
  return r;
}
std::uint64_t inverse(std::uint64_t a) {
  return power(a, kP - 2);
}

struct UnionFind {
  std::vector<std::size_t> parent;
  explicit UnionFind(std::size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

std::vector<std::size_t> recoverable_unknowns(
    const std::vector<std::vector<std::size_t>>& equations,
    const std::vector<std::size_t>& unknowns, std::size_t cell_count) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<std::size_t> column(cell_count, kNone);
  for (std::size_t i = 0; i < unknowns.size(); ++i) column[unknowns[i]] = i;

  // Equations touching at least one unknown, grouped by connected component of unknowns.
  UnionFind uf(unknowns.size());
  std::vector<const std::vector<std::size_t>*> relevant;
  for (const auto& eq : equations) {
    std::size_t first = kNone;
    for (auto m : eq) {
      if (column[m] == kNone) continue;
      if (first == kNone)
        first = column[m];
      else
        uf.unite(first, column[m]);
    }
    if (first != kNone) relevant.push_back(&eq);
  }
  std::vector<std::vector<std::size_t>> members(unknowns.size());  // component -> columns
  for (std::size_t i = 0; i < unknowns.size(); ++i) members[uf.find(i)].push_back(i);
  std::vector<std::vector<const std::vector<std::size_t>*>> eqs(unknowns.size());
  for (const auto* eq : relevant) {
    for (auto m : *eq)
      if (column[m] != kNone) {
        eqs[uf.find(column[m])].push_back(eq);
        break;
      }
  }

  std::vector<std::size_t> recovered;
  std::vector<std::size_t> local(unknowns.size());
  for (std::size_t comp = 0; comp < unknowns.size(); ++comp) {
    const auto& cols = members[comp];
    if (cols.empty()) continue;
    const std::size_t n = cols.size();
    for (std::size_t j = 0; j < n; ++j) local[cols[j]] = j;
    std::vector<std::vector<std::uint64_t>> rows;
    for (const auto* eq : eqs[comp]) {
      std::vector<std::uint64_t> row(n, 0);
      for (std::size_t k = 0; k < eq->size(); ++k) {
        auto m = (*eq)[k];
        if (column[m] == kNone) continue;
        auto& cell = row[local[column[m]]];
        cell = k == 0 ? (cell + 1) % kP : sub(cell, 1);
      }
      rows.push_back(std::move(row));
    }
    // Reduced row echelon form.
    std::vector<std::size_t> pivot_col;
    std::size_t r = 0;
    for (std::size_t col = 0; col < n && r < rows.size(); ++col) {
      std::size_t p = r;
      while (p < rows.size() && rows[p][col] == 0) ++p;
      if (p == rows.size()) continue;
      std::swap(rows[p], rows[r]);
      auto inv = inverse(rows[r][col]);
      for (auto& v : rows[r]) v = mul(v, inv);
      for (std::size_t q = 0; q < rows.size(); ++q) {
        if (q == r || rows[q][col] == 0) continue;
        auto f = rows[q][col];
        for (std::size_t j = col; j < n; ++j)
          if (rows[r][j]) rows[q][j] = sub(rows[q][j], mul(f, rows[r][j]));
      }
      pivot_col.push_back(col);
      ++r;
    }
    // A pivot row with no other non-zero entry pins its unknown down.
    for (std::size_t i = 0; i < pivot_col.size(); ++i) {
      std::size_t nonzero = 0;
      for (auto v : rows[i]) nonzero += v != 0;
      if (nonzero == 1) recovered.push_back(unknowns[cols[pivot_col[i]]]);
    }
  }
  return recovered;
}

}  // namespace vigie::privacy
