// The permission policy against a table of expectations written from the product brief
// (../shared/brief/PRODUCT.md, "Users and what they do" and "Access and confidentiality"),
// the security brief and the README, never from src/modules/accounts/policy.cpp: each row is
// one sentence of those documents turned into allow / deny for a set of callers. The test
// expands the rows over every organisation type × role × platform-admin flag × action ×
// relation and asks the policy each cell; a cell where the policy disagrees fails with the
// sentence it contradicts.
//
// The table must be total: an action of the policy without rows, a cell no row speaks of, or
// two rows that contradict each other fail the test, so a new action cannot land without its
// expectations.
#include "modules/accounts/policy.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using vigie::accounts::Caller;
using vigie::accounts::OrgType;
using vigie::accounts::Relation;
using vigie::accounts::Role;

const std::vector<OrgType> kEveryType{
    OrgType::coordination, OrgType::ministry,    OrgType::prefecture, OrgType::parquet,
    OrgType::police,       OrgType::association, OrgType::union_,     OrgType::independent_body};
const std::vector<OrgType> kCoordination{OrgType::coordination};
const std::vector<OrgType> kEveryOtherType{
    OrgType::ministry,    OrgType::prefecture, OrgType::parquet,         OrgType::police,
    OrgType::association, OrgType::union_,     OrgType::independent_body};

const std::vector<Role> kEveryRole{Role::viewer, Role::contributor, Role::referent,
                                   Role::org_admin};
const std::vector<Role> kReferentsAndAdmins{Role::referent, Role::org_admin};
const std::vector<Role> kViewersAndContributors{Role::viewer, Role::contributor};
const std::vector<Role> kOrgAdmins{Role::org_admin};
const std::vector<Role> kAllButOrgAdmins{Role::viewer, Role::contributor, Role::referent};
const std::vector<Role> kContributorsAndAbove{Role::contributor, Role::referent, Role::org_admin};
const std::vector<Role> kViewers{Role::viewer};

// Relations (kit/relation.hpp). Each action's rows name the relations a caller can hold to its
// resource; the others cannot be resolved for it (nobody is "addressed" an account or "pilots"
// an organisation) and are not asked. "Addressed to me" and "shared with me" belong to saisines
// and diagnostics (PRODUCT.md: "the addressed authority sees it once referred, and only the
// parts marked shared"), which no action of today's policy is about.
const std::vector<Relation> kEveryRelation{Relation::own_organisation, Relation::pilot,
                                           Relation::addressed_to_me, Relation::shared_with_me,
                                           Relation::none};
// An organisation or an account: the caller's own organisation, or another one.
const std::vector<Relation> kOwn{Relation::own_organisation};
const std::vector<Relation> kNotOwn{Relation::none};
const std::vector<Relation> kOwnOrNot{Relation::own_organisation, Relation::none};
// The plan, a measure or an action: piloted by the caller's organisation, or not.
const std::vector<Relation> kPilot{Relation::pilot};
const std::vector<Relation> kNotPilot{Relation::none};
const std::vector<Relation> kPilotOrNot{Relation::pilot, Relation::none};
// A diagnostic: written by the caller's organisation, about a measure it pilots, or neither.
const std::vector<Relation> kAuthorPilotOrNeither{Relation::own_organisation, Relation::pilot,
                                                  Relation::none};
const std::vector<Relation> kPilotOrNeither{Relation::pilot, Relation::none};
const std::vector<Relation> kAuthorOrNeither{Relation::own_organisation, Relation::none};

// A saisine: filed by the caller's organisation, referred to it (the authority, once referred:
// before, the relation does not exist), or neither.
const std::vector<Relation> kSaisineParties{Relation::own_organisation, Relation::addressed_to_me,
                                            Relation::none};
const std::vector<Relation> kFiler{Relation::own_organisation};
const std::vector<Relation> kAddressed{Relation::addressed_to_me};
const std::vector<Relation> kNeither{Relation::none};
const std::vector<Relation> kAddressedOrNeither{Relation::addressed_to_me, Relation::none};
const std::vector<Relation> kFilerOrNeither{Relation::own_organisation, Relation::none};
const std::vector<Relation> kFilerOrAddressed{Relation::own_organisation,
                                              Relation::addressed_to_me};

enum class Admin { no, yes, either };  // the platform-admin flag of the caller

struct Expectation {
  std::string_view action;
  std::vector<OrgType> types;
  std::vector<Role> roles;
  Admin platform_admin;
  std::vector<Relation> relations;
  bool allow;
  std::string_view because;  // the sentence it comes from
};

// Sentences quoted below.
constexpr std::string_view kCommitteeReads =
    "PRODUCT.md: \"committee member (any org) | reads the shared picture, attends meetings, owns "
    "decisions\"";
