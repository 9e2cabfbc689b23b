#pragma once
// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30 s, 6 digits, as authenticator
// apps expect), through liboath. Secrets are base32 text.

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

namespace vigie::security {

std::string new_totp_secret();  // 160 random bits, base32
// True when `code` is valid at `now` (one step of clock drift either way).
bool totp_valid(std::string_view secret_base32, std::string_view code, std::time_t now);
// The 30-second time step `code` belongs to, when valid (for refusing a code used twice).
std::optional<std::int64_t> totp_step(std::string_view secret_base32, std::string_view code,
                                      std::time_t now);
// The current code (for tests and the demo).
std::string totp_now(std::string_view secret_base32, std::time_t now);
// otpauth:// URI for an authenticator app.
std::string totp_uri(std::string_view secret_base32, std::string_view account);

}  // namespace vigie::security
