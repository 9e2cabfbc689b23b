#pragma once
// Diagnostics over HTTP:
//   POST  /api/v1/diagnostics                   {measure, territory, period, rating, strengths?,
//                                                obstacles?, recommendations?,
//                                                evidence?[{url,label}], visibility} → 201, a draft
//   GET   /api/v1/diagnostics?measure=&territory=&mine=1   what the caller may see
//   GET   /api/v1/diagnostics/{id}              with its versions and thread (404 if not visible)
//   PATCH /api/v1/diagnostics/{id}              a draft in place; a published one: a new version
//   POST  /api/v1/diagnostics/{id}/publish
//   POST  /api/v1/diagnostics/{id}/reply        {text} (the measure's pilots)
//   POST  /api/v1/diagnostics/{id}/comments     {text} (committee members)
//   GET   /api/v1/diagnostics/notifications, POST /api/v1/diagnostics/notifications/read
//   GET   /api/v1/measures/{code}/field-view?period=&territory=&actor_type=
//   GET   /api/v1/divergence?period=&territory=&actor_type=&axis= (and .csv, .xlsx)

#include "http/router.hpp"
#include "modules/diagnostics/call_service.hpp"
#include "modules/diagnostics/service.hpp"

namespace vigie::diagnostics {

void register_routes(http::Router& router, Service& diagnostics);
// Calls (call_routes.cpp):
//   POST /api/v1/diagnostic-calls {label, deadline, measures[], organisations[]?, org_types[]?}
//   GET  /api/v1/diagnostic-calls, GET /api/v1/diagnostic-calls/{id} (who answered what)
//   POST /api/v1/diagnostic-calls/{id}/close
void register_call_routes(http::Router& router, CallService& calls);

}  // namespace vigie::diagnostics
