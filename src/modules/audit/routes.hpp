#pragma once
// GET /api/v1/audit: the audit viewer. The coordination's referents and admins and platform
// admins see every entry; each organisation's admins see the entries about their
// organisation's records (who acted on them). Everybody else: 403.

#include "db/database.hpp"
#include "http/router.hpp"

namespace vigie::audit {

void register_routes(http::Router& router, db::Database& db);

}  // namespace vigie::audit
