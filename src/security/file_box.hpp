#pragma once
// Files at rest: each file is encrypted with a key of its own (XChaCha20-Poly1305, libsodium,
// random 192-bit nonce, the file's stored name as associated data, so that a file swapped for
// another does not open); that key is wrapped by the SecretBox (the key file's field key). A
// copy of the file store and the database without the key file yields no file. The stored
// bytes are nonce || ciphertext.

#include "security/secret_box.hpp"

#include <string>
#include <string_view>

namespace vigie::security {

struct SealedFile {
  std::string bytes;        // what goes to disk
  std::string wrapped_key;  // what goes to the database ("sb1:…")
};

SealedFile seal_file(const SecretBox& box, std::string_view plain, std::string_view stored_name);
// Throws SecretBoxError when the key does not unwrap or the bytes were altered or swapped.
std::string open_file(const SecretBox& box, std::string_view bytes, std::string_view wrapped_key,
                      std::string_view stored_name);

}  // namespace vigie::security
