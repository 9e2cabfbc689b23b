#include "db/database_url.hpp"

#include <boost/url/parse.hpp>

#include <regex>

namespace vigie::db {

namespace {

std::string quote(std::string_view v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

// SOCI mangles libpq URIs, so Vigie hands it libpq's keyword=value form instead.
std::string to_keyword_conninfo(std::string_view url) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed)
    throw std::invalid_argument("the PostgreSQL URL is malformed: " + parsed.error().message());
  const auto& u = *parsed;
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += std::string(key) + "=" + quote(value);
  };
  add("host", u.host());
  add("port", u.port());
  std::string db = u.path();
  if (!db.empty() && db.front() == '/') db.erase(0, 1);
  add("dbname", db);
  add("user", u.user());
  add("password", u.password());
  for (const auto& p : u.params()) add(p.key, p.value);
  if (db.empty()) throw std::invalid_argument("the PostgreSQL URL names no database (…/dbname)");
  return out;
}

}  // namespace

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
          "an in-memory SQLite database cannot use WAL; give a file path, e.g. "
          "sqlite:var/vigie.db");
    return out;
  }
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    out.backend = Backend::postgresql;
    out.uri = std::string(url);
    out.conninfo = to_keyword_conninfo(url);
    return out;
  }
  throw std::invalid_argument("unknown database URL '" + std::string(url.substr(0, 40)) +
                              "': use sqlite:PATH or postgresql://user:password@host:port/dbname");
}

std::string DatabaseUrl::redacted() const {
  if (backend == Backend::sqlite) return "sqlite:" + sqlite_path;
  static const std::regex password(R"(^(postgres(?:ql)?://[^:/@]*:)[^@]*@)");
  auto masked = std::regex_replace(uri, password, "$1***@");
  static const std::regex param(R"(([?&]password=)[^&]*)");
  return std::regex_replace(masked, param, "$1***");
}

}  // namespace vigie::db
