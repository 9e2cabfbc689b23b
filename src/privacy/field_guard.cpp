#include "privacy/field_guard.hpp"

#include "kit/errors.hpp"

#include "privacy/identifier_guard.hpp"

#include <boost/json.hpp>

namespace vigie::privacy {

kit::FieldErrors identifier_errors(const std::vector<TextField>& fields) {
  kit::FieldErrors errors;
  for (const auto& [name, text] : fields) {
    for (const auto& f : find_identifiers(text)) {
      const auto kind = kind_name(f.kind);
      kit::FieldError e;
      e.field = std::string(name);
      e.code = "identifier." + std::string(kind);
      e.message = "This field may not hold a direct identifier of a person (" + std::string(kind) +
                  "). " + std::string(kind_hint_en(f.kind));
      e.details = {{"kind", kind},
                   {"start", f.start},
                   {"end", f.end},
                   {"text", f.text},
                   {"hint", {{"fr", kind_hint_fr(f.kind)}, {"en", kind_hint_en(f.kind)}}}};
      errors.push_back(std::move(e));
    }
  }
  return errors;
}

void require_no_identifiers(const std::vector<TextField>& fields) {
  auto errors = identifier_errors(fields);
  if (!errors.empty()) throw kit::Invalid(std::move(errors));
}

}  // namespace vigie::privacy
