#pragma once
// Domain errors: how a use case says "no", independent of HTTP. Services throw them; the
// platform maps each kind to one RFC 9457 problem in one place (http/problem.cpp), so no
// service includes an HTTP header and no exception text other than these messages reaches a
// response. Messages are sentences a user may read (English; the UI shows its own words for
// the stable codes): never SQL, a path or another exception's what().
//
//   NotFound      the thing does not exist, or the caller may not know it exists   -> 404
//   Forbidden     the caller may see the thing but not do this                     -> 403
//   Invalid       the input is wrong; one FieldError per offending field, all at once -> 422
//   Conflict      the thing is not in a state that allows this                     -> 409
//   Unauthenticated  no valid session                                              -> 401
//   Throttled     too many attempts; retry after some seconds                      -> 429
//   Unavailable   the service cannot do this now (the audit trail is broken)       -> 503

#include <boost/json/object.hpp>

#include <stdexcept>
#include <string>
#include <vector>

namespace vigie::kit {

struct FieldError {
  std::string field;                 // path of the input member, e.g. "title", "updates/3/status"
  std::string code;                  // stable machine code, e.g. "required", "too_long"
  std::string message;               // a sentence for the user (English)
  boost::json::object details = {};  // extra members of the entry (e.g. a span in the field)
};
using FieldErrors = std::vector<FieldError>;

class DomainError : public std::runtime_error {
 public:
  enum class Kind {
    not_found,
    forbidden,
    invalid,
    conflict,
    unauthenticated,
    throttled,
    unavailable
  };
  DomainError(Kind kind, std::string code, std::string message, FieldErrors fields = {},
              boost::json::object extra = {})
      : std::runtime_error(message),
        kind_(kind),
        code_(std::move(code)),
        message_(std::move(message)),
        fields_(std::move(fields)),
        extra_(std::move(extra)) {}
  Kind kind() const { return kind_; }
  const std::string& code() const { return code_; }  // stable slug, e.g. "forbidden", "csrf"
  const std::string& message() const { return message_; }
  const FieldErrors& fields() const { return fields_; }
  // Members added to the problem document (e.g. "allowed" transitions, "retry_after").
  const boost::json::object& extra() const { return extra_; }

 private:
  Kind kind_;
  std::string code_, message_;
  FieldErrors fields_;
  boost::json::object extra_;
};

inline DomainError NotFound(std::string message = "No resource exists at this address.") {
  return {DomainError::Kind::not_found, "not-found", std::move(message)};
}
inline DomainError Forbidden(std::string message = "", std::string code = "forbidden") {
  return {DomainError::Kind::forbidden, std::move(code), std::move(message)};
}
inline DomainError Invalid(FieldErrors fields,
                           std::string message = "Correct the fields listed in errors.") {
  return {DomainError::Kind::invalid, "invalid-input", std::move(message), std::move(fields)};
}
inline DomainError Conflict(std::string code, std::string message, boost::json::object extra = {}) {
  return {DomainError::Kind::conflict, std::move(code), std::move(message), {}, std::move(extra)};
}
inline DomainError Unauthenticated(std::string message = "Log in to use this page.") {
  return {DomainError::Kind::unauthenticated, "unauthenticated", std::move(message)};
}

// "retry_after" (seconds) goes into the problem document, and its Retry-After header.
inline DomainError Throttled(int retry_after_seconds, std::string message) {
  return {DomainError::Kind::throttled,
          "throttled",
          std::move(message),
          {},
          {{"retry_after", retry_after_seconds}}};
}

// With `retry_after_seconds` > 0, a Retry-After as for Throttled (a busy resource).
inline DomainError Unavailable(std::string code, std::string message, int retry_after_seconds = 0) {
  boost::json::object extra;
  if (retry_after_seconds > 0) extra["retry_after"] = retry_after_seconds;
  return {
      DomainError::Kind::unavailable, std::move(code), std::move(message), {}, std::move(extra)};
}

// Throws Invalid(errors) when there is any.
inline void throw_if_invalid(FieldErrors errors) {
  if (!errors.empty()) throw Invalid(std::move(errors));
}

}  // namespace vigie::kit
