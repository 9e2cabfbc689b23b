// Several vigie processes on one database, simulated by several Database pools on one URL:
// the mail outbox claims each due message once, and a periodic job's tick is claimed by one
// caller only. On SQLite and, when configured, PostgreSQL.
#include "app/periodic_task.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "mail/outbox.hpp"

#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace vigie;

namespace {

class ScaleOut : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    url_ = test_support::fresh_database(GetParam());
    for (int i = 0; i < 3; ++i)
      processes_.push_back(db::Database::open(db::DatabaseUrl::parse(url_), 4));
    db::Migrator().apply(*processes_[0]);
  }
  std::string url_;
  std::vector<std::unique_ptr<db::Database>> processes_;
};
INSTANTIATE_TEST_SUITE_P(Backends, ScaleOut, ::testing::ValuesIn(test_support::test_backends()));

}  // namespace

TEST_P(ScaleOut, EachDueMessageIsClaimedByOneSenderOnly) {
  constexpr int kMessages = 120;
  processes_[0]->transact([](soci::session& s) {
    for (int i = 0; i < kMessages; ++i)
      mail::enqueue(s, {"r" + std::to_string(i) + "@example.test", "subject", "body"});
  });
  // Nothing listens on port 1: every send fails at once and records one attempt on the row it
  // claimed. A row claimed by two senders would show two attempts.
  std::vector<std::thread> senders;
  for (auto& p : processes_)
    for (int t = 0; t < 2; ++t)
      senders.emplace_back([&db = *p] {
        mail::Sender sender(db, {"smtp://127.0.0.1:1", "vigie@example.test", "", ""});
        for (int round = 0; round < 20; ++round) sender.deliver_due();
      });
  for (auto& t : senders) t.join();
  int rows = 0, once = 0;
  *processes_[0]->lease() << "SELECT count(*), sum(CASE WHEN attempts = 1 THEN 1 ELSE 0 END) "
                             "FROM mail_outbox",
      soci::into(rows), soci::into(once);
  EXPECT_EQ(rows, kMessages);
  EXPECT_EQ(once, kMessages);
}

TEST_P(ScaleOut, ATickIsClaimedOnceWhateverTheNumberOfCallers) {
  const auto period = std::chrono::seconds(3600);
  for (std::int64_t tick = 1000; tick < 1010; ++tick) {
    std::atomic<int> winners = 0;
    std::vector<std::thread> callers;
    for (std::size_t i = 0; i < processes_.size(); ++i)
      for (int t = 0; t < 2; ++t)
        callers.emplace_back([&, i, t] {
          if (app::PeriodicTask::claim(*processes_[i], "job", tick, period,
                                       "p" + std::to_string(i) + "." + std::to_string(t)))
            ++winners;
        });
    for (auto& c : callers) c.join();
    EXPECT_EQ(winners, 1) << "tick " << tick;
  }
  // Another job's ticks are its own; claims older than 30 days are pruned.
  EXPECT_TRUE(app::PeriodicTask::claim(*processes_[1], "other", 1000, period, "p1"));
  EXPECT_TRUE(app::PeriodicTask::claim(*processes_[1], "job", 1000 + 31 * 24, period, "p1"));
  int left = 0;
  *processes_[0]->lease() << "SELECT count(*) FROM periodic_runs WHERE job = 'job'",
      soci::into(left);
  EXPECT_EQ(left, 1);
}

TEST(PeriodicTask, TicksAreWallClockMultiplesOfThePeriod) {
  using std::chrono::seconds;
  const std::chrono::system_clock::time_point at{seconds(7200 + 3599)};
  EXPECT_EQ(app::PeriodicTask::tick_of(at, seconds(3600)), 2);
  EXPECT_EQ(app::PeriodicTask::tick_of(at + seconds(1), seconds(3600)), 3);
  EXPECT_EQ(app::PeriodicTask::tick_of(at, seconds(2)), (7200 + 3599) / 2);
}
