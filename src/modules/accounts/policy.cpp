#include "modules/accounts/policy.hpp"

#include "kit/errors.hpp"

#include <algorithm>

namespace vigie::accounts {

namespace {
constexpr auto kAnyRelation = {Relation::own_organisation, Relation::pilot,
                               Relation::shared_with_me, Relation::addressed_to_me, Relation::none};
// The organisations that follow victims and report from the field.
const std::vector<OrgType> kFieldReporters{OrgType::association, OrgType::union_,
                                           OrgType::independent_body};
}

const std::vector<Relation>& all_relations() {
  static const std::vector<Relation> all(kAnyRelation);
  return all;
}

const std::vector<Rule>& policy_rules() {
  static const std::vector<Rule> rules{
      // The committee directory: names and types of member organisations.
      {"organisation.list", {}, Role::viewer, true, true, {kAnyRelation}},
      // One's own sessions.
      {"session.list_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      {"session.revoke_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      // One's own account: its preferences (the interface language).
      {"account.manage_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      // One's own second factor.
      {"totp.manage_own", {}, Role::viewer, true, true, {Relation::own_organisation}},
      // The whole audit trail: the coordination's referents and admins, and platform admins
      // (who see who did what, not the content of the records).
      {"audit.read_all", {OrgType::coordination}, Role::referent, true, true, {kAnyRelation}},
      // The plan: every committee member reads it (platform admins read no content).
      {"plan.read", {}, Role::viewer, true, false, {kAnyRelation}, true},
      // Reporting on an action: the referents and admins of its pilot organisations; the
      // coordination's referents on any action.
      {"plan.report", {}, Role::referent, true, false, {Relation::pilot}, true},
      {"plan.report", {OrgType::coordination}, Role::referent, true, false, {Relation::none}, true},
      // Editing the referential (measures, actions, indicators, imports): the coordination's
      // referents and admins.
      {"plan.manage", {OrgType::coordination}, Role::referent, true, false, {kAnyRelation}, true},
      // Opening and closing reporting campaigns: the same.
      {"plan.campaign_manage",
       {OrgType::coordination},
       Role::referent,
       true,
       false,
       {kAnyRelation},
       true},
      // Field diagnostics (PRODUCT.md "Diagnostics"): once published, every committee member
      // reads them, or the coordination only when so marked; a draft only its organisation.
      {"diagnostic.read", {}, Role::viewer, true, false, {kAnyRelation}, true},
      {"diagnostic.read_draft", {}, Role::viewer, true, false, {Relation::own_organisation}, true},
      {"diagnostic.read_restricted",
       {},
       Role::viewer,
       true,
       false,
       {Relation::own_organisation},
       true},
      {"diagnostic.read_restricted",
       {OrgType::coordination},
       Role::viewer,
       true,
       false,
       {kAnyRelation},
       true},
      // Any member organisation writes its own (contributors and above); its members edit and
      // publish them.
      {"diagnostic.create", {}, Role::contributor, true, false, {Relation::none}, true},
      {"diagnostic.edit", {}, Role::contributor, true, false, {Relation::own_organisation}, true},
      // The right of reply: the referents of the measure's pilot organisations.
      {"diagnostic.reply", {}, Role::referent, true, false, {Relation::pilot}, true},
      // The committee's discussion: contributors and above of any member organisation.
      {"diagnostic.comment", {}, Role::contributor, true, false, {kAnyRelation}, true},
      // Calls for diagnostics: the coordination's referents and admins.
      {"diagnostic.call_manage",
       {OrgType::coordination},
       Role::referent,
       true,
       false,
       {Relation::none},
       true},
      // Saisines (issue 14): the filing organisation and the coordinator see the whole case;
      // the authority addressed, once referred, the summary, the shared parts and its thread;
      // everyone else only the controlled figures.
      {"saisine.list", {}, Role::viewer, true, false, {kAnyRelation}, true},
      {"saisine.read",
       {},
       Role::viewer,
       true,
       false,
       {Relation::own_organisation, Relation::addressed_to_me},
       true},
      {"saisine.read", {OrgType::coordination}, Role::viewer, true, false, {kAnyRelation}, true},
      {"saisine.read_full", {}, Role::viewer, true, false, {Relation::own_organisation}, true},
      {"saisine.read_full",
       {OrgType::coordination},
       Role::viewer,
       true,
       false,
       {kAnyRelation},
       true},
      {"saisine.read_authority_thread",
       {},
       Role::viewer,
       true,
       false,
       {Relation::addressed_to_me},
       true},
      {"saisine.read_authority_thread",
       {OrgType::coordination},
       Role::viewer,
       true,
       false,
       {kAnyRelation},
       true},
      // Filing: contributors and above of any member organisation; they change, submit and
      // withdraw their organisation's saisines and write in the filer's thread.
      {"saisine.file", {}, Role::contributor, true, false, {Relation::none}, true},
      {"saisine.edit", {}, Role::contributor, true, false, {Relation::own_organisation}, true},
      // Triage, referral and outcome: the coordination's referents and admins.
      {"saisine.triage",
       {OrgType::coordination},
       Role::referent,
       true,
       false,
       {kAnyRelation},
       true},
      // The answer: contributors and above of the authority, once it is referred to them.
      {"saisine.answer", {}, Role::contributor, true, false, {Relation::addressed_to_me}, true},
      // The figures: every member, through disclosure control; exact for the coordination.
      {"saisine.figures", {}, Role::viewer, true, false, {kAnyRelation}, true},
      {"saisine.figures_exact",
       {OrgType::coordination},
       Role::viewer,
       true,
       false,
       {kAnyRelation},
       true},
      // Creating member organisations: the coordination's admins and platform admins.
      {"organisation.create", {OrgType::coordination}, Role::org_admin, true, true, {kAnyRelation}},
      // Seeing an organisation's members: its admins; the coordination's referents and platform
      // admins for every organisation.
      {"member.list", {}, Role::org_admin, true, true, {Relation::own_organisation}},
      {"member.list",
       {OrgType::coordination},
       Role::referent,
       true,
       true,
       {Relation::own_organisation, Relation::none}},
      // Disabling a member: the organisation's admins, platform admins anywhere.
      {"member.disable", {}, Role::org_admin, true, true, {Relation::own_organisation}},
      {"member.disable", {}, Role::org_admin, false, true, {Relation::none}},
      // Inviting members: an organisation's admins into their own organisation; platform
      // admins into any.
      {"user.invite", {}, Role::org_admin, true, true, {Relation::own_organisation}},
      {"user.invite", {}, Role::org_admin, false, true, {Relation::none}},
      // Field data (PRODUCT.md "Field data", "Access and confidentiality"). Victim profiles
      // and signals are written by associations, unions and independent bodies (contributors
      // and above); their records are seen by their own organisation and the coordinator only.
      // Police, prefectures, parquets and ministries hold no rule that reads a record: they see
      // only aggregates after disclosure control.
      {"field.record_write", kFieldReporters, Role::contributor, true, false, {Relation::none},
       true},
      {"field.record_read", kFieldReporters, Role::viewer, true, false,
       {Relation::own_organisation}, true},
      {"field.record_read", {OrgType::coordination}, Role::viewer, true, false, {kAnyRelation},
       true},
      // Who read my records: the owning organisation's members.
      {"field.reads_read", kFieldReporters, Role::viewer, true, false,
       {Relation::own_organisation}, true},
      // Aggregates: every committee member, through disclosure control; the coordinator's
      // national view is live and exact (the service asks field.stats_read_live).
      {"field.stats_read", {}, Role::viewer, true, false, {kAnyRelation}, true},
      {"field.stats_read_live", {OrgType::coordination}, Role::viewer, true, false, {kAnyRelation},
       true},
      // Freezing a release: the coordination's referents and admins.
      {"field.release_create", {OrgType::coordination}, Role::referent, true, false,
       {kAnyRelation}, true},
      // Signals: written like records; read by their organisation, the coordinator, and the
      // organisations they were shared with (the committee: every member); moved along their
      // workflow by the coordination's referents.
      {"field.signal_write", kFieldReporters, Role::contributor, true, false, {Relation::none},
       true},
      {"field.signal_read", {}, Role::viewer, true, false,
       {Relation::own_organisation, Relation::shared_with_me}, true},
      {"field.signal_read", {OrgType::coordination}, Role::viewer, true, false, {kAnyRelation},
       true},
      {"field.signal_transition", {OrgType::coordination}, Role::referent, true, false,
       {kAnyRelation}, true},
      // Alerts count every organisation's profiles exactly: the coordinator's.
      {"field.alerts_read", {OrgType::coordination}, Role::viewer, true, false, {kAnyRelation},
       true},
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
    // Platform admins manage accounts but read no content (PRODUCT.md): a content rule never
    // grants through the role a platform admin's account holds in its organisation.
    if (caller.platform_admin && r.content) continue;
    const bool type_ok = r.org_types.empty() || std::find(r.org_types.begin(), r.org_types.end(),
                                                          caller.org_type) != r.org_types.end();
    if (r.by_role && type_ok && static_cast<int>(caller.role) >= static_cast<int>(r.min_role))
      return true;
  }
  return false;
}

bool allowed(const kit::Actor& actor, std::string_view action, const Relations& relations) {
  for (auto r : all_relations())
    if (relations.has(r) && allowed(caller_of(actor), action, r)) return true;
  return false;
}

bool allowed_under_some_relation(const kit::Actor& actor, std::string_view action) {
  for (auto r : all_relations())
    if (allowed(caller_of(actor), action, r)) return true;
  return false;
}

void require(const kit::Actor& actor, std::string_view action, const Relations& relations,
             const std::string& detail) {
  if (!allowed(actor, action, relations)) throw kit::Forbidden(detail);
}

std::vector<std::string_view> policy_actions() {
  std::vector<std::string_view> out;
  for (const auto& r : policy_rules())
    if (std::find(out.begin(), out.end(), r.action) == out.end()) out.push_back(r.action);
  return out;
}

}  // namespace vigie::accounts
