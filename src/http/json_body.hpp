#pragma once
// Reading a JSON request body. A body that is not well-formed JSON answers 400 with a
// problem saying where parsing stopped; an expected object that is something else answers 422.

#include "http/request.hpp"

#include <boost/json/value.hpp>

namespace vigie::http {

// The parsed body. Throws ProblemException (400) when it is not valid JSON.
boost::json::value parse_json_body(const Request& request);

// The parsed body as an object. Throws ProblemException (400 or 422).
boost::json::object parse_json_object(const Request& request);

}  // namespace vigie::http
