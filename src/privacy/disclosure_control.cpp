#include "privacy/disclosure_control.hpp"

#include "privacy/linear_recovery.hpp"

#include <algorithm>
#include <numeric>

namespace vigie::privacy {

const std::vector<std::string>& allowed_dimensions() {
  static const std::vector<std::string> dims{
      "departement",   "region",          "age_band",
      "year",          "quarter",         "month",
      "sex",           "minor",           "form_of_exploitation",
      "sector",        "nationality",     "nationality_region",
      "victim_status", "support",         "actor_type",
      "operation",     "saisine_category"};
  return dims;
}

bool allowed_dimension(std::string_view name) {
  const auto& d = allowed_dimensions();
  return std::find(d.begin(), d.end(), name) != d.end();
}

// ---- CountTable ---------------------------------------------------------------------

CountTable::CountTable(std::vector<std::string> dimensions)
    : dimensions_(std::move(dimensions)),
      categories_(dimensions_.size()),
      capacity_(dimensions_.size(), 0) {
  counts_.assign(1, 0);
  std::fill(capacity_.begin(), capacity_.end(), 1);
  std::size_t total = 1;
  for (auto& c : capacity_) {
    c = 4;
    total *= c;
  }
  counts_.assign(total, 0);
}

void CountTable::grow(std::size_t dim) {
  std::vector<std::size_t> cap = capacity_;
  cap[dim] *= 2;
  std::size_t total = 1;
  for (auto c : cap) total *= c;
  std::vector<std::int64_t> next(total, 0);
  // Re-place every existing count at its new position.
  std::vector<std::size_t> idx(dimensions_.size(), 0);
  for (std::size_t flat = 0; flat < counts_.size(); ++flat) {
    std::size_t rest = flat, to = 0, stride = 1;
    for (std::size_t d = 0; d < dimensions_.size(); ++d) {
      idx[d] = rest % capacity_[d];
      rest /= capacity_[d];
      to += idx[d] * stride;
      stride *= cap[d];
    }
    next[to] = counts_[flat];
  }
  counts_ = std::move(next);
  capacity_ = std::move(cap);
}

std::size_t CountTable::category_index(std::size_t dim, const std::string& value) {
  auto& cats = categories_[dim];
  // Categories per dimension are few (a hundred départements at most): a scan is fastest.
  for (std::size_t i = 0; i < cats.size(); ++i)
    if (cats[i] == value) return i;
  cats.push_back(value);
  if (cats.size() > capacity_[dim]) grow(dim);
  return cats.size() - 1;
}

void CountTable::add(const std::vector<std::string>& values, std::int64_t n) {
  if (values.size() != dimensions_.size())
    throw std::invalid_argument("a record needs one value per dimension");
  std::size_t flat = 0, stride = 1;
  std::vector<std::size_t> idx(values.size());
  for (std::size_t d = 0; d < values.size(); ++d) idx[d] = category_index(d, values[d]);
  for (std::size_t d = 0; d < values.size(); ++d) {
    flat += idx[d] * stride;
    stride *= capacity_[d];
  }
  counts_[flat] += n;
}

std::int64_t CountTable::count(const std::vector<std::size_t>& index) const {
  std::size_t flat = 0, stride = 1;
  for (std::size_t d = 0; d < index.size(); ++d) {
    flat += index[d] * stride;
    stride *= capacity_[d];
  }
  return counts_[flat];
}

// ---- the extended table: every cell and every total ---------------------------------

namespace {

struct Cube {
  std::vector<std::size_t> extent;  // categories + 1 (the last index is the total)
  std::vector<std::size_t> stride;
  std::vector<std::int64_t> count;
  std::size_t size = 1;

