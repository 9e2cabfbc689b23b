#include "security/audit_checkpoint.hpp"

#include "db/timestamp.hpp"

#include <sodium.h>
#include <boost/json.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace vigie::security {

namespace {

std::string mac_of(const std::array<unsigned char, 32>& key, std::int64_t seq,
                   const std::string& hash, const std::string& at) {
  const std::string text =
      "vigie-audit-checkpoint\x1f" + std::to_string(seq) + "\x1f" + hash + "\x1f" + at;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                         key.data());
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

}  // namespace

std::filesystem::path checkpoint_path(const std::filesystem::path& data_dir) {
  return data_dir / "audit.checkpoint";
}

std::optional<SignedCheckpoint> read_checkpoint(const std::filesystem::path& file,
                                                const std::array<unsigned char, 32>& key) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return std::nullopt;
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  if (!in.good() && !in.eof()) throw std::runtime_error("cannot read " + file.string());
  boost::system::error_code jec;
  const auto v = boost::json::parse(text.str(), jec);
  const auto* o = !jec && v.is_object() ? &v.as_object() : nullptr;
  const auto* seq = o ? o->if_contains("seq") : nullptr;
  const auto* hash = o ? o->if_contains("hash") : nullptr;
  const auto* at = o ? o->if_contains("at") : nullptr;
  const auto* mac = o ? o->if_contains("mac") : nullptr;
  if (!seq || !seq->is_int64() || !hash || !hash->is_string() || !at || !at->is_string() || !mac ||
      !mac->is_string())
    throw std::runtime_error(file.string() + " is not an audit checkpoint");
  SignedCheckpoint c{{seq->as_int64(), std::string(hash->as_string())},
                     std::string(at->as_string())};
  const auto want = mac_of(key, c.entry.seq, c.entry.hash, c.at);
  if (sodium_memcmp(want.data(), mac->as_string().data(), want.size()) != 0 ||
      mac->as_string().size() != want.size())
    throw std::runtime_error(file.string() +
                             " does not verify: the checkpoint was changed by hand");
  return c;
}

bool write_checkpoint(const std::filesystem::path& file, const std::array<unsigned char, 32>& key,
                      const AuditCheckpoint& entry) {
  std::optional<SignedCheckpoint> current;
  try {
    current = read_checkpoint(file, key);
  } catch (const std::exception&) {
    // An unreadable or forged file is reported by verification; it is not overwritten here.
    return false;
  }
  if (current && current->entry.seq >= entry.seq) return false;
  const std::string at = db::iso_utc_now();
  boost::json::object o{{"seq", entry.seq},
                        {"hash", entry.hash},
                        {"at", at},
                        {"mac", mac_of(key, entry.seq, entry.hash, at)}};
  const std::string text = boost::json::serialize(o) + "\n";
  const auto tmp = file.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp);
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written || std::rename(tmp.c_str(), file.c_str()) != 0) {
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + file.string());
  }
  return true;
}

}  // namespace vigie::security
