#pragma once
// Cryptographically secure randomness (libsodium). init() must run once before any other
// call; it is idempotent and thread-safe.

#include <cstddef>
#include <string>

namespace vigie::security {

// Initialises libsodium; throws std::runtime_error if the library cannot start.
void init();

// `bytes` random bytes, hex-encoded (2 * bytes characters).
std::string random_hex(std::size_t bytes);

}  // namespace vigie::security
