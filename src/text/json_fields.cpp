#include "text/json_fields.hpp"

#include <boost/json.hpp>

namespace vigie::text {

std::string string_member(const boost::json::object& o, std::string_view name) {
  const auto* v = o.if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::vector<std::string> string_list_member(const boost::json::object& o, std::string_view name) {
  std::vector<std::string> out;
  if (const auto* v = o.if_contains(name); v && v->is_array())
    for (const auto& x : v->as_array())
      if (x.is_string()) out.emplace_back(x.as_string());
  return out;
}

}  // namespace vigie::text
