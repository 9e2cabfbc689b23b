#include "http/problem.hpp"

#include <boost/json.hpp>

namespace vigie::http {

Response Problem::to_response(const std::string& request_id) const {
  boost::json::object o = extra;
  o["type"] = "urn:vigie:problem:" + code;
  o["title"] = title;
  o["status"] = status;
  o["code"] = code;
  if (!detail.empty()) o["detail"] = detail;
  if (!request_id.empty()) o["request_id"] = request_id;
  if (!errors.empty()) {
    boost::json::array arr;
    for (const auto& e : errors) {
      boost::json::object entry = e.details;
      entry["field"] = e.field;
      entry["code"] = e.code;
      entry["message"] = e.message;
      arr.push_back(std::move(entry));
    }
    o["errors"] = std::move(arr);
  }
  Response r = Response::json(status, o);
  r.set_header("Content-Type", "application/problem+json");
  // A throttled or busy answer says when to come back in the header a client reads
  // (RFC 9110 §10.2.3).
  if (const auto* after = extra.if_contains("retry_after");
      (status == 429 || status == 503) && after && after->is_int64())
    r.set_header("Retry-After", std::to_string(after->as_int64()));
  return r;
}

Problem not_found(std::string detail) {
  return {404, "not-found", "Not found", std::move(detail), {}};
}

Problem method_not_allowed(std::string allow) {
  return {405,
          "method-not-allowed",
          "Method not allowed",
          "This address accepts: " + std::move(allow) + ".",
          {}};
}

Problem payload_too_large(std::size_t limit) {
  return {413,
          "payload-too-large",
          "Request body too large",
          "The body may not exceed " + std::to_string(limit) + " bytes.",
          {}};
}

Problem unsupported_media_type(std::string expected) {
  return {415,
          "unsupported-media-type",
          "Unsupported media type",
          "The body must be sent as " + std::move(expected) + ".",
          {}};
}

Problem bad_request(std::string detail) {
  return {400, "bad-request", "Bad request", std::move(detail), {}};
}

Problem unprocessable(std::vector<FieldError> errors) {
  return {422, "invalid-input", "Some fields are invalid", "Correct the fields listed in errors.",
          std::move(errors)};
}

Problem internal_error() {
  return {500,
          "internal-error",
          "Internal error",
          "The server could not complete the request. Quote the request id to the support team.",
          {}};
}

Problem service_unavailable(std::string detail) {
  return {503, "service-unavailable", "Service unavailable", std::move(detail), {}};
}

Problem problem_of(const kit::DomainError& e) {
  using K = kit::DomainError::Kind;
  Problem p;
  switch (e.kind()) {
    case K::not_found:
      p = not_found(e.message());
      break;
    case K::forbidden:
      p = {403, e.code(), "Forbidden", e.message(), {}};
      break;
    case K::invalid:
      p = unprocessable(e.fields());
      p.code = e.code();
      p.detail = e.message();
      break;
    case K::conflict:
      p = {409, e.code(), "Conflict", e.message(), {}};
      break;
    case K::unauthenticated:
      p = {401, e.code(), "Login required", e.message(), {}};
      break;
    case K::throttled:
      p = {429, e.code(), "Too many attempts", e.message(), {}};
      break;
    case K::unavailable:
      p = {503, e.code(), "Service unavailable", e.message(), {}};
      break;
  }
  p.extra = e.extra();
  return p;
}

}  // namespace vigie::http
