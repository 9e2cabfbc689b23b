#pragma once
// Cookies: reading the Cookie header, writing Set-Cookie for the session. Behind HTTPS the
// session cookie is `__Host-`-prefixed and Secure; on plain loopback HTTP (demo, tests) it
// cannot be, and the README says so.

#include "http/request.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace vigie::http {

std::optional<std::string> cookie(const Request& request, std::string_view name);

struct CookieOptions {
  bool secure = false;  // HTTPS in front: Secure + __Host- prefix
};

// The cookie's name with its prefix.
std::string session_cookie_name(const CookieOptions& o);
// HttpOnly, SameSite=Strict, Path=/, no Max-Age (the server decides when it expires).
std::string session_cookie(const CookieOptions& o, std::string_view value);
std::string cleared_session_cookie(const CookieOptions& o);

// True when the request comes from this site: no Origin header (same-origin navigations and
// non-browser clients), or an Origin equal to this host; and no Sec-Fetch-Site: cross-site.
bool same_origin(const Request& request);

}  // namespace vigie::http
