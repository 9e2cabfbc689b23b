// The plan's rules against a real database (SQLite and PostgreSQL) with an injected clock:
// reminders of reporting campaigns, roll-ups and overdue actions as stored, and the
// referential's export re-importing unchanged.
#include "modules/plan/referential_table.hpp"
#include "modules/plan/service.hpp"

#include "db/migrations.hpp"
#include "db/timestamp.hpp"
#include "kit/errors.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/accounts/service.hpp"
#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace vigie;
using namespace std::chrono;

namespace {

struct PlanService : ::testing::TestWithParam<std::string> {
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  system_clock::time_point now = db::parse_iso_utc("2026-03-01T09:00:00Z");
  std::unique_ptr<accounts::Service> accounts_service;
  std::unique_ptr<plan::Service> plan;
  kit::Actor coordinator, dgt;
  std::map<std::string, accounts::Organisation> organisations;

  void SetUp() override {
    database =
        db::Database::open(db::DatabaseUrl::parse(test_support::fresh_database(GetParam())), 1);
    db::Migrator().apply(*database);
    auto clock = [this] { return now; };
    accounts_service = std::make_unique<accounts::Service>(*database, audit, secrets, clock);
    plan = std::make_unique<plan::Service>(*database, audit, clock, "https://vigie.test");
    ASSERT_TRUE(plan->reports.load_reference_plan());
    coordinator = member("MIPROF", "coordination", "coord@miprof.test", "referent");
    dgt = member("DGT", "ministry", "referent@dgt.test", "referent");
    member("DGT", "ministry", "lecteur@dgt.test", "viewer");
  }

  kit::Actor member(const std::string& org, const std::string& type, const std::string& email,
                    const std::string& role) {
    if (!organisations.contains(org))
      organisations[org] =
          accounts_service->add_organisation({org, org, type, "national"}, kit::Actor::system());
    const auto& o = organisations[org];
    auto u = accounts_service->add_user({email, email, org, role, "une longue phrase secrete"},
                                        kit::Actor::system());
    kit::Actor a;
    a.user_id = u.user.id;
    a.org_id = o.id;
    a.org_code = o.code;
    a.org_type = o.type;
    a.role = u.user.role;
    return a;
  }

  void advance_to(const std::string& day) { now = db::parse_iso_utc(day + "T09:00:00Z"); }

  // Messages waiting in the outbox for `to`.
  int outbox_for(const std::string& to) {
    int n = 0;
    *database->lease() << "SELECT count(*) FROM mail_outbox WHERE recipient = :t", soci::use(to),
        soci::into(n);
    return n;
  }

