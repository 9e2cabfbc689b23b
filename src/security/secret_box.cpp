#include "security/secret_box.hpp"

#include <sodium.h>

#include <vector>

namespace vigie::security {

namespace {
constexpr std::string_view kPrefix = "sb1:";
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
}  // namespace

SecretBox::SecretBox(const std::array<unsigned char, 32>& master) {
  if (sodium_init() < 0) throw SecretBoxError("libsodium cannot start");
  static_assert(crypto_kdf_KEYBYTES == 32);
  crypto_kdf_derive_from_key(key_.data(), key_.size(), 1, "vgfield1", master.data());
}

bool SecretBox::is_sealed(std::string_view value) {
  return value.starts_with(kPrefix);
}

std::string SecretBox::seal(std::string_view plain, std::string_view purpose) const {
  std::vector<unsigned char> out(kNonce + plain.size() + kTag);
  randombytes_buf(out.data(), kNonce);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + kNonce, &len, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
      reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(), nullptr, out.data(),
      key_.data());
  std::string b64(sodium_base64_encoded_len(out.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), out.data(), out.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(b64.size() - 1);  // the terminating NUL
  return std::string(kPrefix) + b64;
}

std::string SecretBox::open(std::string_view sealed, std::string_view purpose) const {
  if (!is_sealed(sealed)) throw SecretBoxError("not a sealed value");
  const auto b64 = sealed.substr(kPrefix.size());
  std::vector<unsigned char> raw(b64.size());
  std::size_t raw_len = 0;
  if (sodium_base642bin(raw.data(), raw.size(), b64.data(), b64.size(), nullptr, &raw_len, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      raw_len < kNonce + kTag)
    throw SecretBoxError("a sealed value is malformed");
  std::string plain(raw_len - kNonce - kTag, '\0');
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(plain.data()), &len, nullptr, raw.data() + kNonce,
          raw_len - kNonce, reinterpret_cast<const unsigned char*>(purpose.data()), purpose.size(),
          raw.data(), key_.data()) != 0)
    throw SecretBoxError("a sealed value does not open with this key file");
  plain.resize(len);
  return plain;
}

}  // namespace vigie::security
