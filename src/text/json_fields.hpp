#pragma once
// Reading loosely-typed JSON objects (request bodies, provider answers, reference data):
// a member that is absent or of another type reads as empty.

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

// The member's text, or "" when it is absent or not a string.
std::string string_member(const boost::json::object& o, std::string_view name);
// The member's strings, skipping non-strings; empty when absent or not an array.
std::vector<std::string> string_list_member(const boost::json::object& o, std::string_view name);

}  // namespace vigie::text
