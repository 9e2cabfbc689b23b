#pragma once
// Folding text for search: lower case, Latin diacritics removed ("Élève" -> "eleve", "œ" ->
// "oe"), so that a search finds words however their accents were typed. Works on UTF-8; each
// input code point becomes one or two ASCII letters or stays as it is, and `fold_map` says
// where each folded byte came from, so that matches found in the folded text can be shown in
// the original.

#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

std::string fold(std::string_view utf8);

// The folded text and, for each of its bytes, the offset in `utf8` of the code point it came
// from (and a last entry: utf8.size()).
struct Folded {
  std::string text;
  std::vector<std::size_t> origin;
};
Folded fold_map(std::string_view utf8);

// The words of a search query, folded: letters and digits only, at most 10 words.
std::vector<std::string> query_words(std::string_view query);

}  // namespace vigie::text
