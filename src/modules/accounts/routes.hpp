#pragma once
// Accounts over HTTP: POST /api/v1/auth/login, POST /api/v1/auth/logout, GET /api/v1/me.

#include "http/router.hpp"
#include "modules/accounts/authenticator.hpp"

namespace vigie::accounts {

void register_routes(http::Router& router, const Authenticator& auth);

// The relation of every route on the caller's own things (sessions, second factor).
kit::Relations own_relation(const kit::Actor&, const http::Request&);

}  // namespace vigie::accounts
