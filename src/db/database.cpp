#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>

namespace vigie::db {

namespace {

std::string quote_sqlite_path(const std::string& path) {
  std::string out = "db=\"";
  for (char c : path) {
    if (c == '"') out += "\\";
    out += c;
  }
  return out + "\" timeout=5";
}

std::string read_text(soci::session& s, const std::string& sql) {
  std::string v;
  s << sql, soci::into(v);
  return v;
}

void configure_sqlite(soci::session& s, const std::string& path) {
  std::string mode = read_text(s, "PRAGMA journal_mode=WAL");
  if (mode != "wal")
    throw DatabaseError("SQLite database " + path + " cannot run in WAL mode (journal_mode is '" +
                        mode + "'); Vigie refuses to start without it");
  s << "PRAGMA synchronous=FULL";
  s << "PRAGMA foreign_keys=ON";
  s << "PRAGMA busy_timeout=5000";
  // Deleted and overwritten content is zeroed in the file, so a secret sealed or a row deleted
  // does not linger in free space for whoever copies the file.
  s << "PRAGMA secure_delete=ON";
  int sync = 0, fk = 0;
  s << "PRAGMA synchronous", soci::into(sync);
  s << "PRAGMA foreign_keys", soci::into(fk);
  if (sync != 2)
    throw DatabaseError("SQLite database " + path +
                        " does not accept synchronous=FULL; Vigie refuses to start without it");
  if (fk != 1) throw DatabaseError("SQLite database " + path + " does not enforce foreign keys");
}

void check_postgresql(soci::session& s) {
  if (read_text(s, "SHOW fsync") != "on")
    throw DatabaseError("PostgreSQL runs with fsync=off; Vigie refuses to start without it");
  if (read_text(s, "SHOW synchronous_commit") == "off")
    throw DatabaseError(
        "PostgreSQL runs with synchronous_commit=off; Vigie refuses to start without it");
  s << "SET client_min_messages TO WARNING";
}

}  // namespace

Database::Lease::Lease(soci::connection_pool& pool) : pool_(pool), pos_(pool.lease()) {}
Database::Lease::~Lease() {
  pool_.give_back(pos_);
}

Database::ReadTransaction::ReadTransaction(soci::session& s, Backend b) : s_(s), backend_(b) {
  if (backend_ == Backend::sqlite) {
    s_ << "PRAGMA query_only=ON";
    try {
      s_ << "BEGIN DEFERRED";
    } catch (...) {
      s_ << "PRAGMA query_only=OFF";
      throw;
    }
  } else {
    s_ << "BEGIN READ ONLY";
  }
}

void Database::ReadTransaction::end() {
  done_ = true;
  // Nothing was written: ending with ROLLBACK is as cheap as COMMIT and cannot fail on a
  // conflict. query_only is lifted afterwards so the pooled session can write again.
  s_ << "ROLLBACK";
  if (backend_ == Backend::sqlite) s_ << "PRAGMA query_only=OFF";
}

Database::ReadTransaction::~ReadTransaction() {
  if (done_) return;
  try {
    end();
  } catch (...) {
    // The connection is gone; the server ends the transaction on its own.
  }
}

Database::Database(DatabaseUrl url, std::size_t pool_size)
    : url_(std::move(url)), pool_(std::make_unique<soci::connection_pool>(pool_size)) {}

Database::~Database() = default;

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, std::size_t pool_size) {
  if (pool_size == 0) pool_size = 1;
  std::unique_ptr<Database> db(new Database(url, pool_size));
  try {
    if (url.backend == Backend::sqlite) {
      auto parent = std::filesystem::path(url.sqlite_path).parent_path();
      if (!parent.empty()) std::filesystem::create_directories(parent);
    }
    for (std::size_t i = 0; i < pool_size; ++i) {
      soci::session& s = db->pool_->at(i);
      if (url.backend == Backend::sqlite) {
        s.open(*soci::factory_sqlite3(), quote_sqlite_path(url.sqlite_path));
        configure_sqlite(s, url.sqlite_path);
      } else {
        s.open(*soci::factory_postgresql(), url.conninfo);
        check_postgresql(s);
      }
    }
  } catch (const DatabaseError&) {
    throw;
  } catch (const std::exception& e) {
    std::string why = e.what();
    // libpq messages may echo the connection string; never let a password through.
    if (url.backend == Backend::postgresql)
      why = why.substr(0, why.rfind('\n') == why.size() - 1 ? why.size() - 1 : why.size());
    throw DatabaseError("cannot open database " + url.redacted() + ": " + why);
  }
  return db;
}

}  // namespace vigie::db
