#pragma once
// How other modules' routes learn who is calling: the session cookie, checked by the accounts
// service; and, for every state-changing request, the CSRF token (X-CSRF-Token header, the
// synchronizer token of the session) and a same-origin check.

#include "http/cookies.hpp"
#include "http/request.hpp"
#include "kit/actor.hpp"
#include "modules/accounts/service.hpp"

#include <optional>

namespace vigie::accounts {

// The Actor of a session's user.
kit::Actor actor_of(const SessionUser& who, const std::string& request_id);

class Authenticator {
 public:
  Authenticator(Service& service, http::CookieOptions cookies)
      : service_(service), cookies_(cookies) {}

  std::optional<SessionUser> current(const http::Request& request) const;
  // The caller's session, or a 401 problem.
  SessionUser require(const http::Request& request) const;
  // require() plus the CSRF token and the origin, or 401/403 problems.
  SessionUser require_for_change(const http::Request& request) const;

  const http::CookieOptions& cookies() const { return cookies_; }
  Service& service() const { return service_; }

 private:
  Service& service_;
  http::CookieOptions cookies_;
};

}  // namespace vigie::accounts
