#pragma once
// Invitations and password resets over HTTP:
//   POST /api/v1/invitations                     invite (session, CSRF, policy user.invite)
//   GET  /api/v1/invitations/{token}             what the invitation is for (404 if unusable)
//   POST /api/v1/invitations/{token}/accept      {display_name?, password} -> the new account
//   POST /api/v1/password-resets                 {email} -> 202 whatever the address
//   POST /api/v1/password-resets/{token}         {password} -> 204

#include "http/router.hpp"
#include "modules/accounts/authenticator.hpp"
#include "modules/accounts/enrolment.hpp"

namespace vigie::accounts {

void register_enrolment_routes(http::Router& router, const Authenticator& auth,
                               Enrolment& enrolment);

}  // namespace vigie::accounts
