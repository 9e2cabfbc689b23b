// Login throttling under concurrency and behind one address (issue 10, items 4 and 5), on
// SQLite and PostgreSQL: concurrent wrong passwords get exactly the tries sequential ones get,
// and many failures from one address slow that address down without locking out its accounts.
#include "db/migrations.hpp"
#include "db/timestamp.hpp"
#include "modules/accounts/service.hpp"
#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <mutex>
#include <thread>

using namespace vigie;
using namespace std::chrono;
using Outcome = accounts::LoginResult::Outcome;

namespace {

constexpr const char* kPassword = "une longue phrase secrete";

struct LoginThrottle : ::testing::TestWithParam<std::string> {
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  std::mutex clock_mu;
  system_clock::time_point now = db::parse_iso_utc("2026-03-01T09:00:00Z");
  std::unique_ptr<accounts::Service> service;

  void SetUp() override {
    database =
        db::Database::open(db::DatabaseUrl::parse(test_support::fresh_database(GetParam())), 12);
    db::Migrator().apply(*database);
    service = std::make_unique<accounts::Service>(*database, audit, secrets, [this] {
      std::lock_guard l(clock_mu);
      return now;
    });
    service->add_organisation({"ASSO", "Association", "association", "93"}, kit::Actor::system());
    for (const char* e : {"a@asso.test", "b@asso.test", "c@asso.test"})
      service->add_user({e, "X", "ASSO", "referent", kPassword}, kit::Actor::system());
  }
  void advance(seconds d) {
    std::lock_guard l(clock_mu);
    now += d;
  }
  Outcome login(const std::string& email, const std::string& password,
                const std::string& remote = "10.0.0.1") {
    return service->login({email, password, "", remote, "t", "r"}).outcome;
  }
  int failures_recorded(const std::string& email) {
    return database->read([&](soci::session& s) {
      int n = 0;
      s << "SELECT count(*) FROM login_attempts WHERE email = :e AND success = 0", soci::use(email),
          soci::into(n);
      return n;
    });
  }
};

}  // namespace

TEST_P(LoginThrottle, TwelveSimultaneousWrongPasswordsGetFiveTriesLikeSequentialOnes) {
  constexpr int kThreads = 12;
  std::barrier start(kThreads);
  std::atomic<int> invalid = 0, throttled = 0, other = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&] {
      start.arrive_and_wait();
      const auto o = login("a@asso.test", "pas le bon mot de passe");
      (o == Outcome::invalid ? invalid : o == Outcome::throttled ? throttled : other)++;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(invalid.load(), 5);
  EXPECT_EQ(throttled.load(), 7);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(failures_recorded("a@asso.test"), 5);
}

TEST_P(LoginThrottle, TheRightPasswordIsRefusedWhileTheAccountIsThrottled) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("a@asso.test", "faux"), Outcome::invalid);
  EXPECT_EQ(login("a@asso.test", kPassword), Outcome::throttled);
  EXPECT_EQ(login("a@asso.test", kPassword, "10.9.9.9"), Outcome::throttled);  // any address
}

TEST_P(LoginThrottle, CredentialStuffingFromOneAddressSlowsItWithoutLockingItsAccountsOut) {
  EXPECT_EQ(login("b@asso.test", kPassword), Outcome::ok);  // b logs in from the office
  // 50 failures from the office address over 50 unknown accounts, at once.
  int n = 0;
  for (; n < 50; ++n)
    EXPECT_EQ(login("x" + std::to_string(n) + "@asso.test", "faux"), Outcome::invalid) << n;
  // From now on the address is slowed: the next guess waits a second.
  auto r = service->login({"x50@asso.test", "faux", "", "10.0.0.1", "t", "r"});
  ASSERT_EQ(r.outcome, Outcome::throttled);
  EXPECT_EQ(r.retry_after_seconds, 1);
  // b, who logged in from there before, gets in at once with the right password.
  EXPECT_EQ(login("b@asso.test", kPassword), Outcome::ok);
  // c never did: slowed by a second, not locked out for 15 minutes.
  r = service->login({"c@asso.test", kPassword, "", "10.0.0.1", "t", "r"});
  ASSERT_EQ(r.outcome, Outcome::throttled);
  EXPECT_EQ(r.retry_after_seconds, 1);
  advance(seconds(1));
  EXPECT_EQ(login("c@asso.test", kPassword), Outcome::ok);
  // Another address is not slowed at all.
  EXPECT_EQ(login("y@asso.test", "faux", "10.0.0.2"), Outcome::invalid);
  // Each further failure adds a second to the wait, up to 30 s.
  EXPECT_EQ(login("x50@asso.test", "faux"), Outcome::invalid);
  for (n = 51; n < 85; ++n) {
    r = service->login({"x" + std::to_string(n) + "@asso.test", "faux", "", "10.0.0.1", "t", "r"});
    ASSERT_EQ(r.outcome, Outcome::throttled) << n;
    EXPECT_EQ(r.retry_after_seconds, std::min(n - 49, 30)) << n;
    advance(seconds(r.retry_after_seconds));
    EXPECT_EQ(login("x" + std::to_string(n) + "@asso.test", "faux"), Outcome::invalid) << n;
  }
  // Per account, the rule stays strict: b is throttled after its own five failures.
  for (int i = 0; i < 5; ++i) EXPECT_EQ(login("b@asso.test", "faux", "10.0.0.3"), Outcome::invalid);
  EXPECT_EQ(login("b@asso.test", kPassword), Outcome::throttled);
}

INSTANTIATE_TEST_SUITE_P(Backends, LoginThrottle,
                         ::testing::ValuesIn(test_support::test_backends()));
