#pragma once
// The French common words of Debian's wfrench, folded (lexicon::fold) and sorted in byte order,
// one per line: generated at build time by scripts/extract-names.mjs into the build directory,
// never read from the system at run time; data/SOURCES.md attributes it. The guard asks
// lexicon::is_french_word(), not this list directly.

#include <string_view>

namespace vigie::privacy::french_words {

std::string_view all();

}  // namespace vigie::privacy::french_words
