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
#include "modules/diagnostics/service.hpp"

namespace vigie::diagnostics {

void register_routes(http::Router& router, Service& diagnostics);

}  // namespace vigie::diagnostics
