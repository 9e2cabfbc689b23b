#include "http/dispatcher.hpp"

#include "http/log_text.hpp"
#include "http/problem.hpp"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <stdexcept>

namespace vigie::http {

namespace {
std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}
}  // namespace

Dispatcher::Dispatcher(const Router& router, const StaticFiles* static_files,
                       DispatcherOptions options, const Gate* gate)
    : router_(router), static_files_(static_files), options_(options), gate_(gate) {
  if (!gate_)
    for (const auto& r : router_.routes())
      if (!r.options.open)
        throw std::invalid_argument("guarded route " + r.method + " " + r.pattern +
                                    " needs a gate");
}

Dispatcher::Plan Dispatcher::plan(std::string_view method, std::string_view path) const {
  Plan p;
  p.match = router_.match(method, path);
  p.api = p.match.route || !p.match.allowed.empty() || path.starts_with("/api/") || path == "/api";
  p.body_limit = p.match.route && p.match.route->options.body_limit > 0
                     ? p.match.route->options.body_limit
                     : options_.default_body_limit;
  // Static files are served from memory or streamed; errors are built without waiting.
  p.runs_inline = p.match.route ? !p.match.route->options.blocking : true;
  return p;
}

Response Dispatcher::problem(const Problem& p, const std::string& request_id) const {
  Response r = p.to_response(request_id);
  apply_security_headers(r, true, options_.security);
  r.set_header("X-Request-Id", request_id);
  return r;
}

std::optional<Response> Dispatcher::media_refusal(const Request& req, const Route& route,
                                                  bool body_coming) const {
  const auto& accepts = route.options.accepts;
  const bool body = body_coming || !req.body.empty();
  if (!body && !req.header("content-type")) return std::nullopt;
  if (accepts.empty()) {
    if (body) return unsupported_media_type("no body at all").to_response(req.request_id);
  } else if (std::find(accepts.begin(), accepts.end(), req.media_type()) == accepts.end()) {
    Response r = unsupported_media_type(join(accepts)).to_response(req.request_id);
    r.set_header("Accept-Post", join(accepts));
    return r;
  }
  return std::nullopt;
}

Response Dispatcher::route(Request& req, const Plan& plan) const {
  const auto& m = plan.match;
  if (!m.route) {
    if (m.allowed.empty()) return not_found().to_response(req.request_id);
    auto allow = join(m.allowed);
    Response r = method_not_allowed(allow).to_response(req.request_id);
    r.set_header("Allow", allow);
    return r;
  }
  if (auto refusal = media_refusal(req, *m.route, false)) return std::move(*refusal);
  req.path_params = m.params;
  // The caller is admitted (or refused) before the handler reads anything of the body; when
  // the body was still to come, before it was even read (admit_before_body).
  if (!m.route->options.open && !req.caller) gate_->admit(req, *m.route);
  return m.route->handler(req);
}

template <class F>
Response Dispatcher::answered(Request& req, bool api, F&& answer) const noexcept {
  Response r;
  try {
    r = answer(api);
  } catch (const ProblemException& e) {
    api = true;
    r = e.problem().to_response(req.request_id);
  } catch (const kit::DomainError& e) {
    api = true;
    r = problem_of(e).to_response(req.request_id);
  } catch (const std::exception& e) {
    api = true;
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, redact_path(req.path),
                  e.what());
    r = internal_error().to_response(req.request_id);
  } catch (...) {
    api = true;
    spdlog::error("request {} {} {} failed with a non-standard exception", req.request_id,
                  req.method, redact_path(req.path));
    r = internal_error().to_response(req.request_id);
  }
  apply_security_headers(r, api, options_.security);
  r.set_header("X-Request-Id", req.request_id);
  return r;
}

std::optional<Response> Dispatcher::admit_before_body(Request& req,
                                                      const Plan& plan) const noexcept {
  const auto* route = plan.match.route;
  if (!route || route->options.open) return std::nullopt;
  bool refused = true;
  Response r = answered(req, true, [&](bool&) -> Response {
    if (auto refusal = media_refusal(req, *route, true)) return std::move(*refusal);
    req.path_params = plan.match.params;
    gate_->admit(req, *route);
    refused = false;
    return {};
  });
  if (!refused) return std::nullopt;
  return r;
}

Response Dispatcher::handle(Request& req, const Plan& plan) const noexcept {
  return answered(req, plan.api, [&](bool& api) -> Response {
    if (plan.api) return route(req, plan);
    api = false;
    std::optional<Response> file;
    if (req.method != "GET" && req.method != "HEAD") {
      api = true;
      Response r = method_not_allowed("GET, HEAD").to_response(req.request_id);
      r.set_header("Allow", "GET, HEAD");
      return r;
    }
    if (static_files_ &&
        (file = static_files_->serve(req.path, req.header("accept-encoding").value_or(""))))
      return std::move(*file);
    api = true;
    return not_found().to_response(req.request_id);
  });
}

}  // namespace vigie::http
