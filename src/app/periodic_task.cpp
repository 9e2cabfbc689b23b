#include "app/periodic_task.hpp"

#include "db/timestamp.hpp"

#include <spdlog/spdlog.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <limits>

namespace vigie::app {

namespace {

std::string process_name() {
  std::array<char, 256> host{};
  if (gethostname(host.data(), host.size() - 1) != 0) host[0] = '\0';
  return std::string(host.data()) + ":" + std::to_string(getpid());
}

}  // namespace

PeriodicTask::PeriodicTask(db::Database& db, std::string name, std::chrono::seconds period,
                           std::function<void()> job)
    : db_(db),
      name_(std::move(name)),
      period_(period),
      job_(std::move(job)),
      process_(process_name()) {}

PeriodicTask::~PeriodicTask() {
  stop();
}

std::int64_t PeriodicTask::tick_of(std::chrono::system_clock::time_point at,
                                   std::chrono::seconds period) {
  const auto since_epoch = std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch());
  return since_epoch.count() / period.count();
}

bool PeriodicTask::claim(db::Database& db, const std::string& name, std::int64_t tick,
                         std::chrono::seconds period, const std::string& by) {
  return db.transact([&](soci::session& s) {
    // ON CONFLICT DO NOTHING rather than catching a unique violation: on PostgreSQL a failed
    // statement aborts the whole transaction. A concurrent insert of the same key waits for the
    // first transaction and then does nothing, so exactly one insert affects a row.
    const long long t = tick;
    const std::string at = db::iso_utc_now();
    soci::statement insert =
        (s.prepare << "INSERT INTO periodic_runs (job, tick, claimed_by, claimed_at) "
                      "VALUES (:j, :t, :b, :a) ON CONFLICT (job, tick) DO NOTHING",
         soci::use(name), soci::use(t), soci::use(by), soci::use(at));
    insert.execute(true);
    const bool mine = insert.get_affected_rows() == 1;
    if (mine) {
      const long long old = tick - std::max<long long>(1, 30 * 86400 / period.count());
      s << "DELETE FROM periodic_runs WHERE job = :j AND tick < :o", soci::use(name),
          soci::use(old);
    }
    return mine;
  });
}

void PeriodicTask::run_tick(std::int64_t tick) {
  try {
    if (!claim(db_, name_, tick, period_, process_)) {
      spdlog::info("{}: tick {} already run by another process", name_, tick);
      return;
    }
    spdlog::info("{}: tick {} runs here", name_, tick);
    job_();
  } catch (const std::exception& e) {
    spdlog::error("{}: tick {}: {}", name_, tick, e.what());
  }
}

void PeriodicTask::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    auto last = std::numeric_limits<std::int64_t>::min();
    while (!stopping_) {
      // A wake-up inside the tick already run (the wall clock stepped back) runs nothing.
      if (const auto tick = tick_of(std::chrono::system_clock::now(), period_); tick != last) {
        lock.unlock();
        run_tick(tick);
        lock.lock();
        last = tick;
      }
      // Wake at the next boundary (wait_until on the system clock, as ticks are wall-clock).
      const std::chrono::system_clock::time_point next{period_ * (last + 1)};
      cv_.wait_until(lock, next, [this] { return stopping_; });
    }
  });
}

void PeriodicTask::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace vigie::app
