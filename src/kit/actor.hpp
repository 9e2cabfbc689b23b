#pragma once
// The Actor is who performs a use case: the caller's user and organisation, the role they hold
// there, the platform-admin capability and the request it came from. It carries no secret (no
// password hash, no second-factor secret, no session token), so services and the audit trail
// may pass it anywhere. Built once per request by the route guard (accounts resolves it from
// the session); the command line and periodic tasks act as Actor::system().
//
// Organisation types and roles are platform vocabulary (PRODUCT.md "Access and
// confidentiality"): every module's policy rows are written in them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::kit {

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
// Ordered: viewer < contributor < referent < org_admin.
enum class Role { viewer, contributor, referent, org_admin };

std::string_view to_string(OrgType t);
std::string_view to_string(Role r);
std::optional<OrgType> org_type_from(std::string_view s);
std::optional<Role> role_from(std::string_view s);

struct Actor {
  std::int64_t user_id = 0;  // 0: the system (command line, periodic task)
  std::int64_t org_id = 0;   // 0: none (the system)
  std::string org_code;
  OrgType org_type = OrgType::association;
  Role role = Role::viewer;
  bool platform_admin = false;
  std::string request_id;  // empty for the command line

  bool is_system() const { return user_id == 0; }
  // An actor for work no person asked for now (reminders, imports from the command line).
  static Actor system(std::string request_id = {}) {
    Actor a;
    a.request_id = std::move(request_id);
    return a;
  }
};

}  // namespace vigie::kit
