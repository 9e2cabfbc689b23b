// The outbox refuses to queue a body it cannot seal (mail/outbox.hpp): every unit test runs
// with a key installed, as serve installs the key file's.
#include "mail/outbox.hpp"
#include "security/random.hpp"

#include <gtest/gtest.h>

namespace {

class OutboxKey : public ::testing::Environment {
 public:
  void SetUp() override {
    vigie::security::init();
    std::array<unsigned char, 32> master{};
    for (std::size_t i = 0; i < master.size(); ++i) master[i] = static_cast<unsigned char>(i + 7);
    vigie::mail::use_outbox_key(vigie::security::SecretBox(master));
  }
};

const auto* const installed = ::testing::AddGlobalTestEnvironment(new OutboxKey);

}  // namespace
