#pragma once
// The Dispatcher decides what answers a request: a route of the Router for the API and the
// probes, otherwise the static web UI. It enforces media types, turns every failure into
// problem details, and stamps the security headers and request id on every response.
// It never throws.

#include "http/gate.hpp"
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
  // `static_files` may be null (API only); `gate` may be null only when every route is open
  // (std::invalid_argument otherwise). All must outlive the dispatcher.
  Dispatcher(const Router& router, const StaticFiles* static_files, DispatcherOptions options,
             const Gate* gate = nullptr);

  // What the dispatcher will do with a request, decided once from its head.
  struct Plan {
    RouteMatch match;
    bool api = true;             // answered by the router (else: static web UI)
    std::size_t body_limit = 0;  // largest body this request may send
    bool runs_inline = false;    // may run on the I/O thread (never waits)
  };
  Plan plan(std::string_view method, std::string_view path) const;

  // Answers the request. Runs on a worker thread unless plan.runs_inline.
  Response handle(Request& request, const Plan& plan) const noexcept;
  Response handle(Request& request) const noexcept {
    return handle(request, plan(request.method, request.path));
  }

  // For a guarded route whose body is still to come: checks the declared media type and admits
  // the caller from the head alone (session, CSRF, relations from the path), so that the body
  // of a refused caller is never read. Returns the finished refusal, or nothing when the body
  // may be read; handle() then does not admit the caller again. Runs on a worker thread.
  std::optional<Response> admit_before_body(Request& request, const Plan& plan) const noexcept;

  // Builds a finished problem response (headers included) for errors found before dispatch.
  Response problem(const Problem& p, const std::string& request_id) const;

 private:
  Response route(Request& request, const Plan& plan) const;
  // The refusal of a request whose media type the route does not take (`body_coming`: a body
  // is announced but not read yet), or nothing.
  std::optional<Response> media_refusal(const Request& request, const Route& route,
                                        bool body_coming) const;
  // Runs `answer`, turning whatever it throws into problem details, and stamps the headers.
  template <class F>
  Response answered(Request& request, bool api, F&& answer) const noexcept;

  const Router& router_;
  const StaticFiles* static_files_;
  DispatcherOptions options_;
  const Gate* gate_;
};

}  // namespace vigie::http
