#pragma once
// The kinds of direct identifiers of a private person that Vigie refuses to store.

#include <string_view>

namespace vigie::privacy {

enum class IdentifierKind {
  person_name,
  phone,
  email,
  postal_address,
  date_of_birth,
  social_security_number,  // NIR
  passport_number,
  identity_card_number,
  residence_permit_number,
  iban,
  vehicle_plate,
  social_handle,
  profile_link,
  coordinates,
};

// Stable machine name ("person_name", "phone", ...), used on the API and in the corpus.
std::string_view kind_name(IdentifierKind kind);

// What to write instead, in French and in English, for a person who must remove it.
std::string_view kind_hint_fr(IdentifierKind kind);
std::string_view kind_hint_en(IdentifierKind kind);

}  // namespace vigie::privacy
