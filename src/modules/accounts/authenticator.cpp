#include "modules/accounts/authenticator.hpp"

#include "http/problem.hpp"

#include <sodium.h>

namespace vigie::accounts {

std::optional<SessionUser> Authenticator::current(const http::Request& r) const {
  auto token = http::cookie(r, http::session_cookie_name(cookies_));
  if (!token) return std::nullopt;
  return service_.session(*token);
}

SessionUser Authenticator::require(const http::Request& r) const {
  auto who = current(r);
  if (!who)
    throw http::ProblemException(
        {401, "unauthenticated", "Login required", "Log in to use this page.", {}});
  return *who;
}

SessionUser Authenticator::require_for_change(const http::Request& r) const {
  if (!http::same_origin(r))
    throw http::ProblemException(
        {403, "cross-origin", "Forbidden", "This request did not come from Vigie's pages.", {}});
  auto who = require(r);
  auto token = r.header("x-csrf-token");
  if (!token || token->size() != who.csrf_token.size() ||
      sodium_memcmp(token->data(), who.csrf_token.data(), token->size()) != 0)
    throw http::ProblemException({403,
                                  "csrf",
                                  "Forbidden",
                                  "The request lacks a valid X-CSRF-Token header; reload the page.",
                                  {}});
  return who;
}

}  // namespace vigie::accounts
