#include "modules/plan/model.hpp"

#include <array>
#include <utility>

namespace vigie::plan {

namespace {
constexpr std::array<std::pair<Status, std::string_view>, 5> kStatuses{{
    {Status::not_started, "not_started"},
    {Status::in_progress, "in_progress"},
    {Status::achieved, "achieved"},
    {Status::delayed, "delayed"},
    {Status::abandoned, "abandoned"},
}};
}

std::string_view to_string(Status s) {
  for (const auto& [v, n] : kStatuses)
    if (v == s) return n;
  return "";
}

std::optional<Status> status_from(std::string_view s) {
  for (const auto& [v, n] : kStatuses)
    if (n == s) return v;
  return std::nullopt;
}

std::string_view to_string(Direction d) {
  return d == Direction::up ? "up" : "down";
}

std::optional<Direction> direction_from(std::string_view s) {
  if (s == "up") return Direction::up;
  if (s == "down") return Direction::down;
  return std::nullopt;
}

}  // namespace vigie::plan
