#pragma once
// Accounts: organisations (with a type and a territory), their users (with a role), and the
// platform-admin capability that manages accounts but reads no content.

#include "kit/actor.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::accounts {

// Organisation types and roles are the platform's vocabulary (kit/actor.hpp).
using OrgType = kit::OrgType;
using Role = kit::Role;
using kit::org_type_from;
using kit::role_from;
using kit::to_string;

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
  std::optional<std::string> language;  // "fr" or "en" once chosen
};

}  // namespace vigie::accounts
