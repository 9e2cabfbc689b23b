#include "kit/actor.hpp"

#include <array>
#include <utility>

namespace vigie::kit {

namespace {
constexpr std::array<std::pair<OrgType, std::string_view>, 8> kTypes{{
    {OrgType::coordination, "coordination"},
    {OrgType::ministry, "ministry"},
    {OrgType::prefecture, "prefecture"},
    {OrgType::parquet, "parquet"},
    {OrgType::police, "police"},
    {OrgType::association, "association"},
    {OrgType::union_, "union"},
    {OrgType::independent_body, "independent_body"},
}};
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::viewer, "viewer"},
    {Role::contributor, "contributor"},
    {Role::referent, "referent"},
    {Role::org_admin, "org_admin"},
}};
}  // namespace

std::string_view to_string(OrgType t) {
  for (const auto& [v, s] : kTypes)
    if (v == t) return s;
  return "";
}
std::string_view to_string(Role r) {
  for (const auto& [v, s] : kRoles)
    if (v == r) return s;
  return "";
}
std::optional<OrgType> org_type_from(std::string_view s) {
  for (const auto& [v, n] : kTypes)
    if (n == s) return v;
  return std::nullopt;
}
std::optional<Role> role_from(std::string_view s) {
  for (const auto& [v, n] : kRoles)
    if (n == s) return v;
  return std::nullopt;
}

}  // namespace vigie::kit
