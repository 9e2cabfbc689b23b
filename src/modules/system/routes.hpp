#pragma once
// The platform's own routes: liveness and readiness probes, the API version, and the sink
// for Content-Security-Policy violation reports sent by browsers.

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "http/router.hpp"

namespace vigie::system {

// `db` and `migrator` must outlive the router.
void register_routes(http::Router& router, db::Database& db, const db::Migrator& migrator);

}  // namespace vigie::system
