#pragma once
// A Request is one parsed HTTP request as a handler sees it: plain data, no Beast types.
// Header names are stored lower-case; `path` is percent-decoded, `query` is left raw.

#include "kit/actor.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::http {

struct Request {
  std::string method;  // upper-case token, e.g. "GET"
  std::string target;  // raw request target as received
  std::string path;    // decoded path, always starting with '/'
  std::string query;   // raw query string without '?'
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::string request_id;
  std::string remote_address;
  std::map<std::string, std::string> path_params;  // filled by the router
  // The caller, set by the route guard before a guarded route's handler runs.
  std::optional<kit::Actor> caller;

  // The caller of a guarded route (throws kit::Unauthenticated on an open route without one).
  const kit::Actor& actor() const;

  // Returns the first header with this (case-insensitive) name, or nullopt.
  std::optional<std::string_view> header(std::string_view name) const;
  // Returns the decoded value of the first query parameter with this name, or nullopt.
  std::optional<std::string> query_param(std::string_view name) const;
  // Media type of the body without parameters, lower-case ("" when absent).
  std::string media_type() const;
  // The path parameter captured by the router; empty when the route has none of that name.
  const std::string& param(const std::string& name) const;
  // The path parameter as a positive integer id; throws ProblemException 404 with `detail`
  // when it is not one (so that a malformed id reads like an unknown one).
  std::int64_t id_param(const std::string& name, const std::string& detail) const;
};

}  // namespace vigie::http
