#pragma once
// OpenID Connect over HTTP:
//   GET /api/v1/auth/oidc            {"enabled", "label"} for the login page
//   GET /api/v1/auth/oidc/start      302 to the provider
//   GET /api/v1/auth/oidc/callback   the provider's redirect: 302 to /compte with a session, or
//                                    to /connexion?erreur=oidc-<reason>

#include "http/router.hpp"
#include "modules/accounts/authenticator.hpp"
#include "modules/accounts/oidc.hpp"

namespace vigie::accounts {

void register_oidc_routes(http::Router& router, const Authenticator& auth, OidcLogin& oidc);

}  // namespace vigie::accounts
