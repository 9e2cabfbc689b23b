#include "modules/privacy/routes.hpp"

#include "kit/errors.hpp"

#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "privacy/field_guard.hpp"

#include <boost/json.hpp>

namespace vigie::privacy_routes {

namespace {

constexpr std::size_t kMaxFields = 50;

http::Response check(http::Request& req) {
  auto body = http::parse_json_object(req);
  const auto* fields = body.if_contains("fields");
  if (!fields || !fields->is_object())
    throw kit::Invalid(
        {{"fields", "required", "Give the texts to check as {\"fields\": {\"name\": \"text\"}}."}});
  std::vector<privacy::TextField> texts;
  kit::FieldErrors shape_errors;
  for (const auto& [name, value] : fields->as_object()) {
    if (!value.is_string()) {
      shape_errors.push_back({std::string(name), "not_a_string", "Each field must be a string."});
      continue;
    }
    texts.emplace_back(std::string_view(name), std::string_view(value.as_string()));
  }
  if (texts.size() + shape_errors.size() > kMaxFields)
    shape_errors.push_back({"fields", "too_many", "At most 50 fields may be checked at once."});
  if (!shape_errors.empty()) throw kit::Invalid(std::move(shape_errors));
  privacy::require_no_identifiers(texts);
  return http::Response::json(200, {{"clean", true}});
}

}  // namespace

void register_routes(http::Router& router) {
  router.add("POST", "/api/v1/privacy/check", check,
             // CPU work: worker pool. Open: the public may check a text before writing it.
             {.body_limit = 256 * 1024, .accepts = {"application/json"}, .open = true});
}

}  // namespace vigie::privacy_routes
