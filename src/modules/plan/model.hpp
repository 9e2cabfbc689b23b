#pragma once
// The plan referential: plan > axes > measures > actions (the unit a pilot reports on), with
// dated progress updates. Roll-ups are computed, never stored (see rollup.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::plan {

enum class Status { not_started, in_progress, achieved, delayed, abandoned };
std::string_view to_string(Status s);
std::optional<Status> status_from(std::string_view s);

struct Update {
  std::int64_t id = 0;
  Status status = Status::not_started;
  std::optional<int> progress;  // percent; none when the update gave only a status
  std::string comment;
  std::vector<std::string> evidence;  // links
  std::string reported_on;            // date the situation refers to (YYYY-MM-DD)
  std::string author_org;
  std::string author_email;  // empty for updates loaded from the reference data
  std::string created_at;
  std::optional<std::int64_t> author_user_id;  // the directory names it (author_email)
};

struct Action {
  std::int64_t id = 0;
  std::string title;
  int weight = 1;
  std::optional<std::string> deadline;  // YYYY-MM-DD
  std::optional<std::int64_t> cost_eur;
  std::string funding, official_text_url;
  std::vector<std::string> pilots;  // organisation codes
  std::vector<std::string> partners;
  std::optional<Update> latest;
  // Computed:
  Status status = Status::not_started;
  double progress = 0;
  bool overdue = false;
};

struct Measure {
  std::int64_t id = 0;
  std::string code, title_fr, title_en, confidence;
  std::vector<std::string> sources;
  int weight = 1;
  bool retired = false;
  std::vector<Action> actions;
  Status status = Status::not_started;
  double progress = 0;
  bool overdue = false;
};

// An axis of the plan: thematic (a form of exploitation) or transversal — a cross-cutting
// theme (awareness, victim protection, steering) on which the field may be asked as a whole.
struct Axis {
  std::int64_t id = 0;
  std::string code, title_fr, title_en;
  int weight = 1;
  bool transversal = false;
  std::vector<Measure> measures;
  double progress = 0;
  Status status = Status::not_started;  // computed: the measures' statuses rolled up
};

// An indicator of a measure (or of one of its actions), with its values per period. Every
// recorded value is kept; the value of a period is its latest entry.
enum class Direction { up, down };  // which way is better
std::string_view to_string(Direction d);
std::optional<Direction> direction_from(std::string_view s);

struct IndicatorValue {
  std::int64_t id = 0;
  std::string period;  // YYYY, YYYY-Sn, YYYY-Qn or YYYY-MM
  double value = 0;
  std::string source;
  std::string author_org, author_email, created_at;
  std::optional<std::int64_t> author_user_id;  // the directory names it (author_email)
};

struct Indicator {
  std::int64_t id = 0;
  std::string measure_code;
  std::optional<std::int64_t> action_id;
  std::string name, unit;
  Direction direction = Direction::up;
  std::optional<double> baseline, target;
  std::optional<std::string> target_date;
  std::vector<IndicatorValue> entries;  // every entry, by period then recording order
};

// A reporting campaign: the pilots of the actions of the measures in scope owe an update made
// between the opening and the close.
struct Campaign {
  std::int64_t id = 0;
  std::string label, deadline, opened_at;  // deadline YYYY-MM-DD, opened_at ISO UTC
  bool scope_all = true;
  std::optional<std::string> closed_at;
  std::string snapshot;  // JSON written at closing; empty while open
  std::vector<std::string> measure_codes;
};

// One action a campaign waits for, and whether an update came since the opening.
struct OwedAction {
  std::int64_t action_id = 0;
  std::string measure_code, measure_title, action_title;
  std::string measure_title_en;  // "" when the plan has no English title (actions have none)
  std::vector<std::string> pilots;
  std::optional<std::string> reported_at;  // the first update since the opening
};

struct Plan {
  std::string code, title_fr, title_en, period_start, period_end;
  std::vector<Axis> axes;
  double progress = 0;
};

}  // namespace vigie::plan
