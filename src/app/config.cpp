#include "app/config.hpp"

#include <toml++/toml.h>

#include <functional>
#include <map>
#include <set>

namespace vigie::app {

namespace {

std::string where(const std::filesystem::path& file, const toml::node& n) {
  return file.string() + ":" + std::to_string(n.source().begin.line);
}

template <class T>
T get(const std::filesystem::path& file, const std::string& key, const toml::node& n,
      const char* expected) {
  if (auto v = n.value_exact<T>()) return *v;
  throw ConfigError(where(file, n) + ": " + key + " must be " + expected);
}

int get_int(const std::filesystem::path& file, const std::string& key, const toml::node& n, int lo,
            int hi) {
  auto v = get<std::int64_t>(file, key, n, "an integer");
  if (v < lo || v > hi)
    throw ConfigError(where(file, n) + ": " + key + " must be between " + std::to_string(lo) +
                      " and " + std::to_string(hi) + " (got " + std::to_string(v) + ")");
  return static_cast<int>(v);
}

}  // namespace

ListenAddress ListenAddress::parse(const std::string& text, const std::string& key) {
  ListenAddress out;
  std::string port;
  if (!text.empty() && text.front() == '[') {
    auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      throw ConfigError(key + " must be HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080 (got '" +
                        text + "')");
    out.host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
      throw ConfigError(key + " must be HOST:PORT, e.g. 127.0.0.1:8080 (got '" + text + "')");
    out.host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (port.empty() || port.size() > 5 ||
      port.find_first_not_of("0123456789") != std::string::npos || std::stoi(port) > 65535)
    throw ConfigError(key + " has an invalid port '" + port + "' (0-65535)");
  out.port = static_cast<std::uint16_t>(std::stoi(port));
  if (out.host == "localhost") out.host = "127.0.0.1";
  return out;
}

std::string Config::effective_db_url() const {
  if (!db_url.empty()) return db_url;
  return "sqlite:" + (data_dir / "vigie.db").string();
}

void load_toml_file(const std::filesystem::path& file, Config& c) {
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError(file.string() + ":" + std::to_string(e.source().begin.line) +
                      ": not valid TOML: " + std::string(e.description()));
  }

  using Setter = std::function<void(const std::string&, const toml::node&)>;
  const std::map<std::string, std::map<std::string, Setter>> sections = {
      {"server",
       {
           {"listen",
            [&](auto& k, auto& n) {
              c.listen = get<std::string>(file, k, n, "a string like \"127.0.0.1:8080\"");
              ListenAddress::parse(c.listen, where(file, n) + ": " + k);
            }},
           {"web_root",
            [&](auto& k, auto& n) { c.web_root = get<std::string>(file, k, n, "a path"); }},
           {"access_log",
            [&](auto& k, auto& n) {
              c.access_log = get<std::string>(file, k, n, "\"-\", \"off\" or a file path");
            }},
           {"io_threads", [&](auto& k, auto& n) { c.io_threads = get_int(file, k, n, 1, 64); }},
           {"worker_threads",
            [&](auto& k, auto& n) { c.worker_threads = get_int(file, k, n, 1, 256); }},
           {"body_limit",
            [&](auto& k, auto& n) {
              c.body_limit = static_cast<std::size_t>(get_int(file, k, n, 1024, 64 << 20));
            }},
           {"hsts", [&](auto& k, auto& n) { c.hsts = get<bool>(file, k, n, "true or false"); }},
           {"trust_forwarded_for",
            [&](auto& k, auto& n) {
              c.trust_forwarded_for = get<bool>(file, k, n, "true or false");
            }},
           {"secure_cookies",
            [&](auto& k, auto& n) { c.secure_cookies = get<bool>(file, k, n, "true or false"); }},
           {"reminder_interval",
            [&](auto& k, auto& n) { c.reminder_interval = get_int(file, k, n, 1, 86400); }},
       }},
      {"saisines",
       {
           {"triage_days",
            [&](auto& k, auto& n) { c.saisine_triage_days = get_int(file, k, n, 1, 365); }},
           {"answer_days",
            [&](auto& k, auto& n) { c.saisine_answer_days = get_int(file, k, n, 1, 365); }},
           {"escalation_days",
            [&](auto& k, auto& n) { c.saisine_escalation_days = get_int(file, k, n, 1, 365); }},
       }},
      {"database",
       {
           {"url",
            [&](auto& k, auto& n) {
              c.db_url = get<std::string>(file, k, n, "a string (sqlite:PATH or postgresql://...)");
            }},
           {"pool_size", [&](auto& k, auto& n) { c.db_pool_size = get_int(file, k, n, 1, 256); }},
           {"migrate_on_start",
            [&](auto& k, auto& n) { c.migrate_on_start = get<bool>(file, k, n, "true or false"); }},
       }},
      {"mail",
       {
           {"smtp_url",
            [&](auto& k, auto& n) {
              c.smtp_url = get<std::string>(file, k, n, "a string like \"smtp://127.0.0.1:25\"");
            }},
           {"from",
            [&](auto& k, auto& n) {
              c.mail_from = get<std::string>(file, k, n, "an e-mail address");
            }},
           {"username",
            [&](auto& k, auto& n) { c.smtp_username = get<std::string>(file, k, n, "a string"); }},
           {"password",
            [&](auto& k, auto& n) { c.smtp_password = get<std::string>(file, k, n, "a string"); }},
           {"public_url",
            [&](auto& k, auto& n) {
              c.public_url =
                  get<std::string>(file, k, n, "a URL like \"https://vigie.example.gouv.fr\"");
            }},
       }},
      {"oidc",
       {
           {"issuer",
            [&](auto& k, auto& n) {
              c.oidc_issuer = get<std::string>(file, k, n, "the provider's issuer URL");
            }},
           {"client_id",
            [&](auto& k, auto& n) { c.oidc_client_id = get<std::string>(file, k, n, "a string"); }},
           {"client_secret",
            [&](auto& k, auto& n) {
              c.oidc_client_secret = get<std::string>(file, k, n, "a string");
            }},
           {"redirect_url",
            [&](auto& k, auto& n) {
              c.oidc_redirect_url =
                  get<std::string>(file, k, n, "a URL ending in /api/v1/auth/oidc/callback");
            }},
           {"label",
            [&](auto& k, auto& n) { c.oidc_label = get<std::string>(file, k, n, "a string"); }},
           {"trust_email",
            [&](auto& k, auto& n) { c.oidc_trust_email = get<bool>(file, k, n, "true or false"); }},
       }},
      {"storage",
       {
           {"data_dir",
            [&](auto& k, auto& n) { c.data_dir = get<std::string>(file, k, n, "a path"); }},
       }},
  };

  for (const auto& [section, node] : root) {
    const std::string sname(section.str());
    auto sit = sections.find(sname);
    if (sit == sections.end()) {
      std::string known;
      for (const auto& [s, _] : sections) known += (known.empty() ? "" : ", ") + s;
      throw ConfigError(where(file, node) + ": unknown section [" + sname + "] (known: " + known +
                        ")");
    }
    const auto* table = node.as_table();
    if (!table) throw ConfigError(where(file, node) + ": " + sname + " must be a [section]");
    for (const auto& [key, value] : *table) {
      const std::string kname(key.str());
      auto kit = sit->second.find(kname);
      if (kit == sit->second.end()) {
        std::string known;
        for (const auto& [k, _] : sit->second) known += (known.empty() ? "" : ", ") + k;
        throw ConfigError(where(file, value) + ": unknown key " + sname + "." + kname +
                          " (known in [" + sname + "]: " + known + ")");
      }
      kit->second(sname + "." + kname, value);
    }
  }
}

void validate(const Config& c) {
  ListenAddress::parse(c.listen, "listen");
  if (c.io_threads < 1 || c.io_threads > 64) throw ConfigError("io_threads must be 1-64");
  if (c.worker_threads < 1 || c.worker_threads > 256)
    throw ConfigError("worker_threads must be 1-256");
  if (c.db_pool_size < 1 || c.db_pool_size > 256) throw ConfigError("pool_size must be 1-256");
  if (c.body_limit < 1024) throw ConfigError("body_limit must be at least 1024 bytes");
  if (c.reminder_interval < 1 || c.reminder_interval > 86400)
    throw ConfigError("reminder_interval must be 1-86400 seconds");
  if (c.data_dir.empty()) throw ConfigError("data_dir must not be empty");
}

}  // namespace vigie::app
