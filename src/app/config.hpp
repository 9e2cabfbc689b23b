#pragma once
// Config is everything `vigie serve` needs to know, gathered from (lowest to highest
// precedence) built-in defaults, the TOML file given by --config, VIGIE_* environment
// variables, and command-line flags. Loading rejects unknown keys and wrong types with one
// line naming the key and what is expected.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace vigie::app {

class ConfigError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
  // Parses "HOST:PORT" or "[IPv6]:PORT"; throws ConfigError naming `key` on a bad value.
  static ListenAddress parse(const std::string& text, const std::string& key);
};

struct Config {
  // [server]
  std::string listen = "127.0.0.1:8080";
  std::filesystem::path web_root = "web/dist";
  std::string access_log = "-";  // "-" = stdout, "off", or a file path
  int io_threads = 2;
  int worker_threads = 4;
  std::size_t body_limit = 1024 * 1024;
  bool hsts = false;
  bool secure_cookies = false;       // HTTPS in front: Secure, __Host- session cookie
  bool trust_forwarded_for = false;  // a reverse proxy on the loopback sets X-Forwarded-For
  int saisine_triage_days = 10;      // [saisines] triage_days: submission → triage target
  int saisine_answer_days = 30;      // [saisines] answer_days: referral → answer target
  int saisine_escalation_days = 15;  // [saisines] escalation_days: overdue → committee flag
  int reminder_interval = 3600;      // seconds between campaign reminder passes (one per tick)
  // [database]
  std::string db_url;  // empty = sqlite:<data_dir>/vigie.db
  int db_pool_size = 8;
  bool migrate_on_start = true;
  // [storage]
  std::filesystem::path data_dir = "var";
  // [mail]
  std::string smtp_url;  // smtp://host:port; empty: no e-mail (invitations cannot be sent)
  std::string mail_from = "vigie@localhost";
  std::string smtp_username, smtp_password;
  std::string public_url = "http://127.0.0.1:8080";  // base of the links put in e-mails
  // [oidc] (ProConnect); empty issuer: off
  std::string oidc_issuer, oidc_client_id, oidc_client_secret, oidc_redirect_url;
  std::string oidc_label = "ProConnect";
  bool oidc_trust_email = false;

  std::string effective_db_url() const;
};

// Reads a TOML file into `config`, overwriting the keys it sets. Throws ConfigError.
void load_toml_file(const std::filesystem::path& file, Config& config);

// Checks ranges across fields (threads, pool size, limits). Throws ConfigError.
void validate(const Config& config);

}  // namespace vigie::app
