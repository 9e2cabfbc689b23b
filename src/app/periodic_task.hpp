#pragma once
// A job the server runs once per tick of `period` (the campaign reminders), on its own thread,
// started after the server listens and stopped before the database closes.
//
// Ticks are the multiples of `period` since the Unix epoch, so every vigie process sharing the
// database counts the same ticks. At each tick a process first claims (job, tick) by inserting
// a row with a unique key in its own transaction (the table periodic_runs); only the process
// whose insert succeeds runs the job, the others skip that tick. So the job runs once per tick
// across processes, on PostgreSQL and on SQLite alike. A process runs the current tick at start
// (unless another already did), then wakes at each tick boundary. A failing run is logged; the
// tick stays claimed and the job is tried again at the next tick.

#include "db/database.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace vigie::app {

class PeriodicTask {
 public:
  PeriodicTask(db::Database& db, std::string name, std::chrono::seconds period,
               std::function<void()> job);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void start();
  void stop();

  // The tick `at` falls in.
  static std::int64_t tick_of(std::chrono::system_clock::time_point at,
                              std::chrono::seconds period);
  // Claims tick `tick` of job `name` for `by`: true for exactly one caller per (name, tick),
  // whatever the number of processes. Prunes the job's claims older than 30 days.
  static bool claim(db::Database& db, const std::string& name, std::int64_t tick,
                    std::chrono::seconds period, const std::string& by);

 private:
  void run_tick(std::int64_t tick);

  db::Database& db_;
  std::string name_;
  std::chrono::seconds period_;
  std::function<void()> job_;
  std::string process_;  // who claims: host and process id, for the operator
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace vigie::app
