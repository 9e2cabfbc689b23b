#pragma once
// The header set every response carries (SECURITY.md T17): a CSP with no inline script or
// style, no framing, no referrer, no MIME sniffing, and no caching of API answers.

#include "http/response.hpp"

namespace vigie::http {

struct SecurityHeaderOptions {
  // Send Strict-Transport-Security; only meaningful when clients reach Vigie over HTTPS.
  bool hsts = false;
};

// Adds the security headers; `api` marks responses that must never be cached.
void apply_security_headers(Response& response, bool api, const SecurityHeaderOptions& options);

// The Content-Security-Policy value, exposed for tests.
const char* content_security_policy();

}  // namespace vigie::http
