#pragma once
// The databases unit tests run against: SQLite always, PostgreSQL when VIGIE_TEST_PG_ADMIN
// holds an admin URL (make test sets it). Use with TEST_P and
// INSTANTIATE_TEST_SUITE_P(Backends, Fixture, ::testing::ValuesIn(test_backends())).

#include "db/database.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace vigie::test_support {

inline std::filesystem::path fresh_dir() {
  static int n = 0;
  auto p = std::filesystem::temp_directory_path() /
           ("vigie-db-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
  std::filesystem::remove_all(p);
  return p;
}

// The URL of a fresh, empty database on `backend` ("sqlite" or "postgresql").
inline std::string fresh_database(const std::string& backend) {
  static int n = 0;
  if (backend == "sqlite") return "sqlite:" + (fresh_dir() / "t.db").string();
  const char* admin = std::getenv("VIGIE_TEST_PG_ADMIN");
  std::string name = "vigie_unit_" + std::to_string(::getpid()) + "_" + std::to_string(n++);
  auto db = db::Database::open(db::DatabaseUrl::parse(admin), 1);
  *db->lease() << "DROP DATABASE IF EXISTS " + name;
  *db->lease() << "CREATE DATABASE " + name;
  std::string url(admin);
  return url.substr(0, url.rfind('/') + 1) + name;
}

inline std::vector<std::string> test_backends() {
  std::vector<std::string> b{"sqlite"};
  if (std::getenv("VIGIE_TEST_PG_ADMIN")) b.push_back("postgresql");
  return b;
}

}  // namespace vigie::test_support
