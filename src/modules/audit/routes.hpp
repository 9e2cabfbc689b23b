#pragma once
// GET /api/v1/audit: the audit viewer, in words (each entry's action, object and outcome in
// French and English), filtered by ?who= (e-mail or organisation code), ?what= (a family of
// actions), ?from= and ?to= (days) and ?outcome=; GET /api/v1/audit/export.csv: the same
// entries as a CSV file in the reader's language (?lang=en: English and ','; else French and
// ';'). The coordination's referents and admins and platform admins see every entry; each
// organisation's admins see the entries about their organisation's records (who acted on
// them). Everybody else: 403.

#include "db/database.hpp"
#include "http/router.hpp"

namespace vigie::audit {

void register_routes(http::Router& router, db::Database& db);

}  // namespace vigie::audit
