#pragma once
// The only door to the plan tables. Reads assemble the whole tree in five queries (never one
// per node).

#include "modules/plan/model.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace vigie::plan::store {

bool has_plan(soci::session& s);
// The tree without computed fields (see rollup.hpp).
std::optional<Plan> load_tree(soci::session& s);

struct ActionRef {
  std::int64_t id = 0;
  std::string measure_code;
  std::vector<std::string> pilots;
};
std::optional<ActionRef> find_action(soci::session& s, std::int64_t id);

// Every update of the measure's actions, newest first, with the author's e-mail.
std::vector<std::pair<std::int64_t, Update>> measure_history(soci::session& s,
                                                             const std::string& measure_code);

std::int64_t insert_update(soci::session& s, std::int64_t action_id, const Update& u,
                           std::optional<std::int64_t> author_user_id);

std::int64_t insert_plan(soci::session& s, const Plan& p);
std::int64_t insert_axis(soci::session& s, std::int64_t plan_id, const Axis& a, int position);
std::int64_t insert_measure(soci::session& s, std::int64_t axis_id, const Measure& m, int position);
std::int64_t insert_action(soci::session& s, std::int64_t measure_id, const Action& a,
                           int position);

}  // namespace vigie::plan::store
