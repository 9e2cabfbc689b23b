#pragma once
// A DatabaseUrl names the store Vigie runs on: `sqlite:PATH` (embedded, the default) or a
// libpq URI `postgresql://user:password@host:port/dbname?options` (production).

#include <stdexcept>
#include <string>
#include <string_view>

namespace vigie::db {

enum class Backend { sqlite, postgresql };

struct DatabaseUrl {
  Backend backend = Backend::sqlite;
  std::string sqlite_path;  // for sqlite
  std::string uri;          // for postgresql: the URL as given
  std::string conninfo;     // for postgresql: libpq keyword=value form of `uri`

  // Throws std::invalid_argument with a one-line reason on a malformed or unknown URL.
  static DatabaseUrl parse(std::string_view url);

  // The URL with any password masked, safe for logs and error messages.
  std::string redacted() const;
};

}  // namespace vigie::db
