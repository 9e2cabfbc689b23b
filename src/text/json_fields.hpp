#pragma once
// Reading loosely-typed JSON objects (request bodies, provider answers, reference data):
// a member that is absent or of another type reads as empty.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::text {

// The member's text, or "" when it is absent or not a string.
std::string string_member(const boost::json::object& o, std::string_view name);
// The member's strings, skipping non-strings; empty when absent or not an array.
std::vector<std::string> string_list_member(const boost::json::object& o, std::string_view name);

// For partial updates: the member's text when it is present as a string, else nullopt.
std::optional<std::string> present_string_member(const boost::json::object& o,
                                                 std::string_view name);
// The member as a number (integer or not), or nullopt when absent, null or not a number.
std::optional<double> number_member(const boost::json::object& o, std::string_view name);

// A list of strings stored as a JSON array in a text column, and back ("" or invalid: empty).
std::vector<std::string> parse_string_array(const std::string& json);
std::string string_array_json(const std::vector<std::string>& items);

}  // namespace vigie::text
