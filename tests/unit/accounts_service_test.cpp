// Session lifetimes with an injected clock (SECURITY.md T16): idle 30 min, absolute 12 h.
#include "modules/accounts/service.hpp"

#include "db/migrations.hpp"
#include "http/problem.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace vigie;
using namespace std::chrono;

namespace {

struct AccountsTest : ::testing::Test {
  std::filesystem::path dir;
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{7}};
  system_clock::time_point now = system_clock::from_time_t(1'800'000'000);
  std::unique_ptr<accounts::Service> service;

  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("vigie-accounts-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    database = db::Database::open(db::DatabaseUrl::parse("sqlite:" + (dir / "t.db").string()), 1);
    db::Migrator().apply(*database);
    service =
        std::make_unique<accounts::Service>(*database, audit, secrets, [this] { return now; });
    service->add_organisation({"ASSO", "Association", "association", "93"}, kit::Actor::system());
    service->add_user({"a@asso.test", "A", "ASSO", "referent", "une longue phrase secrete"},
                      kit::Actor::system());
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  std::string login() {
    auto r =
        service->login({"a@asso.test", "une longue phrase secrete", "", "127.0.0.1", "t", "r"});
    EXPECT_EQ(r.outcome, accounts::LoginResult::Outcome::ok);
    return r.session_token;
  }
};

}  // namespace

TEST_F(AccountsTest, ASessionIdleForMoreThanThirtyMinutesIsOver) {
  auto token = login();
  now += minutes(29);
  EXPECT_TRUE(service->session(token));
  now += minutes(29);  // used 29 minutes ago: still alive
  EXPECT_TRUE(service->session(token));
  now += minutes(31);
  EXPECT_FALSE(service->session(token));
}

TEST_F(AccountsTest, ASessionEndsAfterTwelveHoursEvenWhenUsed) {
  auto token = login();
  for (int i = 0; i < 23; ++i) {
    now += minutes(29);
    EXPECT_TRUE(service->session(token)) << i;
  }
  now += minutes(29);  // 12 h 0 min
  now += minutes(2);
  EXPECT_FALSE(service->session(token));
}

TEST_F(AccountsTest, TheThrottleDelayGrowsAndExpires) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(service->login({"a@asso.test", "faux", "", "10.0.0.1", "t", "r"}).outcome,
              accounts::LoginResult::Outcome::invalid);
  auto r = service->login({"a@asso.test", "faux", "", "10.0.0.1", "t", "r"});
  EXPECT_EQ(r.outcome, accounts::LoginResult::Outcome::throttled);
  now += seconds(r.retry_after_seconds);
  EXPECT_EQ(service->login({"a@asso.test", "une longue phrase secrete", "", "10.0.0.1", "t", "r"})
                .outcome,
            accounts::LoginResult::Outcome::ok);
}

TEST_F(AccountsTest, InvalidInputIsRefusedFieldByField) {
  try {
    service->add_user({"pas-un-email", "", "NOPE", "chef", "court"}, kit::Actor::system());
    FAIL();
  } catch (const kit::DomainError& e) {
    EXPECT_EQ(e.kind(), kit::DomainError::Kind::invalid);
    std::vector<std::string> fields;
    for (const auto& err : e.fields()) fields.push_back(err.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"email", "display_name", "role", "password"}));
  }
}