constexpr std::string_view kNoContent =
    "PRODUCT.md: \"platform admins manage accounts but read no content\"; SECURITY.md brief: "
    "\"MIPROF admins manage accounts without content access\"";
constexpr std::string_view kAdminsManageAccounts =
    "PRODUCT.md: \"platform admins manage accounts but read no content\"";
constexpr std::string_view kPilotsReport =
    "PRODUCT.md: \"ministry pilot of a measure | reports status, progress and indicator values of "
    "its actions\"; README: \"Pilots (referents and admins of a pilot organisation) report on "
    "their actions\"";
constexpr std::string_view kCoordinationKeepsReferential =
    "PRODUCT.md: \"MIPROF coordinator | keeps the plan's referential, opens reporting "
    "campaigns\"; README: \"The coordination edits the referential\"";
constexpr std::string_view kCoordinationOpensCampaigns =
    "PRODUCT.md: \"MIPROF coordinator | keeps the plan's referential, opens reporting "
    "campaigns\"; README: \"The coordination opens reporting campaigns\"";
constexpr std::string_view kNotSharedWithThem =
    "PRODUCT.md: \"Associations will only report if they can trust that police and prefectures "
    "see nothing that was not shared with them\"";
constexpr std::string_view kRolesInTheirOrganisation =
    "PRODUCT.md: \"users have a role in their organisation (viewer, contributor, referent, org "
    "admin)\": org admins administer their own organisation";
constexpr std::string_view kOwnAccount =
    "docs/SECURITY.md: \"T16 sessions: ... list and revoke\" and \"TOTP ... offered to all\": "
    "every user manages their own sessions and second factor, nobody else's";
constexpr std::string_view kOrgAdminsAudit =
    "issue 9: \"a pilot organisation's admins [must] see their own referents' reports in their "
    "audit view\"; PRODUCT.md: \"Every write ... is in an append-only, hash-chained audit log\"";
constexpr std::string_view kCoordinatorRunsThePlatform =
    "PRODUCT.md: \"It is run by the national coordinator, the MIPROF ... and used by every "
    "member of the plan's coordination committee\"";
constexpr std::string_view kCoordinationDirectory =
    "PRODUCT.md: \"The coordinator unblocks precise topics ... takes it up with the prefecture "
    "or parquet\"; issue 9: \"accounts exposes a directory API (organisation by code, contacts "
    "of an organisation by role)\": the coordination's referents reach every organisation's "
    "members";

constexpr std::string_view kDiagnosticsPublished =
    "PRODUCT.md: \"Diagnostics: draft visible to its organisation; once published, to all "
    "committee members (or to the coordinator only, if so marked)\"";
constexpr std::string_view kDiagnosticDraft =
    "PRODUCT.md: \"Diagnostics: draft visible to its organisation\"";
constexpr std::string_view kDiagnosticCoordinationOnly =
    "PRODUCT.md: \"once published, to all committee members (or to the coordinator only, if so "
    "marked)\"; the authoring organisation keeps reading what it wrote";
constexpr std::string_view kAnyMemberPublishes =
    "PRODUCT.md: \"Diagnostics — any member organisation publishes an assessment of a measure\"; "
    "\"users have a role in their organisation (viewer, contributor, …)\": a viewer reads";
constexpr std::string_view kOwnDiagnostics =
    "PRODUCT.md: \"draft visible to its organisation\": an organisation edits and publishes its "
    "own diagnostics, nobody else's";
constexpr std::string_view kRightOfReply =
    "PRODUCT.md: \"ministry pilot of a measure | … answers field diagnostics\"; \"Per measure: "
    "official status vs field rating, divergence flag, right of reply for the pilot\"";
constexpr std::string_view kCommitteeDiscusses =
    "issue 12: \"committee members comment in a thread\"; viewers read";

constexpr std::string_view kCoordinationCalls =
    "issue 12: \"the coordinator asks chosen organisations (or all of a type) for diagnostics on "
    "chosen measures before a date\"; PRODUCT.md: the MIPROF coordinator \"opens reporting "
    "campaigns\"";


// Field data (PRODUCT.md "Field data" and "Access and confidentiality").
const std::vector<OrgType> kFieldReporters{OrgType::association, OrgType::union_,
                                           OrgType::independent_body};
const std::vector<OrgType> kNeitherReportersNorCoordination{OrgType::ministry, OrgType::prefecture,
                                                            OrgType::parquet, OrgType::police};
const std::vector<OrgType> kEveryTypeButReporters{OrgType::coordination, OrgType::ministry,
                                                  OrgType::prefecture, OrgType::parquet,
                                                  OrgType::police};
