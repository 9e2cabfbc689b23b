#pragma once
// Accounts: organisations (with a type and a territory), their users (with a role), and the
// platform-admin capability that manages accounts but reads no content.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::accounts {

enum class OrgType {
  coordination,
  ministry,
  prefecture,
  parquet,
  police,
  association,
  union_,
  independent_body
};
enum class Role { viewer, contributor, referent, org_admin };

std::string_view to_string(OrgType t);
std::string_view to_string(Role r);
std::optional<OrgType> org_type_from(std::string_view s);
std::optional<Role> role_from(std::string_view s);

// Organisation types whose members must use a second factor (TOTP) to log in.
bool requires_totp(OrgType type);

struct Organisation {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  OrgType type = OrgType::association;
  std::string territory;  // "national", a region code "R11" or a département code "93"
};

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string display_name;
  std::int64_t organisation_id = 0;
  Role role = Role::viewer;
  bool platform_admin = false;
  std::string password_hash;
  std::optional<std::string> totp_secret;  // base32
  bool disabled = false;
};

}  // namespace vigie::accounts
