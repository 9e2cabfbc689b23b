#include "kit/parse_slots.hpp"

#include "kit/errors.hpp"

namespace vigie::kit {

ParseSlots::ParseSlots(std::size_t slots, std::size_t waiters, std::chrono::milliseconds wait,
                       int retry_after_seconds)
    : slots_(slots), waiters_(waiters), wait_(wait), retry_after_(retry_after_seconds) {}

ParseSlots::Ticket::~Ticket() {
  if (owner_) owner_->release();
}

ParseSlots::Ticket ParseSlots::acquire() {
  std::unique_lock lock(mu_);
  if (busy_ >= slots_) {
    bool free = false;
    if (waiting_ < waiters_) {
      ++waiting_;
      free = freed_.wait_for(lock, wait_, [&] { return busy_ < slots_; });
      --waiting_;
    }
    if (!free)
      throw Unavailable("busy",
                        "Other imports are being read: send the file again in a few seconds.",
                        retry_after_);
  }
  ++busy_;
  return Ticket(this);
}

void ParseSlots::release() {
  {
    std::lock_guard lock(mu_);
    --busy_;
  }
  freed_.notify_one();
}

std::size_t ParseSlots::busy() const {
  std::lock_guard lock(mu_);
  return busy_;
}

std::size_t ParseSlots::waiting() const {
  std::lock_guard lock(mu_);
  return waiting_;
}

ParseSlots& ParseSlots::spreadsheets() {
  static ParseSlots slots(2, 1, std::chrono::seconds(5), 5);
  return slots;
}

}  // namespace vigie::kit
