#include "security/session_token.hpp"

#include <sodium.h>

namespace vigie::security {

namespace {
std::string random_b64(std::size_t bytes) {
  unsigned char raw[64];
  randombytes_buf(raw, bytes);
  char out[sodium_base64_ENCODED_LEN(64, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, raw, bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}
}  // namespace

std::string new_session_token() {
  return random_b64(32);
}
std::string new_csrf_token() {
  return random_b64(32);
}

std::string hash_session_token(std::string_view token) {
  unsigned char h[32];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  char hex[65];
  sodium_bin2hex(hex, sizeof hex, h, sizeof h);
  return hex;
}

}  // namespace vigie::security
