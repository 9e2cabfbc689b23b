// The saisines' figures against a real database (SQLite and PostgreSQL) with an injected clock:
// medians and 90th percentiles of the delays as issue 14 defines them (submission → triage,
// referral → answer, submission → conclusion), the share unblocked among concluded cases, and
// disclosure control for anyone but the coordinator (no group under 11, counts rounded to 5, no
// group recomputable from the total).
#include "modules/saisines/service.hpp"

#include "db/migrations.hpp"
#include "db/timestamp.hpp"
#include "modules/accounts/service.hpp"
#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace vigie;
using namespace std::chrono;

namespace {

struct SaisinesService : ::testing::TestWithParam<std::string> {
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  system_clock::time_point now = db::parse_iso_utc("2026-03-01T09:00:00Z");
  std::unique_ptr<accounts::Service> accounts_service;
  std::unique_ptr<plan::Service> plan;
  std::unique_ptr<saisines::Service> service;
  kit::Actor coordinator, association, prefecture;
  std::map<std::string, accounts::Organisation> organisations;

  void SetUp() override {
    database =
        db::Database::open(db::DatabaseUrl::parse(test_support::fresh_database(GetParam())), 1);
    db::Migrator().apply(*database);
    auto clock = [this] { return now; };
    accounts_service = std::make_unique<accounts::Service>(*database, audit, secrets, clock);
    plan = std::make_unique<plan::Service>(*database, audit, clock, "https://vigie.test");
    service = std::make_unique<saisines::Service>(*database, audit, secrets, plan->reports, clock);
    coordinator = member("MIPROF", "coordination", "coord@miprof.test");
    association = member("ASSO", "association", "referente@asso.test");
    prefecture = member("PREF93", "prefecture", "bureau@pref93.test");
  }

  kit::Actor member(const std::string& org, const std::string& type, const std::string& email) {
    organisations[org] =
        accounts_service->add_organisation({org, org, type, "93"}, kit::Actor::system());
    const auto& o = organisations[org];
    auto u = accounts_service->add_user(
        {email, email, org, "referent", "une longue phrase secrete"}, kit::Actor::system());
    kit::Actor a;
    a.user_id = u.user.id;
    a.org_id = o.id;
    a.org_code = o.code;
    a.org_type = o.type;
    a.role = u.user.role;
    return a;
  }

  void later(int days) { now += std::chrono::days(days); }

  // A case filed and submitted now.
  std::int64_t submitted(const std::string& category = "residence_permit") {
    saisines::SaisineInput in;
    in.title = "Blocage";
    in.category = category;
    in.authority = "PREF93";
    in.departement = "93";
    in.persons = 1;
    in.facts = "Demande sans réponse.";
    const auto id = service->file(association, in).saisine.id;
    service->transition(association, id, {"submitted", "", "", ""});
    return id;
  }
  void to(const kit::Actor& who, std::int64_t id, const char* state, const char* message = "",
          const char* summary = "", const char* reason = "") {
    service->transition(who, id, {state, message, summary, reason});
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, SaisinesService,
                         ::testing::ValuesIn(test_support::test_backends()));

TEST_P(SaisinesService, FiguresAreTheMedianAndNinetiethPercentileOfEachDelay) {
  // Three cases submitted on day 0, triaged (and referred) on days 2, 4 and 9; answered on day
  // 19 (the third: 10 days after its referral) and day 24 (the second: 20 days; the first: 22
  // days); on day 24 the second is unblocked and the third is not.
  const std::vector<std::int64_t> ids{submitted(), submitted(), submitted()};
  for (auto [i, wait] : {std::pair{0, 2}, {1, 2}, {2, 5}}) {
    later(wait);
    to(coordinator, ids[i], "accepted");
    to(coordinator, ids[i], "referred", "", "Résumé.");
  }
  later(10);
  to(prefecture, ids[2], "answered", "Réponse.");
  later(5);
  to(prefecture, ids[1], "answered", "Réponse.");
  to(prefecture, ids[0], "answered", "Réponse.");
  to(coordinator, ids[1], "resolved");
  to(coordinator, ids[2], "not_resolved", "Toujours bloqué.", "", "refused");
  const auto f = service->figures(coordinator);
  EXPECT_FALSE(f.controlled);
  EXPECT_EQ(f.overall.cases, 3);
  EXPECT_EQ(f.overall.median_triage, 4.0);
  EXPECT_EQ(f.overall.p90_triage, 9.0);  // nearest rank: the 3rd of 3
  EXPECT_EQ(f.overall.median_answer, 20.0);
  EXPECT_EQ(f.overall.p90_answer, 22.0);
  EXPECT_EQ(f.overall.median_resolution, 24.0);  // both concluded on day 24
  EXPECT_EQ(f.overall.share_unblocked, 50.0);
  ASSERT_EQ(f.by_authority_type.size(), 1u);
  EXPECT_EQ(f.by_authority_type[0].key, "prefecture");
  EXPECT_EQ(f.by_authority_type[0].median_answer, 20.0);
}

TEST_P(SaisinesService, BeyondTheCoordinatorNoGroupUnderElevenAndCountsRoundedToFive) {
  for (int i = 0; i < 12; ++i) submitted("shelter");
  auto f = service->figures(association);
  EXPECT_TRUE(f.controlled);
  EXPECT_EQ(f.overall.cases, 10);  // 12, rounded to 5
  ASSERT_EQ(f.by_category.size(), 1u);
  EXPECT_EQ(f.by_category[0].cases, 10);
  EXPECT_EQ(service->figures(coordinator).by_category[0].cases, 12);  // exact
  // Three cases of another category: suppressed, and the shelter group with it (else the
  // published total minus the shelter count would give the three).
  for (int i = 0; i < 3; ++i) submitted("minors");
  f = service->figures(prefecture);
  ASSERT_EQ(f.by_category.size(), 2u);
  for (const auto& row : f.by_category) {
    EXPECT_FALSE(row.cases) << row.key;
    EXPECT_FALSE(row.median_triage) << row.key;
  }
  EXPECT_EQ(f.overall.cases, 15);
}

TEST_P(SaisinesService, EachTransitionIsDatedAndSignedByItsActor) {
  const auto id = submitted();
  later(3);
  to(coordinator, id, "needs_information", "La date de la plainte manque.");
  const auto v = service->get(association, id);
  ASSERT_EQ(v.timeline.size(), 2u);
  EXPECT_EQ(v.timeline[0].org_code, "ASSO");
  EXPECT_EQ(v.timeline[0].user_id, association.user_id);
  EXPECT_EQ(v.timeline[0].at, "2026-03-01T09:00:00Z");
  EXPECT_EQ(v.timeline[1].org_code, "MIPROF");
  EXPECT_EQ(v.timeline[1].user_id, coordinator.user_id);
  EXPECT_EQ(v.timeline[1].at, "2026-03-04T09:00:00Z");
  EXPECT_EQ(v.timeline[1].message, "La date de la plainte manque.");
  EXPECT_EQ(v.triage_due, "2026-03-11");
}

}  // namespace
