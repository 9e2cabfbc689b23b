#pragma once
// Which hidden cells of a table can be recomputed exactly from the published ones?
// The table's equations are "member[0] = sum of the other members". A hidden cell x is
// recoverable iff the unit vector e_x lies in the row space of the equations restricted to
// the hidden cells. Solved exactly by Gaussian elimination modulo the prime 2^61-1, one
// connected group of hidden cells at a time.

#include <cstddef>
#include <vector>

namespace vigie::privacy {

// `unknowns` are cell indexes (< cell_count) that are hidden. Returns those recoverable.
std::vector<std::size_t> recoverable_unknowns(
    const std::vector<std::vector<std::size_t>>& equations,
    const std::vector<std::size_t>& unknowns, std::size_t cell_count);

}  // namespace vigie::privacy
