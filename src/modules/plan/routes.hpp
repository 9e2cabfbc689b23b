#pragma once
// Plan follow-up over HTTP:
//   GET  /api/v1/plan                    the tree with roll-ups (committee members)
//   GET  /api/v1/public/plan             axes and measures, status and progress (anyone)
//   GET  /api/v1/measures/{code}         a measure, its actions and the history of updates
//   POST /api/v1/actions/{id}/updates    {status, progress, comment, evidence?, reported_on?}
//   GET  /api/v1/plan/export.csv         the tree as CSV

#include "http/router.hpp"
#include "modules/accounts/authenticator.hpp"
#include "modules/plan/service.hpp"

namespace vigie::plan {

void register_routes(http::Router& router, const accounts::Authenticator& auth, Service& plan);

}  // namespace vigie::plan
