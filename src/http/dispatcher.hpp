#pragma once
// The Dispatcher decides what answers a request: a route of the Router for the API and the
// probes, otherwise the static web UI. It enforces media types, turns every failure into
// problem details, and stamps the security headers and request id on every response.
// It never throws.

#include "http/problem.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"
#include "http/security_headers.hpp"
#include "http/static_files.hpp"

#include <cstddef>
#include <optional>

namespace vigie::http {

struct DispatcherOptions {
  std::size_t default_body_limit = 1024 * 1024;
  SecurityHeaderOptions security;
};

class Dispatcher {
 public:
  // `static_files` may be null (API only). Both references must outlive the dispatcher.
  Dispatcher(const Router& router, const StaticFiles* static_files, DispatcherOptions options);

  // Largest body the request with this head may send.
  std::size_t body_limit(std::string_view method, std::string_view path) const;

  // Answers the request. Runs on a worker thread: handlers may block on the database.
  Response handle(Request& request) const noexcept;

  // Builds a finished problem response (headers included) for errors found before dispatch.
  Response problem(const Problem& p, const std::string& request_id) const;

 private:
  bool is_api_path(std::string_view path) const;
  Response route(Request& request) const;

  const Router& router_;
  const StaticFiles* static_files_;
  DispatcherOptions options_;
};

}  // namespace vigie::http
