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
#include "modules/accounts/second_factor.hpp"

namespace vigie::accounts {

void register_enrolment_routes(http::Router& router, const Authenticator& auth,
                               Enrolment& enrolment);

// POST /api/v1/me/totp (start: QR code), /api/v1/me/totp/confirm {code} (recovery codes),
// /api/v1/me/totp/disable {code}.
void register_second_factor_routes(http::Router& router, const Authenticator& auth,
                                   SecondFactor& second_factor);

}  // namespace vigie::accounts
