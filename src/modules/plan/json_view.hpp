#pragma once
// The JSON shapes of the plan (API answers and the snapshots campaigns keep).

#include "modules/plan/model.hpp"

#include <boost/json.hpp>

namespace vigie::plan {

// Progress as a whole percent with one decimal at most, as JSON integers (Boost.JSON writes
// doubles in exponent form) or a decimal string.
boost::json::value percent(double p);
// A number as JSON: integral values as integers, others as doubles.
boost::json::value number(double v);
boost::json::array strings(const std::vector<std::string>& v);
boost::json::object update_json(const Update& u, bool with_comment);
boost::json::object action_json(const Action& a);
boost::json::object measure_json(const Measure& m, bool full);
// `full`: actions, comments and retired measures (committee members); otherwise the public
// view: axes and measures in force with status and progress.
boost::json::object tree_json(const Plan& p, bool full);
boost::json::object indicator_json(const Indicator& i);

}  // namespace vigie::plan
