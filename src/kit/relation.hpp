#pragma once
// A caller's relations to a resource, as the permission policy reads them. A caller may hold
// several at once (the filer of a saisine may also be the authority it is addressed to; an
// association may author a diagnostic of a measure its own organisation pilots). Each module
// resolves them in one function per resource type, before the handler runs; an empty set
// means "no relation" (Relation::none).

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace vigie::kit {

enum class Relation {
  own_organisation,  // the caller's organisation owns, filed or authored the resource
  pilot,             // the caller's organisation pilots the plan measure or action concerned
  addressed_to_me,   // the resource is addressed to the caller's organisation (an authority)
  shared_with_me,    // the resource was shared with the caller's organisation by name
  none,              // none of the above
};
std::string_view to_string(Relation r);

class Relations {
 public:
  Relations() = default;
  Relations(std::initializer_list<Relation> rs) {
    for (auto r : rs) add(r);
  }
  Relations& add(Relation r) {
    if (r != Relation::none) bits_ |= bit(r);
    return *this;
  }
  // `none` is held exactly when no other relation is.
  bool has(Relation r) const { return r == Relation::none ? bits_ == 0 : (bits_ & bit(r)) != 0; }
  bool empty() const { return bits_ == 0; }

 private:
  static std::uint32_t bit(Relation r) { return 1u << static_cast<unsigned>(r); }
  std::uint32_t bits_ = 0;
};

}  // namespace vigie::kit