  std::string dgt_measure() {
    const auto tree = plan->reports.tree();
    for (const auto& axis : tree->axes)
      for (const auto& m : axis.measures)
        for (const auto& a : m.actions)
          if (std::find(a.pilots.begin(), a.pilots.end(), "DGT") != a.pilots.end()) return m.code;
    return "";
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, PlanService, ::testing::ValuesIn(test_support::test_backends()));

}  // namespace

TEST_P(PlanService, RemindersGoOutAWeekBeforeTheDeadlineOnceThenWeeklyWhileOverdue) {
  const auto code = dgt_measure();
  plan->campaigns.open_campaign(coordinator, {"Point de mars", "2026-03-31", {code}});
  EXPECT_EQ(outbox_for("referent@dgt.test"), 1);  // the opening notice
  advance_to("2026-03-23");                       // 8 days before
  EXPECT_EQ(plan->campaigns.send_reminders(), 0);
  advance_to("2026-03-24");  // 7 days before: the referent, not the viewer
  EXPECT_EQ(plan->campaigns.send_reminders(), 1);
  EXPECT_EQ(outbox_for("referent@dgt.test"), 2);
  EXPECT_EQ(outbox_for("lecteur@dgt.test"), 0);
  EXPECT_EQ(plan->campaigns.send_reminders(), 0);  // the same day again
  advance_to("2026-03-31");                        // the deadline: already reminded
  EXPECT_EQ(plan->campaigns.send_reminders(), 0);
  advance_to("2026-04-01");  // overdue
  EXPECT_EQ(plan->campaigns.send_reminders(), 1);
  advance_to("2026-04-07");
  EXPECT_EQ(plan->campaigns.send_reminders(), 0);
  advance_to("2026-04-08");  // a week later, still owing
  EXPECT_EQ(plan->campaigns.send_reminders(), 1);
  EXPECT_EQ(outbox_for("referent@dgt.test"), 4);

  // Once it has reported, nothing more.
  const auto owed = plan->campaigns.owed_by("DGT");
  ASSERT_EQ(owed.size(), 1u);
  for (const auto& a : owed[0].actions)
    plan->reports.report(dgt, a.action_id, {"in_progress", 30, "", {}, ""});
  EXPECT_EQ(plan->campaigns.campaigns()[0].reported(), static_cast<int>(owed[0].actions.size()));
  advance_to("2026-04-20");
  EXPECT_EQ(plan->campaigns.send_reminders(), 0);
  EXPECT_EQ(outbox_for("referent@dgt.test"), 4);
}

TEST_P(PlanService, AShortCampaignSendsNoReminderRightAfterItsOpeningNotice) {
  plan->campaigns.open_campaign(coordinator, {"Point express", "2026-03-05", {dgt_measure()}});
  EXPECT_EQ(plan->campaigns.send_reminders(), 0);  // opened today, deadline in 4 days
  advance_to("2026-03-04");
  EXPECT_EQ(plan->campaigns.send_reminders(), 1);  // three days after the notice
  EXPECT_EQ(outbox_for("referent@dgt.test"), 2);
}

TEST_P(PlanService, ReportsBeforeTheOpeningDoNotCountAndClosingFreezesCompletion) {
  const auto code = dgt_measure();
  auto tree = plan->reports.tree();
  std::int64_t id = 0;
  for (const auto& axis : tree->axes)
    for (const auto& m : axis.measures)
      if (m.code == code) id = m.actions[0].id;
  plan->reports.report(dgt, id, {"in_progress", 10, "", {}, ""});
  now += hours(1);
  auto c = plan->campaigns.open_campaign(coordinator, {"Point", "2026-03-31", {code}});
  EXPECT_EQ(c.reported(), 0);
  now += hours(1);
  plan->reports.report(dgt, id, {"in_progress", 20, "", {}, ""});
  EXPECT_EQ(plan->campaigns.campaign(c.campaign.id).value().reported(), 1);
  auto closed = plan->campaigns.close_campaign(coordinator, c.campaign.id);
  EXPECT_TRUE(closed.campaign.closed_at);
  EXPECT_NE(closed.campaign.snapshot.find("\"reported\":1"), std::string::npos);
  EXPECT_THROW(plan->campaigns.close_campaign(coordinator, c.campaign.id), kit::DomainError);
  // Only the coordination opens campaigns: the route guard asks the policy before the service.
  EXPECT_FALSE(accounts::allowed(dgt, "plan.campaign_manage", kit::Relations{}));
  EXPECT_TRUE(accounts::allowed(coordinator, "plan.campaign_manage", kit::Relations{}));
}

TEST_P(PlanService, ProgressRollsUpWithEditedWeightsAndOverdueFollowsTheClock) {
  const auto code = dgt_measure();
  const auto first = [&] {
    const auto tree = plan->reports.tree();
    for (const auto& axis : tree->axes)
      for (const auto& m : axis.measures)
        if (m.code == code) return m.actions[0].id;
    return std::int64_t{0};
  }();
  plan::ActionChange second;
  second.title = "Deuxième action";
  second.pilots = std::vector<std::string>{"DGT"};
  second.deadline = "2026-06-30";
  const auto added = plan->referential.add_action(coordinator, code, second);
  plan::ActionChange heavier;
  heavier.weight = 3;
  plan->referential.change_action(coordinator, added, heavier);
  plan->reports.report(dgt, first, {"in_progress", 40, "", {}, ""});
  plan->reports.report(dgt, added, {"in_progress", 80, "", {}, ""});
  auto measure = plan->reports.measure(code).value().measure;
  EXPECT_DOUBLE_EQ(measure.progress, (40.0 + 80.0 * 3) / 4);
  EXPECT_EQ(measure.status, plan::Status::in_progress);
  EXPECT_FALSE(measure.overdue);
  advance_to("2026-07-01");
  measure = plan->reports.measure(code).value().measure;
  EXPECT_TRUE(measure.overdue);
  EXPECT_EQ(measure.status, plan::Status::delayed);
  plan->reports.report(dgt, added, {"achieved", 100, "", {}, ""});
  EXPECT_FALSE(plan->reports.measure(code).value().measure.overdue);
}

TEST_P(PlanService, TheExportReimportsUnchangedAndABadRowChangesNothing) {
  auto rows = plan->referential.export_table("fr", "csv").rows;
  ASSERT_GT(rows.size(), 17u);
  auto result = plan->referential.import_table(coordinator, rows, true);
  EXPECT_TRUE(result.errors.empty());
  EXPECT_FALSE(result.applied);
  EXPECT_EQ(result.rows_unchanged, static_cast<int>(rows.size() - 1));

  const auto before = plan->referential.export_table("fr", "csv").rows;
  rows[1][2] = "Nouveau titre";  // valid, on a measure with one action
  rows.push_back(rows[1]);
  rows.back()[6] = "";             // a new action…
  rows.back()[11] = "2026-02-30";  // …with an impossible deadline
  result = plan->referential.import_table(coordinator, rows, true);
  ASSERT_EQ(result.errors.size(), 1u);
  EXPECT_EQ(result.errors[0].row, rows.size());
  EXPECT_EQ(result.errors[0].column, "deadline");
  // All or nothing: the valid row on the measure was not applied either.
  EXPECT_EQ(plan->referential.export_table("fr", "csv").rows, before);
  EXPECT_NE(plan->referential.export_table("fr", "csv").rows[1][2], "Nouveau titre");
}

TEST_P(PlanService, ExportsSpeakTheReadersLanguageAndTheImportReadsBackEither) {
  const auto fr = plan->referential.export_table("fr", "csv");
  EXPECT_EQ(fr.separator, ';');
  EXPECT_EQ(fr.rows[0][1], "Mesure");
  EXPECT_EQ(fr.rows[0][15], "Statut");
  EXPECT_EQ(fr.file_name, "referentiel-plan-2024-2027.csv");
  const auto en = plan->referential.export_table("en", "xlsx");
  EXPECT_EQ(en.separator, ',');
  EXPECT_EQ(en.rows[0][1], "Measure");
  EXPECT_EQ(en.file_name, "plan-referential-2024-2027.xlsx");
  // Values in words: "En cours", "non", never "in_progress" or "no".
  for (std::size_t r = 1; r < fr.rows.size(); ++r) {
    EXPECT_NE(fr.rows[r][15].find_first_of(" ÉRAN"), std::string::npos) << fr.rows[r][15];
    EXPECT_EQ(fr.rows[r][15].find('_'), std::string::npos);
    EXPECT_TRUE(fr.rows[r][5] == "non" || fr.rows[r][5] == "oui");
    EXPECT_TRUE(en.rows[r][5] == "no" || en.rows[r][5] == "yes");
  }
  for (const auto* rows : {&fr.rows, &en.rows}) {
    auto result = plan->referential.import_table(coordinator, *rows, false);
    EXPECT_TRUE(result.errors.empty());
    EXPECT_EQ(result.rows_unchanged, static_cast<int>(rows->size() - 1));
  }
  // An export of an earlier version, with the column codes, still reads.
  auto coded = fr.rows;
  for (std::size_t c = 0; c < plan::kColumnCount; ++c)
    coded[0][c] = std::string(plan::kColumnNames[c]);
  EXPECT_TRUE(plan->referential.import_table(coordinator, coded, false).errors.empty());
}
