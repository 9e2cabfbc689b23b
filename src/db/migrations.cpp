#include "db/migrations.hpp"

#include "db/timestamp.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

namespace vigie::db {

namespace {

constexpr long kMigrationLockKey = 0x5669676965;  // "Vigie"

bool table_exists(soci::session& s, Backend backend) {
  int n = 0;
  if (backend == Backend::sqlite)
    s << "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
        soci::into(n);
  else
    s << "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() "
         "AND table_name = 'schema_migrations'",
        soci::into(n);
  return n > 0;
}

int max_version(soci::session& s) {
  soci::indicator ind = soci::i_ok;
  int v = 0;
  s << "SELECT MAX(version) FROM schema_migrations", soci::into(v, ind);
  return ind == soci::i_null ? 0 : v;
}

std::string trim_right(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  return s;
}

}  // namespace

Migrator::Migrator(std::vector<MigrationSource> sources) {
  for (auto& s : sources) {
    std::size_t digits = 0;
    while (digits < s.name.size() && std::isdigit(static_cast<unsigned char>(s.name[digits])))
      ++digits;
    if (digits == 0) throw std::invalid_argument("migration name without a number: " + s.name);
    int version = std::stoi(s.name.substr(0, digits));
    for (const auto& m : migrations_)
      if (m.version == version)
        throw std::invalid_argument("two migrations numbered " + std::to_string(version) + ": " +
                                    m.source.name + " and " + s.name);
    migrations_.push_back({version, std::move(s)});
  }
  std::sort(migrations_.begin(), migrations_.end(),
            [](const auto& a, const auto& b) { return a.version < b.version; });
}

int Migrator::latest_known() const {
  return migrations_.empty() ? 0 : migrations_.back().version;
}

int Migrator::current_version(Database& db) const {
  auto lease = db.lease();
  if (!table_exists(*lease, db.backend())) return 0;
  return max_version(*lease);
}

std::vector<std::string> Migrator::statements(std::string_view sql, Backend backend) {
  const std::string id = backend == Backend::sqlite
                             ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                             : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  std::vector<std::string> out;
  std::string current;
  std::size_t i = 0;
  while (i <= sql.size()) {
    auto j = sql.find('\n', i);
    if (j == std::string_view::npos) j = sql.size();
    std::string line(sql.substr(i, j - i));
    i = j + 1;
    auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    // What exists on one database only (full-text search) is written on lines of its own,
    // "--sqlite: …" or "--postgresql: …"; every other line is the same SQL for both.
    const std::string_view mine = backend == Backend::sqlite ? "--sqlite: " : "--postgresql: ";
    if (line.compare(first, mine.size(), mine) == 0)
      line = line.substr(first + mine.size());
    else if (line.compare(first, 2, "--") == 0)
      continue;
    for (std::size_t p; (p = line.find("{{id}}")) != std::string::npos;) line.replace(p, 6, id);
    current += line + "\n";
    if (trim_right(line).ends_with(";")) {
      out.push_back(trim_right(current));
      current.clear();
    }
  }
  if (!trim_right(current).empty()) out.push_back(trim_right(current));
  return out;
}

std::vector<std::string> Migrator::apply(Database& db) const {
  db.transact([&](soci::session& s) {
    // Two processes starting at once on a fresh PostgreSQL database would both create the
    // table: IF NOT EXISTS does not serialise them (the loser fails on pg_type's unique key).
    if (db.backend() == Backend::postgresql)
      s << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")";
    s << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at TEXT NOT NULL)";
  });
  std::vector<std::string> applied;
  for (const auto& m : migrations_) {
    bool done = db.transact([&](soci::session& s) {
      if (db.backend() == Backend::postgresql)
        s << "SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")";
      const int current = max_version(s);
      if (current > latest_known())
        throw SchemaTooNew("the database schema is at version " + std::to_string(current) +
                           " but this vigie knows versions up to " +
                           std::to_string(latest_known()) + "; run a newer vigie");
      if (m.version <= current) return false;
      for (const auto& stmt : statements(m.source.sql, db.backend())) {
        try {
          s << stmt;
        } catch (const std::exception& e) {
          throw DatabaseError("migration " + m.source.name + " failed: " + e.what());
        }
      }
      // SOCI binds by reference: every bound value must be a named object, never a temporary.
      const std::string applied_at = iso_utc_now();
      s << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:v, :n, :t)",
          soci::use(m.version), soci::use(m.source.name), soci::use(applied_at);
      return true;
    });
    if (done) applied.push_back(m.source.name);
  }
  if (migrations_.empty()) {
    const int current = current_version(db);
    if (current > 0)
      throw SchemaTooNew("the database schema is at version " + std::to_string(current) +
                         " but this vigie knows no migration");
  }
  return applied;
}

}  // namespace vigie::db
