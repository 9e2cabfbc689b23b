#pragma once
// Session tokens: 256 random bits sent to the browser once (base64url, in a cookie); only a
// BLAKE2b hash is stored, so a copy of the database does not hold usable sessions.
#include <string>
#include <string_view>
namespace vigie::security {
std::string new_session_token();
std::string hash_session_token(std::string_view token);  // hex
std::string new_csrf_token();
}  // namespace vigie::security
