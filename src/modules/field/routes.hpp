#pragma once
// The field module's HTTP routes (/api/v1/field/...): each reads its input with kit::Input or
// the spreadsheet reader, calls one Service function with the caller and shapes its result.
// Who may call which is the policy's (the field.* actions); what each caller sees of the
// records and aggregates is the Service's.

#include "http/router.hpp"
#include "modules/field/service.hpp"

namespace vigie::field {

void register_routes(http::Router& router, Service& field);

}  // namespace vigie::field