// A signal: written by the caller's organisation, shared with it (or the committee), neither.
const std::vector<Relation> kOwnSharedOrNeither{Relation::own_organisation,
                                                Relation::shared_with_me, Relation::none};
constexpr std::string_view kFieldReport =
    "PRODUCT.md: \"association / union / independent body | ... records anonymised victim "
    "profiles and field signals\"";
constexpr std::string_view kRecordsSeenByAuthorAndCoordinator =
    "PRODUCT.md: \"Victim-profile records and signals: visible to the authoring organisation and "
    "the coordinator; everyone else sees only aggregates after disclosure control\"";
constexpr std::string_view kAggregatesForEveryone =
    "PRODUCT.md: \"everyone else sees only aggregates after disclosure control\"; \"committee "
    "member (any org) | reads the shared picture\"";
constexpr std::string_view kCoordinatorSeesExact =
    "PRODUCT.md: \"any aggregate cell under the threshold ... shown to someone other than the "
    "coordinator or the authoring organisation is suppressed\"";
constexpr std::string_view kWhoReadMyRecords =
    "issue 13: \"every read of individual records by anyone outside the owning organisation ... "
    "is audited, and the owning organisation sees those reads in its own view\"";
constexpr std::string_view kCoordinatorReleases =
    "issue 13: \"POST /api/v1/field/releases (the coordinator freezes a release now)\"";
constexpr std::string_view kSignalsShared =
    "issue 13: \"states new → acknowledged by the coordinator → shared with the committee or with "
    "named organisations → closed\"; PRODUCT.md: police and prefectures \"see nothing that was "
    "not shared with them\"";
constexpr std::string_view kSaisineWhoSees =
    "issue 14: \"the filing organisation and the coordinator see everything; the addressed "
    "authority sees the saisine only once referred, and only the coordinator's summary and the "
    "parts marked shared\"";
constexpr std::string_view kSaisineOthers =
    "issue 14: \"everyone else sees only controlled aggregate figures. Another prefecture, or "
    "the same prefecture before referral, gets 404\"";
constexpr std::string_view kSaisineThreads =
    "issue 14: \"two threads of messages (filer ⇄ coordinator, coordinator ⇄ authority) that "
    "never cross\"";
constexpr std::string_view kSaisineFiling =
    "issue 14: \"any organisation (usually an association) files a saisine\"; PRODUCT.md: a "
    "viewer reads";
constexpr std::string_view kSaisineCoordinator =
    "issue 14: \"the coordinator can ask for more (needs_information)\", \"referred (to the "
    "authority, with a summary written by the coordinator)\"; PRODUCT.md: the MIPROF "
    "coordinator \"takes it up with the prefecture or parquet\"";
constexpr std::string_view kSaisineAnswer =
    "issue 14: \"answered (by the authority)\"; a viewer reads";
constexpr std::string_view kSaisineFigures =
    "issue 14: \"everyone else sees only controlled aggregate figures\"; figures \"through "
    "disclosure control when shown beyond the coordinator\"";

