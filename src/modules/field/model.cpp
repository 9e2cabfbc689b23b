#include "modules/field/model.hpp"

namespace vigie::field {

std::string to_string(SignalState s) {
  switch (s) {
    case SignalState::new_:
      return "new";
    case SignalState::acknowledged:
      return "acknowledged";
    case SignalState::shared:
      return "shared";
    case SignalState::closed:
      return "closed";
  }
  return "new";
}

std::optional<SignalState> signal_state_from(const std::string& s) {
  for (auto v :
       {SignalState::new_, SignalState::acknowledged, SignalState::shared, SignalState::closed})
    if (to_string(v) == s) return v;
  return std::nullopt;
}

std::vector<SignalState> next_states(SignalState from) {
  // The coordinator acknowledges a signal before sharing it (it vouches for what it passes on);
  // one acknowledged but not worth sharing may be closed at once.
  switch (from) {
    case SignalState::new_:
      return {SignalState::acknowledged};
    case SignalState::acknowledged:
      return {SignalState::shared, SignalState::closed};
    case SignalState::shared:
      return {SignalState::closed};
    case SignalState::closed:
      return {};
  }
  return {};
}

}  // namespace vigie::field
