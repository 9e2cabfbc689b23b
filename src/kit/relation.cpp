#include "kit/relation.hpp"

namespace vigie::kit {

std::string_view to_string(Relation r) {
  switch (r) {
    case Relation::own_organisation:
      return "own_organisation";
    case Relation::pilot:
      return "pilot";
    case Relation::addressed_to_me:
      return "addressed_to_me";
    case Relation::shared_with_me:
      return "shared_with_me";
    case Relation::none:
      return "none";
  }
  return "";
}

}  // namespace vigie::kit
