#pragma once
// HTTP problem details (RFC 9457). Every error Vigie returns is one of these, with a stable
// `code` the web UI translates, and, for invalid input, one entry per offending field.
// A Problem never carries internal detail (SQL, paths, exception text): callers pass only
// what the user may read.

#include "http/response.hpp"
#include "kit/errors.hpp"

#include <boost/json/object.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace vigie::http {

// One entry of a 422's "errors" (the kit's type: services report it without knowing HTTP).
using FieldError = kit::FieldError;

struct Problem {
  int status = 500;
  std::string code;  // stable slug: "not-found", "payload-too-large", ...
  std::string title;
  std::string detail;
  std::vector<FieldError> errors;
  boost::json::object extra = {};  // further members of the document (e.g. "allowed")

  Response to_response(const std::string& request_id) const;
};

// Thrown by handlers to stop and answer with a problem; the dispatcher turns it into a response.
class ProblemException : public std::runtime_error {
 public:
  explicit ProblemException(Problem p) : std::runtime_error(p.title), problem_(std::move(p)) {}
  const Problem& problem() const { return problem_; }

 private:
  Problem problem_;
};

Problem not_found(std::string detail = "No resource exists at this address.");
Problem method_not_allowed(std::string allow);
Problem payload_too_large(std::size_t limit);
Problem unsupported_media_type(std::string expected);
Problem bad_request(std::string detail);
Problem unprocessable(std::vector<FieldError> errors);
Problem internal_error();
Problem service_unavailable(std::string detail);

// The one mapping of a domain error to its problem: not_found 404, forbidden 403, invalid 422
// (every field error), conflict 409, unauthenticated 401, throttled 429.
Problem problem_of(const kit::DomainError& e);

}  // namespace vigie::http
