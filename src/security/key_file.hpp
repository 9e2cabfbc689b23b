#pragma once
// The key file holds Vigie's secrets: the audit-chain HMAC key and the key that encrypts
// sensitive fields at rest. It lives in the data directory (mode 0400), is written once by
// `vigie keys init`, and `serve` refuses to start without it (except in demo mode, which
// creates one). Losing it makes the audit chain unverifiable and encrypted fields unreadable:
// back it up with the database.

#include <array>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace vigie::security {

class KeyFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Keys {
  std::array<unsigned char, 32> audit_hmac{};
  std::array<unsigned char, 32> encryption{};
};

std::filesystem::path key_file_path(const std::filesystem::path& data_dir);

// Creates a new key file with fresh random keys, mode 0400. Throws KeyFileError if the file
// exists (keys are never replaced silently) or cannot be written.
Keys create_key_file(const std::filesystem::path& data_dir);

// Reads the key file. Throws KeyFileError naming the path and the problem (missing, readable
// by others, malformed).
Keys load_key_file(const std::filesystem::path& data_dir);

}  // namespace vigie::security
