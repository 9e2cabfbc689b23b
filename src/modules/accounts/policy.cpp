#include "modules/accounts/policy.hpp"

#include <algorithm>

namespace vigie::accounts {

namespace {
constexpr auto kAnyRelation = {Relation::own_organisation, Relation::shared_with_me,
                               Relation::addressed_to_me, Relation::none};
}

std::string_view to_string(Relation r) {
  switch (r) {
    case Relation::own_organisation:
      return "own_organisation";
    case Relation::shared_with_me:
      return "shared_with_me";
    case Relation::addressed_to_me:
      return "addressed_to_me";
    case Relation::none:
      return "none";
  }
  return "";
}

const std::vector<Rule>& policy_rules() {
  static const std::vector<Rule> rules{
      // The committee directory: names and types of member organisations.
      {"organisation.list", {}, Role::viewer, true, true, {kAnyRelation}},
      // One's own sessions.
      {"session.list_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      {"session.revoke_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      // One's own second factor.
      {"totp.manage_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      // The whole audit trail: the coordination's referents and admins, and platform admins
      // (who see who did what, not the content of the records).
      {"audit.read_all", {OrgType::coordination}, Role::referent, true, true, {kAnyRelation}},
      // The plan: every committee member reads it (platform admins read no content).
      {"plan.read", {}, Role::viewer, true, false, {kAnyRelation}},
      // Reporting on an action: the referents and admins of its pilot organisations; the
      // coordination's referents on any action.
      {"plan.report", {}, Role::referent, true, false, {Relation::own_organisation}},
      {"plan.report", {OrgType::coordination}, Role::referent, true, false, {Relation::none}},
      // Editing the referential (measures, actions, indicators, imports): the coordination's
      // referents and admins.
      {"plan.manage", {OrgType::coordination}, Role::referent, true, false, {Relation::none}},
      // Opening and closing reporting campaigns: the same.
      {"plan.campaign_manage",
       {OrgType::coordination},
       Role::referent,
       true,
       false,
       {Relation::none}},
      // Creating member organisations: the coordination's admins and platform admins.
      {"organisation.create", {OrgType::coordination}, Role::org_admin, true, true, {kAnyRelation}},
      // Seeing an organisation's members: its admins; the coordination's referents and platform
      // admins for every organisation.
      {"member.list", {}, Role::org_admin, true, true, {Relation::own_organisation}},
      {"member.list", {OrgType::coordination}, Role::referent, true, true, {Relation::none}},
      // Disabling a member: the organisation's admins, platform admins anywhere.
      {"member.disable", {}, Role::org_admin, true, true, {Relation::own_organisation}},
      {"member.disable", {}, Role::org_admin, false, true, {Relation::none}},
      // Inviting members: an organisation's admins into their own organisation; platform
      // admins into any.
      {"user.invite", {}, Role::org_admin, true, true, {Relation::own_organisation}},
      {"user.invite", {}, Role::org_admin, false, true, {Relation::none}},
      // Each organisation's admins see who acted on their organisation's records.
      {"audit.read_own_organisation",
       {},
       Role::org_admin,
       true,
       false,
       {Relation::own_organisation}},
  };
  return rules;
}

bool allowed(const Caller& caller, std::string_view action, Relation relation) {
  for (const auto& r : policy_rules()) {
    if (r.action != action) continue;
    if (std::find(r.relations.begin(), r.relations.end(), relation) == r.relations.end()) continue;
    if (caller.platform_admin && r.platform_admin) return true;
    const bool type_ok = r.org_types.empty() || std::find(r.org_types.begin(), r.org_types.end(),
                                                          caller.org_type) != r.org_types.end();
    if (r.by_role && type_ok && static_cast<int>(caller.role) >= static_cast<int>(r.min_role))
      return true;
  }
  return false;
}

std::vector<std::string_view> policy_actions() {
  std::vector<std::string_view> out;
  for (const auto& r : policy_rules())
    if (std::find(out.begin(), out.end(), r.action) == out.end()) out.push_back(r.action);
  return out;
}

}  // namespace vigie::accounts
