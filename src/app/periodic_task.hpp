#pragma once
// A job the server runs every `period` on its own thread (the campaign reminders), started
// after the server listens and stopped before the database closes. A failing run is logged
// and retried at the next tick.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace vigie::app {

class PeriodicTask {
 public:
  PeriodicTask(std::string name, std::chrono::seconds period, std::function<void()> job);
  ~PeriodicTask();
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void start();  // runs the job once now, then every period
  void stop();

 private:
  std::string name_;
  std::chrono::seconds period_;
  std::function<void()> job_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace vigie::app
