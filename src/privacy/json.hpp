#pragma once
// The JSON shapes of the privacy engines' results, shared by the API and the CLI.
// A controlled cell: {"<dim>": "value" | null (= total), ..., "value": 45 | null,
// "suppressed": bool, "reason": "below_k" | "protects_another_cell"}.

#include "privacy/disclosure_control.hpp"
#include "privacy/identifier_guard.hpp"

#include <boost/json/value.hpp>

namespace vigie::privacy {

boost::json::value findings_to_json(const std::vector<Finding>& findings);
boost::json::value table_to_json(const ControlledTable& table);

}  // namespace vigie::privacy
