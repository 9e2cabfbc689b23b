#include "modules/system/readiness.hpp"

#include <spdlog/spdlog.h>

namespace vigie::system {

Readiness check_readiness(db::Database& db, const db::Migrator& migrator) {
  Readiness r;
  r.schema_expected = migrator.latest_known();
  try {
    r.schema_version = migrator.current_version(db);
    r.database_reachable = true;
  } catch (const std::exception& e) {
    spdlog::warn("readiness: database check failed: {}", e.what());
  }
  return r;
}

}  // namespace vigie::system
