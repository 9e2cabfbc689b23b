#pragma once
// Readiness: can this process serve requests right now? The database must answer and its
// schema must be the one this binary was built for.

#include "db/database.hpp"
#include "db/migrations.hpp"

#include <string>

namespace vigie::system {

struct Readiness {
  bool database_reachable = false;
  int schema_version = 0;
  int schema_expected = 0;
  bool ready() const { return database_reachable && schema_version == schema_expected; }
};

// Never throws: an unreachable database is reported as not reachable.
Readiness check_readiness(db::Database& db, const db::Migrator& migrator);

}  // namespace vigie::system
