#include "app/periodic_task.hpp"

#include <spdlog/spdlog.h>

namespace vigie::app {

PeriodicTask::PeriodicTask(std::string name, std::chrono::seconds period, std::function<void()> job)
    : name_(std::move(name)), period_(period), job_(std::move(job)) {}

PeriodicTask::~PeriodicTask() {
  stop();
}

void PeriodicTask::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      try {
        job_();
      } catch (const std::exception& e) {
        spdlog::error("{}: {}", name_, e.what());
      }
      lock.lock();
      cv_.wait_for(lock, period_, [this] { return stopping_; });
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
