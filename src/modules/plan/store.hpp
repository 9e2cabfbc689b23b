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
// The plan's tree (nullopt before one is loaded). With `only`: the measure of that code alone
// in its axis, or else the axis of that code with its measures (no axis when neither exists)
// — what one measure's or one theme's roll-up needs, read in a few rows.
std::optional<Plan> load_tree(soci::session& s,
                              const std::optional<std::string>& only = std::nullopt);

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

// --- Referential edits (referential_store.cpp) ---
struct MeasureRow {
  std::int64_t id = 0, axis_id = 0;
  std::string code, title_fr, title_en;
  int position = 0, weight = 1;
  std::optional<std::string> retired_at;  // YYYY-MM-DD
};
std::optional<MeasureRow> find_measure(soci::session& s, const std::string& code);
std::optional<std::int64_t> find_axis_id(soci::session& s, const std::string& code);
int next_measure_position(soci::session& s, std::int64_t axis_id);
int next_action_position(soci::session& s, std::int64_t measure_id);
void update_measure(soci::session& s, const MeasureRow& m);
// Swaps the positions of the measure and its neighbour in the axis (-1: before, +1: after);
// false when there is no such neighbour.
bool move_measure(soci::session& s, const MeasureRow& m, int direction);
void update_action(soci::session& s, const Action& a);
std::optional<std::string> action_measure_code(soci::session& s, std::int64_t action_id);
// Organisation codes known as pilots (in the plan) or as member organisations.
std::vector<std::string> known_pilot_codes(soci::session& s);

// --- Indicators (indicator_store.cpp) ---
std::int64_t insert_indicator(soci::session& s, std::int64_t measure_id, const Indicator& i,
                              const std::string& at);
// The measure's indicators with every value entry.
std::vector<Indicator> measure_indicators(soci::session& s, const std::string& measure_code);
std::optional<Indicator> find_indicator(soci::session& s, std::int64_t id);
std::int64_t insert_indicator_value(soci::session& s, std::int64_t indicator_id,
                                    const IndicatorValue& v,
                                    std::optional<std::int64_t> author_user_id);

// --- Campaigns (campaign_store.cpp) ---
std::int64_t insert_campaign(soci::session& s, const Campaign& c,
                             std::optional<std::int64_t> opened_by,
                             const std::vector<std::int64_t>& measure_ids);
std::vector<Campaign> list_campaigns(soci::session& s);
std::optional<Campaign> find_campaign(soci::session& s, std::int64_t id);
// The actions of the campaign's measures, with the first update each got since the opening
// (updates loaded from the reference data do not count).
std::vector<OwedAction> campaign_actions(soci::session& s, const Campaign& c);
void close_campaign(soci::session& s, std::int64_t id, const std::string& at,
                    const std::string& snapshot);
// The reminders of `kind` already sent to the organisation for the campaign (dates).
std::vector<std::string> reminders_sent(soci::session& s, std::int64_t campaign_id,
                                        const std::string& org_code, const std::string& kind);
// The e-mail addresses that receive an organisation's reporting reminders: its active
// referents and admins.
std::vector<std::string> reporting_contacts(soci::session& s, const std::string& org_code);
// Records that the reminder of `kind` goes to the organisation on day `on`; false when it was
// already recorded (by a concurrent pass, another process's included): then it is not sent.
bool record_reminder(soci::session& s, std::int64_t campaign_id, const std::string& org_code,
                     const std::string& kind, const std::string& on);

}  // namespace vigie::plan::store
