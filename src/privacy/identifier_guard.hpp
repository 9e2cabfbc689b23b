#pragma once
// The identifier guard finds direct identifiers of private persons in French free text, so
// that Vigie can refuse to store them: names, phone numbers, e-mail addresses, postal
// addresses, dates of birth, social security (NIR), passport, identity card and residence
// permit numbers, IBANs, vehicle plates, social-media handles and profile links, exact
// coordinates. It leaves alone what field notes are full of: organisation and place names,
// officials named by their function, legal references, event dates, counts, ages, amounts,
// public hotline numbers and file references.
//
// It is a heuristic with measured recall and false-positive rate (docs/PRIVACY.md); it is
// linear in the text and allocation-light so that it can run on every write and import.

#include "privacy/identifier_kind.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::privacy {

struct Finding {
  IdentifierKind kind;
  std::size_t start = 0;  // byte offset in the UTF-8 input
  std::size_t end = 0;    // one past the last byte
  std::string text;       // the bytes [start, end)
};

// Scans UTF-8 text. Findings are sorted by start and never overlap. Invalid UTF-8 is scanned
// byte-wise (no exception).
std::vector<Finding> find_identifiers(std::string_view text);

}  // namespace vigie::privacy