const std::vector<Expectation>& expectations() {
  static const std::vector<Expectation> rows{
      // The committee directory.
      {"organisation.list", kEveryType, kEveryRole, Admin::no, kOwnOrNot, true, kCommitteeReads},
      {"organisation.list", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, true,
       kAdminsManageAccounts},

      // One's own account.
      {"session.list_own", kEveryType, kEveryRole, Admin::either, kOwn, true, kOwnAccount},
      {"session.list_own", kEveryType, kEveryRole, Admin::either, kNotOwn, false, kOwnAccount},
      {"session.revoke_own", kEveryType, kEveryRole, Admin::either, kOwn, true, kOwnAccount},
      {"session.revoke_own", kEveryType, kEveryRole, Admin::either, kNotOwn, false, kOwnAccount},
      {"account.manage_own", kEveryType, kEveryRole, Admin::either, kOwn, true, kOwnAccount},
      {"account.manage_own", kEveryType, kEveryRole, Admin::either, kNotOwn, false, kOwnAccount},
      {"totp.manage_own", kEveryType, kEveryRole, Admin::either, kOwn, true, kOwnAccount},
      {"totp.manage_own", kEveryType, kEveryRole, Admin::either, kNotOwn, false, kOwnAccount},

      // The whole audit trail: who did what, across organisations.
      {"audit.read_all", kCoordination, kReferentsAndAdmins, Admin::no, kOwnOrNot, true,
       kCoordinatorRunsThePlatform},
      {"audit.read_all", kCoordination, kViewersAndContributors, Admin::no, kOwnOrNot, false,
       kRolesInTheirOrganisation},
      {"audit.read_all", kEveryOtherType, kEveryRole, Admin::no, kOwnOrNot, false,
       kNotSharedWithThem},
      {"audit.read_all", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, true,
       kAdminsManageAccounts},
      // An organisation's admins see who acted on their organisation's records.
      {"audit.read_own_organisation", kEveryType, kOrgAdmins, Admin::either, kOwn, true,
       kOrgAdminsAudit},
      {"audit.read_own_organisation", kEveryType, kAllButOrgAdmins, Admin::either, kOwn, false,
       kRolesInTheirOrganisation},
      {"audit.read_own_organisation", kEveryType, kEveryRole, Admin::either, kNotOwn, false,
       kNotSharedWithThem},

      // Field diagnostics.
      {"diagnostic.read", kEveryType, kEveryRole, Admin::no, kAuthorPilotOrNeither, true,
       kDiagnosticsPublished},
      {"diagnostic.read", kEveryType, kEveryRole, Admin::yes, kAuthorPilotOrNeither, false,
       kNoContent},
      {"diagnostic.read_draft", kEveryType, kEveryRole, Admin::no, kOwn, true, kDiagnosticDraft},
      {"diagnostic.read_draft", kEveryType, kEveryRole, Admin::no, kPilotOrNeither, false,
       kDiagnosticDraft},
      {"diagnostic.read_draft", kEveryType, kEveryRole, Admin::yes, kAuthorPilotOrNeither, false,
       kNoContent},
      {"diagnostic.read_restricted", kCoordination, kEveryRole, Admin::no, kAuthorPilotOrNeither,
       true, kDiagnosticCoordinationOnly},
      {"diagnostic.read_restricted", kEveryOtherType, kEveryRole, Admin::no, kOwn, true,
       kDiagnosticCoordinationOnly},
      {"diagnostic.read_restricted", kEveryOtherType, kEveryRole, Admin::no, kPilotOrNeither, false,
       kDiagnosticCoordinationOnly},
      {"diagnostic.read_restricted", kEveryType, kEveryRole, Admin::yes, kAuthorPilotOrNeither,
       false, kNoContent},
      {"diagnostic.create", kEveryType, kContributorsAndAbove, Admin::no, kNotPilot, true,
       kAnyMemberPublishes},
      {"diagnostic.create", kEveryType, kViewers, Admin::no, kNotPilot, false, kAnyMemberPublishes},
      {"diagnostic.create", kEveryType, kEveryRole, Admin::yes, kNotPilot, false, kNoContent},
      {"diagnostic.edit", kEveryType, kContributorsAndAbove, Admin::no, kOwn, true,
       kOwnDiagnostics},
      {"diagnostic.edit", kEveryType, kViewers, Admin::no, kOwn, false, kAnyMemberPublishes},
      {"diagnostic.edit", kEveryType, kEveryRole, Admin::no, kPilotOrNeither, false,
       kOwnDiagnostics},
      {"diagnostic.edit", kEveryType, kEveryRole, Admin::yes, kAuthorPilotOrNeither, false,
       kNoContent},
      {"diagnostic.reply", kEveryType, kReferentsAndAdmins, Admin::no, kPilot, true, kRightOfReply},
      {"diagnostic.reply", kEveryType, kViewersAndContributors, Admin::no, kPilot, false,
       kRolesInTheirOrganisation},
      {"diagnostic.reply", kEveryType, kEveryRole, Admin::no, kAuthorOrNeither, false,
       kRightOfReply},
      {"diagnostic.reply", kEveryType, kEveryRole, Admin::yes, kAuthorPilotOrNeither, false,
       kNoContent},
      {"diagnostic.comment", kEveryType, kContributorsAndAbove, Admin::no, kAuthorPilotOrNeither,
       true, kCommitteeDiscusses},
      {"diagnostic.comment", kEveryType, kViewers, Admin::no, kAuthorPilotOrNeither, false,
       kCommitteeDiscusses},
      {"diagnostic.comment", kEveryType, kEveryRole, Admin::yes, kAuthorPilotOrNeither, false,
       kNoContent},
      // Calls for diagnostics: the coordination asks.
      {"diagnostic.call_manage", kCoordination, kReferentsAndAdmins, Admin::no, kNotPilot, true,
       kCoordinationCalls},
      {"diagnostic.call_manage", kCoordination, kViewersAndContributors, Admin::no, kNotPilot,
       false, kRolesInTheirOrganisation},
      {"diagnostic.call_manage", kEveryOtherType, kEveryRole, Admin::no, kNotPilot, false,
       kCoordinationCalls},
      {"diagnostic.call_manage", kEveryType, kEveryRole, Admin::yes, kNotPilot, false, kNoContent},


      // Field data: victim profiles.
      {"field.record_write", kFieldReporters, kContributorsAndAbove, Admin::no, kNotOwn, true,
       kFieldReport},
      {"field.record_write", kFieldReporters, kViewers, Admin::no, kNotOwn, false,
       kAnyMemberPublishes},
      {"field.record_write", kEveryTypeButReporters, kEveryRole, Admin::no, kNotOwn, false,
       kFieldReport},
      {"field.record_write", kEveryType, kEveryRole, Admin::yes, kNotOwn, false, kNoContent},
      {"field.record_read", kFieldReporters, kEveryRole, Admin::no, kOwn, true,
       kRecordsSeenByAuthorAndCoordinator},
      {"field.record_read", kFieldReporters, kEveryRole, Admin::no, kNotOwn, false,
       kRecordsSeenByAuthorAndCoordinator},
      {"field.record_read", kCoordination, kEveryRole, Admin::no, kOwnOrNot, true,
       kRecordsSeenByAuthorAndCoordinator},
      {"field.record_read", kNeitherReportersNorCoordination, kEveryRole, Admin::no, kOwnOrNot,
       false, kNotSharedWithThem},
      {"field.record_read", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, false, kNoContent},
      {"field.reads_read", kFieldReporters, kEveryRole, Admin::no, kOwn, true, kWhoReadMyRecords},
      {"field.reads_read", kEveryTypeButReporters, kEveryRole, Admin::no, kOwn, false,
       kWhoReadMyRecords},
      {"field.reads_read", kEveryType, kEveryRole, Admin::yes, kOwn, false, kNoContent},
      // Aggregates.
      {"field.stats_read", kEveryType, kEveryRole, Admin::no, kOwnOrNot, true,
       kAggregatesForEveryone},
      {"field.stats_read", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, false, kNoContent},
      {"field.stats_read_live", kCoordination, kEveryRole, Admin::no, kOwnOrNot, true,
       kCoordinatorSeesExact},
      {"field.stats_read_live", kEveryOtherType, kEveryRole, Admin::no, kOwnOrNot, false,
       kCoordinatorSeesExact},
      {"field.stats_read_live", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, false, kNoContent},
      {"field.release_create", kCoordination, kReferentsAndAdmins, Admin::no, kOwnOrNot, true,
       kCoordinatorReleases},
      {"field.release_create", kCoordination, kViewersAndContributors, Admin::no, kOwnOrNot, false,
       kRolesInTheirOrganisation},
      {"field.release_create", kEveryOtherType, kEveryRole, Admin::no, kOwnOrNot, false,
       kCoordinatorReleases},
      {"field.release_create", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, false, kNoContent},
      // Field signals.
      {"field.signal_write", kFieldReporters, kContributorsAndAbove, Admin::no, kNotOwn, true,
       kFieldReport},
      {"field.signal_write", kFieldReporters, kViewers, Admin::no, kNotOwn, false,
       kAnyMemberPublishes},
      {"field.signal_write", kEveryTypeButReporters, kEveryRole, Admin::no, kNotOwn, false,
       kFieldReport},
      {"field.signal_write", kEveryType, kEveryRole, Admin::yes, kNotOwn, false, kNoContent},
      {"field.signal_read", kEveryType, kEveryRole, Admin::no,
       {Relation::own_organisation, Relation::shared_with_me}, true, kSignalsShared},
      {"field.signal_read", kEveryOtherType, kEveryRole, Admin::no, kNotOwn, false,
       kSignalsShared},
      {"field.signal_read", kCoordination, kEveryRole, Admin::no, kNotOwn, true,
       kRecordsSeenByAuthorAndCoordinator},
      {"field.signal_read", kEveryType, kEveryRole, Admin::yes, kOwnSharedOrNeither, false,
       kNoContent},
      {"field.signal_transition", kCoordination, kReferentsAndAdmins, Admin::no,
       kOwnSharedOrNeither, true, kSignalsShared},
      {"field.signal_transition", kCoordination, kViewersAndContributors, Admin::no,
       kOwnSharedOrNeither, false, kRolesInTheirOrganisation},
      {"field.signal_transition", kEveryOtherType, kEveryRole, Admin::no, kOwnSharedOrNeither,
       false, kSignalsShared},
      {"field.signal_transition", kEveryType, kEveryRole, Admin::yes, kOwnSharedOrNeither, false,
       kNoContent},
      {"field.alerts_read", kCoordination, kEveryRole, Admin::no, kNotOwn, true,
       kCoordinatorSeesExact},
      {"field.alerts_read", kEveryOtherType, kEveryRole, Admin::no, kNotOwn, false,
       kCoordinatorSeesExact},
      {"field.alerts_read", kEveryType, kEveryRole, Admin::yes, kNotOwn, false, kNoContent},
      // Saisines: who sees a case.
      {"saisine.list", kEveryType, kEveryRole, Admin::no, kSaisineParties, true, kSaisineWhoSees},
      {"saisine.list", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      {"saisine.read", kEveryType, kEveryRole, Admin::no, kFilerOrAddressed, true, kSaisineWhoSees},
      {"saisine.read", kCoordination, kEveryRole, Admin::no, kNeither, true, kSaisineWhoSees},
      {"saisine.read", kEveryOtherType, kEveryRole, Admin::no, kNeither, false, kSaisineOthers},
      {"saisine.read", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      {"saisine.read_full", kEveryType, kEveryRole, Admin::no, kFiler, true, kSaisineWhoSees},
      {"saisine.read_full", kCoordination, kEveryRole, Admin::no, kAddressedOrNeither, true,
       kSaisineWhoSees},
      {"saisine.read_full", kEveryOtherType, kEveryRole, Admin::no, kAddressedOrNeither, false,
       kSaisineWhoSees},
      {"saisine.read_full", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      {"saisine.read_authority_thread", kEveryType, kEveryRole, Admin::no, kAddressed, true,
       kSaisineThreads},
      {"saisine.read_authority_thread", kCoordination, kEveryRole, Admin::no, kFilerOrNeither, true,
       kSaisineThreads},
      {"saisine.read_authority_thread", kEveryOtherType, kEveryRole, Admin::no, kFilerOrNeither,
       false, kSaisineThreads},
      {"saisine.read_authority_thread", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false,
       kNoContent},
      // Saisines: who files, triages and answers.
      {"saisine.file", kEveryType, kContributorsAndAbove, Admin::no, kNeither, true,
       kSaisineFiling},
      {"saisine.file", kEveryType, kViewers, Admin::no, kNeither, false, kSaisineFiling},
      {"saisine.file", kEveryType, kEveryRole, Admin::yes, kNeither, false, kNoContent},
      {"saisine.edit", kEveryType, kContributorsAndAbove, Admin::no, kFiler, true, kSaisineFiling},
      {"saisine.edit", kEveryType, kViewers, Admin::no, kFiler, false, kSaisineFiling},
      {"saisine.edit", kEveryType, kEveryRole, Admin::no, kAddressedOrNeither, false,
       kSaisineThreads},
      {"saisine.edit", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      {"saisine.triage", kCoordination, kReferentsAndAdmins, Admin::no, kSaisineParties, true,
       kSaisineCoordinator},
      {"saisine.triage", kCoordination, kViewersAndContributors, Admin::no, kSaisineParties, false,
       kRolesInTheirOrganisation},
      {"saisine.triage", kEveryOtherType, kEveryRole, Admin::no, kSaisineParties, false,
       kSaisineCoordinator},
      {"saisine.triage", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      {"saisine.answer", kEveryType, kContributorsAndAbove, Admin::no, kAddressed, true,
       kSaisineAnswer},
      {"saisine.answer", kEveryType, kViewers, Admin::no, kAddressed, false, kSaisineAnswer},
      {"saisine.answer", kEveryType, kEveryRole, Admin::no, kFilerOrNeither, false,
       kSaisineThreads},
      {"saisine.answer", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      // Saisines: the figures.
      {"saisine.figures", kEveryType, kEveryRole, Admin::no, kSaisineParties, true,
       kSaisineFigures},
      {"saisine.figures", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false, kNoContent},
      {"saisine.figures_exact", kCoordination, kEveryRole, Admin::no, kSaisineParties, true,
       kSaisineFigures},
      {"saisine.figures_exact", kEveryOtherType, kEveryRole, Admin::no, kSaisineParties, false,
       kSaisineFigures},
      {"saisine.figures_exact", kEveryType, kEveryRole, Admin::yes, kSaisineParties, false,
       kNoContent},

      // The plan.
      {"plan.read", kEveryType, kEveryRole, Admin::no, kPilotOrNot, true, kCommitteeReads},
      {"plan.read", kEveryType, kEveryRole, Admin::yes, kPilotOrNot, false, kNoContent},

      // Reporting on an action.
      {"plan.report", kEveryType, kReferentsAndAdmins, Admin::no, kPilot, true, kPilotsReport},
      {"plan.report", kEveryType, kViewersAndContributors, Admin::no, kPilot, false, kPilotsReport},
      {"plan.report", kEveryOtherType, kEveryRole, Admin::no, kNotPilot, false, kPilotsReport},
      // The coordination keeps the referential: its referents may report on any action.
      {"plan.report", kCoordination, kReferentsAndAdmins, Admin::no, kNotPilot, true,
       kCoordinationKeepsReferential},
      {"plan.report", kCoordination, kViewersAndContributors, Admin::no, kNotPilot, false,
       kRolesInTheirOrganisation},
      {"plan.report", kEveryType, kEveryRole, Admin::yes, kPilotOrNot, false, kNoContent},

      // Editing the referential: the whole of it, whoever pilots a measure.
      {"plan.manage", kCoordination, kReferentsAndAdmins, Admin::no, kPilotOrNot, true,
       kCoordinationKeepsReferential},
      {"plan.manage", kCoordination, kViewersAndContributors, Admin::no, kPilotOrNot, false,
       kRolesInTheirOrganisation},
      {"plan.manage", kEveryOtherType, kEveryRole, Admin::no, kPilotOrNot, false,
       kCoordinationKeepsReferential},
      {"plan.manage", kEveryType, kEveryRole, Admin::yes, kPilotOrNot, false, kNoContent},

      // Opening and closing reporting campaigns.
      {"plan.campaign_manage", kCoordination, kReferentsAndAdmins, Admin::no, kPilotOrNot, true,
       kCoordinationOpensCampaigns},
      {"plan.campaign_manage", kCoordination, kViewersAndContributors, Admin::no, kPilotOrNot,
       false, kRolesInTheirOrganisation},
      {"plan.campaign_manage", kEveryOtherType, kEveryRole, Admin::no, kPilotOrNot, false,
       kCoordinationOpensCampaigns},
      {"plan.campaign_manage", kEveryType, kEveryRole, Admin::yes, kPilotOrNot, false, kNoContent},

      // Admitting a member organisation to the committee.
      {"organisation.create", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, true,
       kAdminsManageAccounts},
      {"organisation.create", kCoordination, kOrgAdmins, Admin::no, kOwnOrNot, true,
       kCoordinatorRunsThePlatform},
      {"organisation.create", kCoordination, kAllButOrgAdmins, Admin::no, kOwnOrNot, false,
       kRolesInTheirOrganisation},
      {"organisation.create", kEveryOtherType, kEveryRole, Admin::no, kOwnOrNot, false,
       kCoordinatorRunsThePlatform},

      // An organisation's members: own_organisation = the caller's organisation.
      {"member.list", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, true, kAdminsManageAccounts},
      {"member.list", kEveryOtherType, kOrgAdmins, Admin::no, kOwn, true,
       kRolesInTheirOrganisation},
      {"member.list", kEveryOtherType, kAllButOrgAdmins, Admin::no, kOwn, false,
       kRolesInTheirOrganisation},
      {"member.list", kEveryOtherType, kEveryRole, Admin::no, kNotOwn, false, kNotSharedWithThem},
      {"member.list", kCoordination, kReferentsAndAdmins, Admin::no, kOwnOrNot, true,
       kCoordinationDirectory},
      {"member.list", kCoordination, kViewersAndContributors, Admin::no, kOwnOrNot, false,
       kRolesInTheirOrganisation},

      // Disabling a member and inviting one: an organisation's admins in their own
      // organisation, platform admins in any.
      {"member.disable", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, true,
       kAdminsManageAccounts},
      {"member.disable", kEveryType, kOrgAdmins, Admin::no, kOwn, true, kRolesInTheirOrganisation},
      {"member.disable", kEveryType, kAllButOrgAdmins, Admin::no, kOwn, false,
       kRolesInTheirOrganisation},
      {"member.disable", kEveryType, kEveryRole, Admin::no, kNotOwn, false,
       kRolesInTheirOrganisation},
      {"user.invite", kEveryType, kEveryRole, Admin::yes, kOwnOrNot, true, kAdminsManageAccounts},
      {"user.invite", kEveryType, kOrgAdmins, Admin::no, kOwn, true, kRolesInTheirOrganisation},
      {"user.invite", kEveryType, kAllButOrgAdmins, Admin::no, kOwn, false,
       kRolesInTheirOrganisation},
      {"user.invite", kEveryType, kEveryRole, Admin::no, kNotOwn, false, kRolesInTheirOrganisation},
  };
  return rows;
}

template <typename T>
bool contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool matches(const Expectation& e, std::string_view action, const Caller& c, Relation r) {
  return e.action == action && contains(e.types, c.org_type) && contains(e.roles, c.role) &&
         (e.platform_admin == Admin::either ||
          (e.platform_admin == Admin::yes) == c.platform_admin) &&
         contains(e.relations, r);
}

std::string describe(const Caller& c, Relation r) {
  std::ostringstream s;
  s << to_string(c.org_type) << "/" << to_string(c.role)
    << (c.platform_admin ? "+platform-admin" : "") << " [" << to_string(r) << "]";
  return s.str();
}

std::vector<Caller> every_caller() {
  std::vector<Caller> out;
  for (auto t : kEveryType)
    for (auto role : kEveryRole)
      for (bool admin : {false, true}) out.push_back({t, role, admin});
  return out;
}

// The relations a caller can hold to the resource of `action`: those its rows name.
std::vector<Relation> relations_of(std::string_view action) {
  std::vector<Relation> out;
  for (auto r : kEveryRelation)
    for (const auto& e : expectations())
      if (e.action == action && contains(e.relations, r) && !contains(out, r)) out.push_back(r);
  return out;
}

std::set<std::string_view> table_actions() {
  std::set<std::string_view> out;
  for (const auto& e : expectations()) out.insert(e.action);
  return out;
}

// What the table says for one cell; fails the test when no row or contradicting rows speak.
struct Verdict {
  std::optional<bool> allow;
  std::string_view because;
};
Verdict expected(std::string_view action, const Caller& c, Relation r) {
  Verdict v;
  for (const auto& e : expectations()) {
    if (!matches(e, action, c, r)) continue;
    if (v.allow && *v.allow != e.allow) {
      ADD_FAILURE() << "the table contradicts itself for " << action << " as " << describe(c, r)
                    << ": \"" << v.because << "\" vs \"" << e.because << "\"";
      return {};
    }
    v = {e.allow, e.because};
  }
  return v;
}

TEST(PolicyExpectations, TheTableKnowsEveryRelation) {
  std::set<Relation> mine(kEveryRelation.begin(), kEveryRelation.end());
  const auto& theirs = vigie::accounts::all_relations();
  EXPECT_EQ(mine, std::set<Relation>(theirs.begin(), theirs.end()))
      << "a relation was added or removed: write which callers it lets in";
}

TEST(PolicyExpectations, EveryActionOfThePolicyHasExpectationsAndNoneIsInvented) {
  const auto table = table_actions();
  std::vector<std::string_view> without_rows;
  for (auto a : vigie::accounts::policy_actions())
    if (!table.contains(a)) without_rows.push_back(a);
  EXPECT_EQ(without_rows, std::vector<std::string_view>{})
      << "actions of the policy with no row in this table: write what PRODUCT.md says of them";

  std::vector<std::string_view> unknown;
  const auto actions = vigie::accounts::policy_actions();
  for (auto a : table)
    if (!contains(actions, a)) unknown.push_back(a);
  EXPECT_EQ(unknown, std::vector<std::string_view>{})
      << "actions expected here that the policy does not know";
}

TEST(PolicyExpectations, TheTableSpeaksOfEveryCellExactlyOneWay) {
  std::vector<std::string> silent;
  for (auto action : table_actions())
    for (const auto& c : every_caller())
      for (auto r : relations_of(action))
        if (!expected(action, c, r).allow)
          silent.push_back(std::string(action) + " " + describe(c, r));
  EXPECT_EQ(silent, std::vector<std::string>{});
}

TEST(PolicyExpectations, ThePolicyAnswersWhatTheProductBriefSays) {
  // Disagreements grouped by the sentence they contradict, so one wrong rule is one message.
  std::map<std::string, std::vector<std::string>> contradicted;
  std::size_t cells = 0, expected_cells = 0, allowed_cells = 0, refused_cells = 0;
  for (auto action : vigie::accounts::policy_actions()) {
    expected_cells += every_caller().size() * relations_of(action).size();
    for (const auto& c : every_caller())
      for (auto r : relations_of(action)) {
        const auto want = expected(action, c, r);
        if (!want.allow) continue;  // reported by the tests above
        ++cells;
        (*want.allow ? allowed_cells : refused_cells)++;
        if (vigie::accounts::allowed(c, action, r) != *want.allow)
          contradicted[std::string(action) + (*want.allow ? " refused to " : " allowed to ") +
                       "callers the brief " + (*want.allow ? "lets in" : "keeps out") + " (" +
                       std::string(want.because) + ")"]
              .push_back(describe(c, r));
      }
  }
  for (const auto& [what, who] : contradicted) {
    std::ostringstream list;
    for (std::size_t i = 0; i < who.size(); ++i) list << (i ? ", " : "") << who[i];
    ADD_FAILURE() << "the policy has " << what << ": " << who.size() << " cell(s): " << list.str();
  }
  // Every action × 64 kinds of caller × the relations its resource can have; both answers occur.
  EXPECT_EQ(every_caller().size(), 64u);
  EXPECT_EQ(cells, expected_cells);
  EXPECT_GT(allowed_cells, 0);
  EXPECT_GT(refused_cells, 0);
}

}  // namespace
