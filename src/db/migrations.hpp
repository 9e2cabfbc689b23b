#pragma once
// Numbered SQL migrations, compiled into the binary from every `src/**/migrations/NNNN_*.sql`.
// Each file is one SQL text for both backends; the only dialect difference, the surrogate key
// column, is written `{{id}}`. Statements end with ';' at the end of a line. A line that exists on
// one database only (full-text search) starts with `--sqlite: ` or `--postgresql: `. Each migration
// is applied in its own transaction and recorded in `schema_migrations`; on PostgreSQL an advisory
// lock lets several vigie processes start together safely.

#include "db/database.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace vigie::db {

struct MigrationSource {
  std::string name;  // file name without extension, e.g. "0001_instance_settings"
  std::string sql;
};

// Every migration known to this binary, sorted by number (generated at build time).
const std::vector<MigrationSource>& embedded_migrations();

// Thrown when the database is at a schema version this binary does not know.
class SchemaTooNew : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

class Migrator {
 public:
  // Uses `sources` (embedded_migrations() by default). Throws std::invalid_argument when two
  // files share a number or a name does not start with digits.
  explicit Migrator(std::vector<MigrationSource> sources = embedded_migrations());

  int latest_known() const;
  // The highest applied version; 0 on a database never migrated.
  int current_version(Database& db) const;
  // Applies what is pending and returns the names applied. Throws SchemaTooNew when the
  // database is ahead of this binary, DatabaseError when a migration fails (it is rolled back).
  std::vector<std::string> apply(Database& db) const;

  // The SQL text of a migration for a backend, split into statements.
  static std::vector<std::string> statements(std::string_view sql, Backend backend);

 private:
  struct Numbered {
    int version;
    MigrationSource source;
  };
  std::vector<Numbered> migrations_;
};

}  // namespace vigie::db
