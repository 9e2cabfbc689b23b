#include "db/database_url.hpp"

#include <regex>

namespace vigie::db {

DatabaseUrl DatabaseUrl::parse(std::string_view url) {
  DatabaseUrl out;
  if (url.starts_with("sqlite:")) {
    out.backend = Backend::sqlite;
    out.sqlite_path = std::string(url.substr(7));
    if (out.sqlite_path.starts_with("//")) out.sqlite_path.erase(0, 2);
    if (out.sqlite_path.empty())
      throw std::invalid_argument("a sqlite URL needs a file path, e.g. sqlite:var/vigie.db");
    if (out.sqlite_path == ":memory:")
      throw std::invalid_argument(
          "an in-memory SQLite database cannot use WAL; give a file path, e.g. sqlite:var/vigie.db");
    return out;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    out.backend = Backend::postgresql;
    out.conninfo = std::string(url);
    return out;
  }
  throw std::invalid_argument("unknown database URL '" + std::string(url.substr(0, 40)) +
                              "': use sqlite:PATH or postgresql://user:password@host:port/dbname");
}

std::string DatabaseUrl::redacted() const {
  if (backend == Backend::sqlite) return "sqlite:" + sqlite_path;
  static const std::regex password(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
  auto masked = std::regex_replace(conninfo, password, "$1***@");
  static const std::regex param(R"(([?&]password=)[^&]*)");
  return std::regex_replace(masked, param, "$1***");
}

}  // namespace vigie::db
