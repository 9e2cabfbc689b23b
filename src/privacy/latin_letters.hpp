#pragma once
// The Latin letters beyond Latin-1 that names are written with: Latin Extended-A and -B
// (U+0100–U+024F: ș ț ă â ğ ı ł č ő ǎ…) and Latin Extended Additional (U+1E00–U+1EFF, the
// Vietnamese ễ ạ ầ ữ…). The table is generated (scripts/make-latin-table.py) and committed.

namespace vigie::privacy {

// The lower-case ASCII base letters of a letter in those blocks ("Ș" -> "s", "Ễ" -> "e",
// "ı" -> "i"), or nullptr for a code point outside them or that is not a letter.
const char* latin_base(char32_t cp);

// True for an upper- or title-case letter in those blocks ("Ș", "Ğ", "Ễ").
bool latin_upper(char32_t cp);

}  // namespace vigie::privacy
