#pragma once
// Territories as the plan's actors name them: "national", a region ("R11", the INSEE region
// code after an R) or a département ("93", "2A", "971"). Read from the shipped geography
// (data/taxonomies.json, INSEE's Code officiel géographique), so that every module accepts
// the same codes and shows the same names; the DROM are regions and départements like the
// others.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::kit {

struct Territory {
  enum class Level { national, region, departement };
  Level level = Level::national;
  std::string code;    // "national", "R11", "93"
  std::string name;    // "National", "Île-de-France", "Seine-Saint-Denis"
  std::string region;  // for a département, its region ("R11"); else empty
};

// The territory a code names, or nullopt.
std::optional<Territory> territory(std::string_view code);
// Every region, then every département, in code order.
const std::vector<Territory>& territories();
// True when `inner` is `outer` or lies within it (a département in its region, anything in
// national).
bool within(const Territory& inner, const Territory& outer);

}  // namespace vigie::kit
