#include "modules/accounts/authenticator.hpp"

#include "kit/errors.hpp"

#include <sodium.h>

namespace vigie::accounts {

kit::Actor actor_of(const SessionUser& who, const std::string& request_id) {
  kit::Actor a;
  a.user_id = who.user.id;
  a.org_id = who.organisation.id;
  a.org_code = who.organisation.code;
  a.org_type = who.organisation.type;
  a.role = who.user.role;
  a.platform_admin = who.user.platform_admin;
  a.request_id = request_id;
  return a;
}

std::optional<SessionUser> Authenticator::current(const http::Request& r) const {
  auto token = http::cookie(r, http::session_cookie_name(cookies_));
  if (!token) return std::nullopt;
  return service_.session(*token);
}

SessionUser Authenticator::require(const http::Request& r) const {
  auto who = current(r);
  if (!who) throw kit::Unauthenticated();
  return *who;
}

SessionUser Authenticator::require_for_change(const http::Request& r) const {
  if (!http::same_origin(r))
    throw kit::Forbidden("This request did not come from Vigie's pages.", "cross-origin");
  auto who = require(r);
  auto token = r.header("x-csrf-token");
  if (!token || token->size() != who.csrf_token.size() ||
      sodium_memcmp(token->data(), who.csrf_token.data(), token->size()) != 0)
    throw kit::Forbidden("The request lacks a valid X-CSRF-Token header; reload the page.", "csrf");
  return who;
}

}  // namespace vigie::accounts
