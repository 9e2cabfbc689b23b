#pragma once
// The privacy engines over HTTP. `POST /api/v1/privacy/check` lets a form check its free-text
// fields while the user types, with the same verdict a save would get, before anything is
// stored: 200 with {"clean": true} or the 422 problem a write would answer.

#include "http/router.hpp"

namespace vigie::privacy_routes {

void register_routes(http::Router& router);

}  // namespace vigie::privacy_routes
