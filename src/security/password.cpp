#include "security/password.hpp"

#include "security/common_passwords.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <semaphore>
#include <stdexcept>

namespace vigie::security {

namespace {

constexpr unsigned long long kOps = 2;
constexpr std::size_t kMem = 19u * 1024 * 1024;
std::counting_semaphore<2> hashing_slots(2);

struct Slot {
  Slot() { hashing_slots.acquire(); }
  ~Slot() { hashing_slots.release(); }
};

std::size_t code_points(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

const std::string& dummy_hash() {
  static const std::string h = hash_password("vigie-dummy-password-for-timing");
  return h;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view email) {
  if (password.size() > 1024) return "too_long";
  if (code_points(password) < 12) return "too_short";
  std::string lowered(password);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (is_common_password(lowered)) return "common";
  auto local = email.substr(0, email.find('@'));
  if (local.size() >= 4 && lowered.find(std::string(local)) != std::string::npos)
    return "contains_email";
  return std::nullopt;
}

std::string hash_password(std::string_view password) {
  char out[crypto_pwhash_STRBYTES];
  Slot slot;
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOps, kMem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("out of memory while hashing a password");
  return out;
}

bool verify_password(std::string_view hash, std::string_view password) {
  const std::string& h = hash.empty() ? dummy_hash() : std::string(hash);
  Slot slot;
  bool ok = crypto_pwhash_str_verify(h.c_str(), password.data(), password.size()) == 0;
  return ok && !hash.empty();
}

}  // namespace vigie::security
