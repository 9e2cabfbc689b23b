#pragma once
// The databases unit tests run against: SQLite always, PostgreSQL when VIGIE_TEST_PG_ADMIN
// holds an admin URL (make test sets it). Use with TEST_P and
// INSTANTIATE_TEST_SUITE_P(Backends, Fixture, ::testing::ValuesIn(test_backends())).
//
// VIGIE_REQUIRE_PG=1 (scripts/test.sh sets it with the cluster it started) makes PostgreSQL
// mandatory: the PostgreSQL instances run even without an admin URL and then fail, as they do
// when the cluster cannot be reached — a PostgreSQL pass is never skipped in silence.

#include "db/database.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::test_support {

inline std::filesystem::path fresh_dir() {
  static int n = 0;
  auto p = std::filesystem::temp_directory_path() /
           ("vigie-db-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(p);
  return p;
}

inline bool postgresql_required() {
  const char* v = std::getenv("VIGIE_REQUIRE_PG");
  return v && std::string_view(v) == "1";
}

// The PostgreSQL admin URL; throws (failing the test) when there is none.
inline std::string postgresql_admin_url() {
  const char* admin = std::getenv("VIGIE_TEST_PG_ADMIN");
  if (!admin || !*admin)
    throw std::runtime_error(
        "VIGIE_REQUIRE_PG=1 but VIGIE_TEST_PG_ADMIN names no PostgreSQL admin URL");
  return admin;
}

// The URL of a fresh, empty database on `backend` ("sqlite" or "postgresql").
inline std::string fresh_database(const std::string& backend) {
  static int n = 0;
  if (backend == "sqlite") return "sqlite:" + (fresh_dir() / "t.db").string();
  const std::string admin = postgresql_admin_url();
  std::string name = "vigie_unit_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
  auto db = db::Database::open(db::DatabaseUrl::parse(admin), 1);
  *db->lease() << "DROP DATABASE IF EXISTS " + name;
  *db->lease() << "CREATE DATABASE " + name;
  std::string url(admin);
  return url.substr(0, url.rfind('/') + 1) + name;
}

inline std::vector<std::string> test_backends() {
  std::vector<std::string> b{"sqlite"};
  const char* admin = std::getenv("VIGIE_TEST_PG_ADMIN");
  if ((admin && *admin) || postgresql_required()) b.push_back("postgresql");
  return b;
}

}  // namespace vigie::test_support
