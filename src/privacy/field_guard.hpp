#pragma once
// The identifier guard as an input validator: every service that accepts free text passes
// its fields here before writing. A field holding an identifier gets one error per finding,
// naming the kind, the byte span and what to write instead; the request is answered 422 and
// nothing is stored. The UI shows each error next to its field and keeps what was typed.

#include "kit/errors.hpp"

#include <string_view>
#include <utility>
#include <vector>

namespace vigie::privacy {

using TextField = std::pair<std::string_view, std::string_view>;  // (field name, text)

// One FieldError per identifier found, code "identifier.<kind>", with details
// {"kind", "start", "end", "text", "hint": {"fr", "en"}}. Empty when every field is clean.
kit::FieldErrors identifier_errors(const std::vector<TextField>& fields);

// Throws kit::Invalid (422, code "invalid-input") when a field holds an identifier.
void require_no_identifiers(const std::vector<TextField>& fields);

}  // namespace vigie::privacy
