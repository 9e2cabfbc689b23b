// The process's bound on concurrent spreadsheet imports (kit/parse_slots.hpp): beyond its
// slots and its waiting line a request is refused at once with 503 and a Retry-After; a waiter
// gets the slot freed within its wait, or the same refusal when none frees in time.
#include "kit/parse_slots.hpp"
#include "kit/errors.hpp"

#include <gtest/gtest.h>

#include <future>
#include <optional>
#include <thread>

using namespace vigie;
using namespace std::chrono_literals;

namespace {

// The refusal's status parts, or nullopt when a slot was given.
std::optional<kit::DomainError> refusal_of(kit::ParseSlots& slots) {
  try {
    slots.acquire();
  } catch (const kit::DomainError& e) {
    return e;
  }
  return std::nullopt;
}

}  // namespace

TEST(ParseSlots, RefusesBeyondSlotsAndWaitersWithRetryAfter) {
  kit::ParseSlots slots(2, 0, 10s, 7);
  auto a = slots.acquire();
  auto b = slots.acquire();
  EXPECT_EQ(slots.busy(), 2u);
  const auto refused = refusal_of(slots);  // no waiting line: refused without waiting
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->kind(), kit::DomainError::Kind::unavailable);
  EXPECT_EQ(refused->code(), "busy");
  EXPECT_EQ(refused->extra().at("retry_after").as_int64(), 7);
}

TEST(ParseSlots, AWaiterGetsTheSlotFreedDuringItsWait) {
  kit::ParseSlots slots(1, 1, 30s, 5);
  std::optional<kit::ParseSlots::Ticket> held(slots.acquire());
  auto waiter = std::async(std::launch::async, [&] {
    auto t = slots.acquire();  // waits for `held`
    return slots.busy();
  });
  while (slots.waiting() == 0) std::this_thread::yield();
  // The line holds one waiter: with it in, another is refused at once.
  EXPECT_TRUE(refusal_of(slots));
  held.reset();
  EXPECT_EQ(waiter.get(), 1u);
  EXPECT_EQ(slots.busy(), 0u);
}

TEST(ParseSlots, AWaiterIsRefusedWhenNoSlotFreesInTime) {
  kit::ParseSlots slots(1, 1, 50ms, 3);
  auto held = slots.acquire();
  const auto start = std::chrono::steady_clock::now();
  const auto refused = refusal_of(slots);
  ASSERT_TRUE(refused);
  EXPECT_GE(std::chrono::steady_clock::now() - start, 50ms);
  EXPECT_EQ(refused->extra().at("retry_after").as_int64(), 3);
}
