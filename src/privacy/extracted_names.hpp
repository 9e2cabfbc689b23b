#pragma once
// First names and surnames extracted at build time from the locale data of @faker-js/faker
// (MIT, pinned in package.json) by scripts/extract-names.mjs, minus every French word of
// Debian's wfrench: the guard's broad lexicon of names of the origins met in the field. The
// source is generated into the build directory (CMake) and never fetched at run time;
// data/SOURCES.md attributes it.

#include <string_view>

namespace vigie::privacy::extracted_names {

// Folded names (lexicon::fold), sorted, one per line.
std::string_view first_names();
std::string_view surnames();
// "@faker-js/faker <version>", for the record.
std::string_view source();

}  // namespace vigie::privacy::extracted_names
