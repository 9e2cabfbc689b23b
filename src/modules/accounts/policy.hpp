#pragma once
// The permission policy: one declarative table saying which callers may do what, by
// organisation type × role (or the platform-admin capability) × the caller's relation to the
// resource. Every service asks allowed(); the authorisation-matrix test is generated from the
// same table and the route inventory (tests/integration/authz-matrix.test.ts).
//
// Principles (PRODUCT.md): platform admins manage accounts but read no content; associations'
// records are seen by their authors and the coordinator only; a refused read of something the
// caller may not know exists answers 404, not 403.

#include "modules/accounts/model.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace vigie::accounts {

enum class Relation { own_organisation, shared_with_me, addressed_to_me, none };
std::string_view to_string(Relation r);

struct Caller {
  OrgType org_type = OrgType::association;
  Role role = Role::viewer;
  bool platform_admin = false;
};

struct Rule {
  std::string_view action;          // "organisation.list", "audit.read_all", ...
  std::vector<OrgType> org_types;   // empty: any type
  Role min_role = Role::viewer;     // roles are ordered viewer < contributor < referent < org_admin
  bool by_role = true;              // members holding min_role or above qualify
  bool platform_admin = false;      // the platform-admin capability qualifies too
  std::vector<Relation> relations;  // relations under which the action is allowed
};

// The whole table.
const std::vector<Rule>& policy_rules();

// True when some rule for `action` lets `caller` act under `relation`.
bool allowed(const Caller& caller, std::string_view action, Relation relation);

// Every action named in the table (for the route inventory check).
std::vector<std::string_view> policy_actions();

}  // namespace vigie::accounts
