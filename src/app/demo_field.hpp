#pragma once
// The demo's field data: anonymous victim profiles from the ten fictional associations over
// 2019–2025, in the magnitudes of the annual survey (DOMAIN.md §6: about 80 % sexual
// exploitation, 14 % labour, 5 % forced crime, 1–2 % begging; 85 % women; 14 % minors; most
// victims from Africa, then Europe and Latin America; concentrated in Île-de-France, Bouches-du-
// Rhône, Nord, Rhône, Gironde, Alpes-Maritimes and overseas), a few dozen signals at every
// stage of their workflow, and one release. Generated from a fixed seed, so every demo shows
// the same figures; loaded through the module's own import, so every row passes its rules.

#include "kit/actor.hpp"
#include "modules/field/service.hpp"

#include <map>
#include <string>

namespace vigie::app {

void load_demo_field(field::Service& field, const std::map<std::string, kit::Actor>& by_org,
                     const kit::Actor& coordination);

}  // namespace vigie::app
