#include "http/security_headers.hpp"

#include <string>

namespace vigie::http {

const char* content_security_policy() {
  return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
         "form-action 'self'; frame-ancestors 'none'; report-uri /api/v1/csp-reports";
}

void apply_security_headers(Response& r, bool api, const SecurityHeaderOptions& options) {
  // A handler may sandbox what it serves (a user's file): that is kept, on top of the policy.
  const auto own = r.header("Content-Security-Policy");
  const bool sandboxed = own && own->starts_with("sandbox");
  r.set_header("Content-Security-Policy", sandboxed
                                              ? std::string("sandbox; ") + content_security_policy()
                                              : std::string(content_security_policy()));
  r.set_header("X-Content-Type-Options", "nosniff");
  r.set_header("X-Frame-Options", "DENY");
  r.set_header("Referrer-Policy", "no-referrer");
  r.set_header("Cross-Origin-Opener-Policy", "same-origin");
  r.set_header("Cross-Origin-Resource-Policy", "same-origin");
  r.set_header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
  if (options.hsts)
    r.set_header("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (api || !r.header("Cache-Control")) r.set_header("Cache-Control", "no-store");
}

}  // namespace vigie::http