  std::size_t coord(std::size_t flat, std::size_t d) const {
    return (flat / stride[d]) % extent[d];
  }
  bool is_total(std::size_t flat, std::size_t d) const { return coord(flat, d) == extent[d] - 1; }
};

Cube build_cube(const CountTable& t) {
  Cube c;
  const auto& cats = t.categories();
  for (const auto& v : cats) {
    c.stride.push_back(c.size);
    c.extent.push_back(v.size() + 1);
    c.size *= v.size() + 1;
  }
  c.count.assign(c.size, 0);
  std::vector<std::size_t> idx(cats.size());
  for (std::size_t flat = 0; flat < c.size; ++flat) {
    bool inner = true;
    for (std::size_t d = 0; d < cats.size(); ++d) {
      idx[d] = c.coord(flat, d);
      if (idx[d] == cats[d].size()) inner = false;
    }
    if (inner) c.count[flat] = t.count(idx);
  }
  // Totals, one dimension at a time: each pass sums over that dimension.
  for (std::size_t d = 0; d < cats.size(); ++d) {
    for (std::size_t flat = 0; flat < c.size; ++flat) {
      if (!c.is_total(flat, d)) continue;
      std::int64_t sum = 0;
      std::size_t base = flat - (c.extent[d] - 1) * c.stride[d];
      for (std::size_t v = 0; v + 1 < c.extent[d]; ++v) sum += c.count[base + v * c.stride[d]];
      c.count[flat] = sum;
    }
  }
  return c;
}

// Every equation "total = sum of its parts" of the cube, as member lists (total first).
std::vector<std::vector<std::size_t>> equations(const Cube& c) {
  std::vector<std::vector<std::size_t>> lines;
  for (std::size_t d = 0; d < c.extent.size(); ++d) {
    for (std::size_t flat = 0; flat < c.size; ++flat) {
      if (!c.is_total(flat, d)) continue;
      std::vector<std::size_t> line{flat};
      std::size_t base = flat - (c.extent[d] - 1) * c.stride[d];
      for (std::size_t v = 0; v + 1 < c.extent[d]; ++v) line.push_back(base + v * c.stride[d]);
      lines.push_back(std::move(line));
    }
  }
  return lines;
}

bool is_inner(const Cube& c, std::size_t flat) {
  for (std::size_t d = 0; d < c.extent.size(); ++d)
    if (c.is_total(flat, d)) return false;
  return true;
}

// Suppressing inner cells costs less information than totals; then smaller counts first.
bool cheaper(const Cube& c, std::size_t a, std::size_t b) {
  auto cost = [&](std::size_t f) {
    return std::pair<int, std::int64_t>(is_inner(c, f) ? 0 : 1, c.count[f]);
  };
  return cost(a) < cost(b);
}

// The cheapest published member of a line to suppress in addition.
std::optional<std::size_t> cheapest(const Cube& c, const std::vector<std::size_t>& line,
                                    const std::vector<CellStatus>& status, std::size_t except) {
  std::optional<std::size_t> best;
  for (auto m : line) {
    if (m == except || status[m] != CellStatus::published) continue;
    if (!best || cheaper(c, m, *best)) best = m;
  }
  return best;
}

}  // namespace

ControlledTable uncontrolled(const CountTable& table) {
  Cube c = build_cube(table);
  ControlledTable out{table.dimensions(), {}, {}};
  const auto& cats = table.categories();
  for (std::size_t flat = 0; flat < c.size; ++flat) {
    ControlledCell cell;
    for (std::size_t d = 0; d < cats.size(); ++d) {
      auto i = c.coord(flat, d);
      cell.key.push_back(i == cats[d].size() ? std::nullopt : std::optional(cats[d][i]));
    }
    cell.value = c.count[flat];
    out.cells.push_back(std::move(cell));
  }
  return out;
}

ControlledTable control(const CountTable& table, const DisclosureRules& rules) {
  if (table.dimensions().size() > rules.max_dimensions)
    throw DisclosureError("at most " + std::to_string(rules.max_dimensions) +
                          " dimensions may be crossed at once");
  for (const auto& d : table.dimensions())
    if (!allowed_dimension(d))
      throw DisclosureError("'" + d + "' is not a dimension aggregates may be broken down by");
  if (rules.k < 1 || rules.rounding_base < 1) throw DisclosureError("k and the base must be >= 1");

  Cube c = build_cube(table);
  const auto lines = equations(c);
  std::vector<std::vector<std::size_t>> lines_of(c.size);  // cell -> equations it appears in
  for (std::size_t li = 0; li < lines.size(); ++li)
    for (auto m : lines[li]) lines_of[m].push_back(li);
  std::vector<CellStatus> status(c.size, CellStatus::published);
  for (std::size_t f = 0; f < c.size; ++f)
    if (c.count[f] > 0 && c.count[f] < rules.k) status[f] = CellStatus::suppressed_small;

  for (;;) {
    // 1. No equation may hold exactly one suppressed member (it would give it away).
    bool changed = true;
    while (changed) {
      changed = false;
      for (const auto& line : lines) {
        std::size_t hidden = 0, which = 0;
        for (auto m : line)
          if (status[m] != CellStatus::published) ++hidden, which = m;
        if (hidden != 1) continue;
        if (auto pick = cheapest(c, line, status, which)) {
          status[*pick] = CellStatus::suppressed_secondary;
          changed = true;
        }
      }
    }
    // 2. Solving several equations together must not give one away either.
    std::vector<std::size_t> unknowns;
    for (std::size_t f = 0; f < c.size; ++f)
      if (status[f] != CellStatus::published) unknowns.push_back(f);
    auto recovered = recoverable_unknowns(lines, unknowns, c.size);
    if (recovered.empty()) break;
    // Each recovered cell gets a partner hidden in one of its equations: the cheapest member,
    // over all its equations. All fixed in one round, then the whole table is checked again.
    bool added = false;
    for (auto u : recovered) {
      std::optional<std::size_t> best;
      for (auto li : lines_of[u]) {
        auto pick = cheapest(c, lines[li], status, u);
        if (pick && (!best || cheaper(c, *pick, *best))) best = pick;
      }
      if (best && status[*best] == CellStatus::published) {
        status[*best] = CellStatus::suppressed_secondary;
        added = true;
      }
    }
    if (!added) break;  // every cell is already hidden
  }

  ControlledTable out{table.dimensions(), {}, rules};
  const auto& cats = table.categories();
  out.cells.reserve(c.size);
  for (std::size_t flat = 0; flat < c.size; ++flat) {
    ControlledCell cell;
    cell.key.reserve(cats.size());
    for (std::size_t d = 0; d < cats.size(); ++d) {
      auto i = c.coord(flat, d);
      cell.key.push_back(i == cats[d].size() ? std::nullopt : std::optional(cats[d][i]));
    }
    cell.status = status[flat];
    if (status[flat] == CellStatus::published) {
      const std::int64_t b = rules.rounding_base;
      cell.value = (c.count[flat] + b / 2) / b * b;
    }
    out.cells.push_back(std::move(cell));
  }
  return out;
}

}  // namespace vigie::privacy
