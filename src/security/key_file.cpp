#include "security/key_file.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace vigie::security {

namespace {

std::string hex(const std::array<unsigned char, 32>& k) {
  char out[65];
  sodium_bin2hex(out, sizeof out, k.data(), k.size());
  return out;
}

void unhex(const std::string& text, std::array<unsigned char, 32>& k, const std::string& what) {
  size_t len = 0;
  if (sodium_hex2bin(k.data(), k.size(), text.data(), text.size(), nullptr, &len, nullptr) != 0 ||
      len != k.size())
    throw KeyFileError("key file: " + what + " is not 64 hexadecimal characters");
}

}  // namespace

std::filesystem::path key_file_path(const std::filesystem::path& data_dir) {
  return data_dir / "vigie.key";
}

Keys create_key_file(const std::filesystem::path& data_dir) {
  const auto path = key_file_path(data_dir);
  std::filesystem::create_directories(data_dir);
  if (std::filesystem::exists(path))
    throw KeyFileError(path.string() + " already exists; Vigie never replaces keys");
  Keys k;
  randombytes_buf(k.audit_hmac.data(), k.audit_hmac.size());
  randombytes_buf(k.encryption.data(), k.encryption.size());
  {
    std::ofstream out(path, std::ios::out | std::ios::trunc);
    if (!out) throw KeyFileError("cannot write " + path.string());
    out << "# Vigie keys. Back this file up with the database; never share it.\n"
        << "audit_hmac = " << hex(k.audit_hmac) << "\n"
        << "encryption = " << hex(k.encryption) << "\n";
  }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read,
                               std::filesystem::perm_options::replace);
  return k;
}

Keys load_key_file(const std::filesystem::path& data_dir) {
  const auto path = key_file_path(data_dir);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw KeyFileError("no key file at " + path.string() + "; create it with `vigie keys init`");
  if (st.st_mode & (S_IRWXG | S_IRWXO))
    throw KeyFileError(path.string() + " is readable by other users; chmod 0400 it");
  std::ifstream in(path);
  std::string line;
  bool audit = false, enc = false;
  Keys k;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto eq = line.find('=');
    if (eq == std::string::npos) throw KeyFileError("key file: malformed line in " + path.string());
    auto name = line.substr(0, line.find_last_not_of(' ', eq - 1) + 1);
    auto value = line.substr(line.find_first_not_of(' ', eq + 1));
    if (name == "audit_hmac")
      unhex(value, k.audit_hmac, name), audit = true;
    else if (name == "encryption")
      unhex(value, k.encryption, name), enc = true;
  }
  if (!audit || !enc) throw KeyFileError("key file " + path.string() + " lacks a key");
  return k;
}

}  // namespace vigie::security
