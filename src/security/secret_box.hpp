#pragma once
// Secrets at rest: a field the database must hold (a TOTP secret, a PKCE verifier) is sealed
// with XChaCha20-Poly1305 (libsodium, random 192-bit nonce) under a key derived from the key
// file's `encryption` key, so a copy of the database without the key file yields nothing
// usable. The associated data names what the value is ("users.totp_secret"), so a sealed value
// moved into another column does not open. Sealed text is "sb1:" + base64(nonce || ciphertext),
// printable for a TEXT column on SQLite and PostgreSQL alike.

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::security {

class SecretBoxError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SecretBox {
 public:
  // Derives the field key from the key file's encryption key (crypto_kdf, context "vgfield1").
  explicit SecretBox(const std::array<unsigned char, 32>& master);

  std::string seal(std::string_view plain, std::string_view purpose) const;
  // Throws SecretBoxError when the value is not sealed, was altered, or was sealed for another
  // purpose or under another key.
  std::string open(std::string_view sealed, std::string_view purpose) const;
  static bool is_sealed(std::string_view value);

 private:
  std::array<unsigned char, 32> key_{};
};

}  // namespace vigie::security
