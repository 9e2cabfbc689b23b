#include "security/totp.hpp"

#include <liboath/oath.h>
#include <sodium.h>

#include <mutex>
#include <stdexcept>
#include <vector>

namespace vigie::security {

namespace {

void ensure_oath() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (oath_init() != OATH_OK) throw std::runtime_error("liboath could not start");
  });
}

std::vector<char> decode(std::string_view b32) {
  ensure_oath();
  char* out = nullptr;
  size_t len = 0;
  std::string in(b32);
  if (oath_base32_decode(in.c_str(), in.size(), &out, &len) != OATH_OK)
    throw std::invalid_argument("the TOTP secret is not base32");
  std::vector<char> v(out, out + len);
  sodium_memzero(out, len);
  free(out);
  return v;
}

}  // namespace

std::string new_totp_secret() {
  ensure_oath();
  unsigned char raw[20];
  randombytes_buf(raw, sizeof raw);
  char* out = nullptr;
  size_t len = 0;
  oath_base32_encode(reinterpret_cast<const char*>(raw), sizeof raw, &out, &len);
  std::string s(out, len);
  free(out);
  while (!s.empty() && s.back() == '=') s.pop_back();
  return s;
}

std::optional<std::int64_t> totp_step(std::string_view secret, std::string_view code,
                                      std::time_t now) {
  if (code.size() != 6) return std::nullopt;
  for (char c : code)
    if (c < '0' || c > '9') return std::nullopt;
  auto key = decode(secret);
  std::string otp(code);
  int pos = 0;
  int r = oath_totp_validate2(key.data(), key.size(), now, OATH_TOTP_DEFAULT_TIME_STEP_SIZE, 0, 1,
                              &pos, otp.c_str());
  sodium_memzero(key.data(), key.size());
  if (r < 0) return std::nullopt;
  return static_cast<std::int64_t>(now / OATH_TOTP_DEFAULT_TIME_STEP_SIZE) + pos;
}

bool totp_valid(std::string_view secret, std::string_view code, std::time_t now) {
  return totp_step(secret, code, now).has_value();
}

std::string totp_now(std::string_view secret, std::time_t now) {
  auto key = decode(secret);
  char otp[7];
  oath_totp_generate(key.data(), key.size(), now, OATH_TOTP_DEFAULT_TIME_STEP_SIZE, 0, 6, otp);
  return otp;
}

std::string totp_uri(std::string_view secret, std::string_view account) {
  return "otpauth://totp/Vigie:" + std::string(account) + "?secret=" + std::string(secret) +
         "&issuer=Vigie&algorithm=SHA1&digits=6&period=30";
}

}  // namespace vigie::security
