#pragma once
// Passwords: the policy for new ones (ANSSI/NIST style: at least 12 characters, at most
// 1 KiB, not a common password, no composition rules) and Argon2id hashing (libsodium, the
// OWASP minimum cost: 19 MiB, 2 passes). At most two hashes run at once, so a flood of logins
// cannot take every core.

#include <optional>
#include <string>
#include <string_view>

namespace vigie::security {

// Why a new password is refused, as a stable code ("too_short", "too_long", "common",
// "contains_email"), or nullopt when it is acceptable.
std::optional<std::string> password_problem(std::string_view password, std::string_view email);

// Argon2id hash in the PHC string format ($argon2id$v=19$m=...,t=...,p=...$salt$hash).
std::string hash_password(std::string_view password);

// True when `password` matches `hash`. Takes as long for an unknown account when called
// with an empty hash (a dummy hash is checked), so timing does not reveal who exists.
bool verify_password(std::string_view hash, std::string_view password);

}  // namespace vigie::security
