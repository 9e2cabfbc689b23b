#pragma once
// Splits UTF-8 text into word and punctuation tokens with byte offsets, for the identifier
// guard. A word is a run of letters, digits, '_' and inner hyphens ("Saint-Denis",
// "AB-123-CD", "225-4-1"); apostrophes and every other sign are tokens of their own.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::privacy {

struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  bool word = false;  // letters/digits (else: one punctuation sign)
  bool has_letter = false;
  bool has_digit = false;
  bool capitalised = false;     // first letter upper case
  bool all_caps = false;        // every letter upper case, at least two letters
  bool sentence_start = false;  // first word after . ! ? … or a line break, or of the text
  std::string folded;           // lexicon::fold of the text
  std::string_view text;
};

std::vector<Token> tokenize(std::string_view text);

}  // namespace vigie::privacy
