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

Response Dispatcher::route(Request& req, const Plan& plan) const {
  const auto& m = plan.match;
  if (!m.route) {
    if (m.allowed.empty()) return not_found().to_response(req.request_id);
    auto allow = join(m.allowed);
    Response r = method_not_allowed(allow).to_response(req.request_id);
    r.set_header("Allow", allow);
    return r;
  }
  const auto& accepts = m.route->options.accepts;
  if (!req.body.empty() || req.header("content-type")) {
    if (accepts.empty()) {
      if (!req.body.empty())
        return unsupported_media_type("no body at all").to_response(req.request_id);
    } else if (std::find(accepts.begin(), accepts.end(), req.media_type()) == accepts.end()) {
      Response r = unsupported_media_type(join(accepts)).to_response(req.request_id);
      r.set_header("Accept-Post", join(accepts));
      return r;
    }
  }
  req.path_params = m.params;
  // The caller is admitted (or refused) before the handler reads anything of the body.
  if (!m.route->options.open) gate_->admit(req, *m.route);
  return m.route->handler(req);
}

Response Dispatcher::handle(Request& req, const Plan& plan) const noexcept {
  Response r;
  bool api = true;
  try {
    if (plan.api) {
      r = route(req, plan);
    } else {
      api = false;
      std::optional<Response> file;
      if (req.method != "GET" && req.method != "HEAD") {
        r = method_not_allowed("GET, HEAD").to_response(req.request_id);
        r.set_header("Allow", "GET, HEAD");
        api = true;
      } else if (static_files_ && (file = static_files_->serve(
                                       req.path, req.header("accept-encoding").value_or("")))) {
        r = std::move(*file);
      } else {
        r = not_found().to_response(req.request_id);
        api = true;
      }
    }
  } catch (const ProblemException& e) {
    r = e.problem().to_response(req.request_id);
  } catch (const kit::DomainError& e) {
    r = problem_of(e).to_response(req.request_id);
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, redact_path(req.path),
                  e.what());
    r = internal_error().to_response(req.request_id);
  } catch (...) {
    spdlog::error("request {} {} {} failed with a non-standard exception", req.request_id,
                  req.method, redact_path(req.path));
    r = internal_error().to_response(req.request_id);
  }
  apply_security_headers(r, api, options_.security);
  r.set_header("X-Request-Id", req.request_id);
  return r;
}

}  // namespace vigie::http
