#include "security/file_box.hpp"

#include <sodium.h>

namespace vigie::security {

namespace {
constexpr std::string_view kKeyPurpose = "saisine_attachments.key";
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kKey = crypto_aead_xchacha20poly1305_ietf_KEYBYTES;
}  // namespace

SealedFile seal_file(const SecretBox& box, std::string_view plain, std::string_view stored_name) {
  std::string key(kKey, '\0');
  crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char*>(key.data()));
  SealedFile out;
  out.bytes.assign(kNonce + plain.size() + kTag, '\0');
  auto* raw = reinterpret_cast<unsigned char*>(out.bytes.data());
  randombytes_buf(raw, kNonce);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      raw + kNonce, &len, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
      reinterpret_cast<const unsigned char*>(stored_name.data()), stored_name.size(), nullptr, raw,
      reinterpret_cast<const unsigned char*>(key.data()));
  out.wrapped_key = box.seal(key, kKeyPurpose);
  sodium_memzero(key.data(), key.size());
  return out;
}

std::string open_file(const SecretBox& box, std::string_view bytes, std::string_view wrapped_key,
                      std::string_view stored_name) {
  std::string key = box.open(wrapped_key, kKeyPurpose);
  if (key.size() != kKey || bytes.size() < kNonce + kTag)
    throw SecretBoxError("a stored file is malformed");
  const auto* raw = reinterpret_cast<const unsigned char*>(bytes.data());
  std::string plain(bytes.size() - kNonce - kTag, '\0');
  unsigned long long len = 0;
  const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
      reinterpret_cast<unsigned char*>(plain.data()), &len, nullptr, raw + kNonce,
      bytes.size() - kNonce, reinterpret_cast<const unsigned char*>(stored_name.data()),
      stored_name.size(), raw, reinterpret_cast<const unsigned char*>(key.data()));
  sodium_memzero(key.data(), key.size());
  if (rc != 0) throw SecretBoxError("a stored file does not open with this key file");
  plain.resize(len);
  return plain;
}

}  // namespace vigie::security
