#pragma once
// The permission policy: one declarative table saying which callers may do what, by
// organisation type × role (or the platform-admin capability) × the caller's relation to the
// resource. Every service asks allowed(); the authorisation-matrix test is generated from the
// same table and the route inventory (tests/integration/authz-matrix.test.ts).
//
// Principles (PRODUCT.md): platform admins manage accounts but read no content (no content
// rule grants a platform admin's account through its role in its organisation); associations'
// records are seen by their authors and the coordinator only; a refused read of something the
// caller may not know exists answers 404, not 403.

#include "kit/actor.hpp"
#include "kit/relation.hpp"
#include "modules/accounts/model.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace vigie::accounts {

// The relations a caller may hold to a resource (kit/relation.hpp); each module resolves them.
using Relation = kit::Relation;
using kit::Relations;
using kit::to_string;

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
  bool content = false;  // reads or writes the committee's content (never for platform admins)
};

// The whole table.
const std::vector<Rule>& policy_rules();

// True when some rule for `action` lets `caller` act under `relation`.
bool allowed(const Caller& caller, std::string_view action, Relation relation);

// The policy's view of an actor.
inline Caller caller_of(const kit::Actor& a) {
  return {a.org_type, a.role, a.platform_admin};
}

// True when some rule for `action` lets `actor` act under one of `relations` (none when empty).
bool allowed(const kit::Actor& actor, std::string_view action, const Relations& relations);

// True when some relation would let `actor` perform `action` (for batch routes, whose items
// are then checked one by one).
bool allowed_under_some_relation(const kit::Actor& actor, std::string_view action);

// Throws kit::Forbidden(detail) unless allowed(actor, action, relations).
void require(const kit::Actor& actor, std::string_view action, const Relations& relations,
             const std::string& detail = "");

// The relations every action can be granted under, in a fixed order (for /me's permissions).
const std::vector<Relation>& all_relations();

// Every action named in the table (for the route inventory check).
std::vector<std::string_view> policy_actions();

}  // namespace vigie::accounts
