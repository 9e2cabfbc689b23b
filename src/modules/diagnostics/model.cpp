#include "modules/diagnostics/model.hpp"

#include <array>
#include <utility>

namespace vigie::diagnostics {

namespace {
constexpr std::array<std::pair<Rating, std::string_view>, 6> kRatings{{
    {Rating::not_implemented, "not_implemented"},
    {Rating::weak, "weak"},
    {Rating::partial, "partial"},
    {Rating::substantial, "substantial"},
    {Rating::effective, "effective"},
    {Rating::unknown, "unknown"},
}};
constexpr std::array<std::pair<State, std::string_view>, 3> kStates{{
    {State::draft, "draft"},
    {State::published, "published"},
    {State::superseded, "superseded"},
}};
constexpr std::array<std::pair<Visibility, std::string_view>, 2> kVisibilities{{
    {Visibility::committee, "committee"},
    {Visibility::coordination, "coordination"},
}};

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E v) {
  for (const auto& [e, s] : table)
    if (e == v) return s;
  return "";
}
template <class E, std::size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view s) {
  for (const auto& [e, n] : table)
    if (n == s) return e;
  return std::nullopt;
}
}  // namespace

std::string_view to_string(Rating r) {
  return name_of(kRatings, r);
}
std::optional<Rating> rating_from(std::string_view s) {
  return value_of(kRatings, s);
}
std::optional<int> level(Rating r) {
  if (r == Rating::unknown) return std::nullopt;
  return static_cast<int>(r);
}
std::string_view to_string(State s) {
  return name_of(kStates, s);
}
std::optional<State> state_from(std::string_view s) {
  return value_of(kStates, s);
}
std::string_view to_string(Visibility v) {
  return name_of(kVisibilities, v);
}
std::optional<Visibility> visibility_from(std::string_view s) {
  return value_of(kVisibilities, s);
}

}  // namespace vigie::diagnostics
