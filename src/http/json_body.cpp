#include "http/json_body.hpp"

#include "http/problem.hpp"

#include <boost/json/parse.hpp>

namespace vigie::http {

boost::json::value parse_json_body(const Request& request) {
  boost::system::error_code ec;
  boost::json::parse_options opts;
  opts.max_depth = 64;
  auto value = boost::json::parse(request.body, ec, {}, opts);
  if (ec) throw ProblemException(bad_request("The body is not valid JSON (" + ec.message() + ")."));
  return value;
}

boost::json::object parse_json_object(const Request& request) {
  auto value = parse_json_body(request);
  if (!value.is_object())
    throw ProblemException(
        unprocessable({{"", "not_an_object", "The body must be a JSON object."}}));
  return std::move(value.as_object());
}

}  // namespace vigie::http
