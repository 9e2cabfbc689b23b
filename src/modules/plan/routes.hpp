#pragma once
// Plan follow-up over HTTP:
//   GET  /api/v1/plan                    the tree with roll-ups (committee members)
//   GET  /api/v1/public/plan             axes and measures, status and progress (anyone)
//   GET  /api/v1/measures/{code}         a measure, its actions and the history of updates
//   POST /api/v1/actions/{id}/updates    {status, progress, comment, evidence?, reported_on?}
//   POST /api/v1/updates                 {updates: [{action_id, status, progress, comment}…]}
//   GET  /api/v1/plan/export.csv|.xlsx   the referential as a table (referential_table.hpp)
// The coordination's edits (referential_routes.cpp):
//   POST  /api/v1/axes/{code}/measures        {code, title_fr, title_en?, pilots[], deadline?}
//   PATCH /api/v1/measures/{code}             {title_fr?, title_en?, weight?, retired?, move?}
//   POST  /api/v1/measures/{code}/actions     {title, pilots?, deadline?, weight?, cost_eur?, …}
//   PATCH /api/v1/actions/{id}                the same members, each optional
//   POST  /api/v1/measures/{code}/indicators  {name, unit, direction, baseline?, target?, …}
//   POST  /api/v1/indicators/{id}/values      {period, value, source} (pilots, coordination)
//   POST  /api/v1/plan/import[?apply=true]    an XLSX or CSV body; checks, then applies
// Campaigns (campaign_routes.cpp):
//   GET  /api/v1/campaigns, POST /api/v1/campaigns {label, deadline, measures[]?}
//   GET  /api/v1/campaigns/{id}, GET /api/v1/campaigns/{id}/export.csv (what each action owes)
//   POST /api/v1/campaigns/{id}/close
//   GET  /api/v1/reporting/mine               what the caller's organisation owes

#include "http/router.hpp"
#include "modules/plan/service.hpp"

namespace vigie::plan {

// A CSV file download (text::csv_document) named `filename`, fields separated by `separator`.
http::Response csv_attachment(const std::vector<std::vector<std::string>>& rows,
                              const std::string& filename, char separator = ',');

// Registers every plan route (the three groups below).
// Every route names its policy action; the route guard admits the caller before the handler.
void register_routes(http::Router& router, Service& plan);
void register_referential_routes(http::Router& router, Service& plan);
void register_campaign_routes(http::Router& router, Service& plan);

}  // namespace vigie::plan
