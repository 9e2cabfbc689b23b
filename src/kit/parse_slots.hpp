#pragma once
// ParseSlots bounds how many uploaded spreadsheets (XLSX or CSV) are parsed and imported at
// once in the process: each holds its table in memory while it runs, so the slots are what
// bounds the peak memory of imports, and the waiting line is bounded too so that imports never
// hold every worker thread. A request takes a slot before it reads its upload, and keeps it
// until its handler returns (the Ticket). When every slot is taken it waits, as one of at most
// `waiters` others, up to `wait`; otherwise, or once the wait is over, it is refused with
// kit::Unavailable "busy" (503) and a Retry-After.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>

namespace vigie::kit {

class ParseSlots {
 public:
  ParseSlots(std::size_t slots, std::size_t waiters, std::chrono::milliseconds wait,
             int retry_after_seconds);
  ParseSlots(const ParseSlots&) = delete;
  ParseSlots& operator=(const ParseSlots&) = delete;

  class Ticket {
   public:
    Ticket(Ticket&& other) noexcept : owner_(other.owner_) { other.owner_ = nullptr; }
    Ticket(const Ticket&) = delete;
    Ticket& operator=(const Ticket&) = delete;
    Ticket& operator=(Ticket&&) = delete;
    ~Ticket();

   private:
    friend class ParseSlots;
    explicit Ticket(ParseSlots* owner) : owner_(owner) {}
    ParseSlots* owner_;
  };

  // A slot, or throws kit::Unavailable (503 with Retry-After) as described above.
  Ticket acquire();

  std::size_t busy() const;     // slots taken
  std::size_t waiting() const;  // requests waiting for one

  // The process's slots for spreadsheet imports: 2 at once, 1 waiting up to 5 s (with the
  // default 4 worker threads, one always stays free for everything else).
  static ParseSlots& spreadsheets();

 private:
  void release();

  const std::size_t slots_, waiters_;
  const std::chrono::milliseconds wait_;
  const int retry_after_;
  mutable std::mutex mu_;
  std::condition_variable freed_;
  std::size_t busy_ = 0, waiting_ = 0;
};

}  // namespace vigie::kit
