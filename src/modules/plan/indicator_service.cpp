// Indicators of measures and their values per period.
#include "db/timestamp.hpp"
#include "http/problem.hpp"
#include "modules/plan/referential_rules.hpp"
#include "modules/plan/service.hpp"
#include "modules/plan/store.hpp"
#include "privacy/field_guard.hpp"

#include <algorithm>
#include <cmath>

namespace vigie::plan {

std::vector<Indicator> Service::indicators(const std::string& measure_code) {
  return db_.transact([&](soci::session& s) { return store::measure_indicators(s, measure_code); });
}

Indicator Service::create_indicator(const accounts::SessionUser& who,
                                    const std::string& measure_code, const IndicatorInput& in,
                                    const std::string& request_id) {
  require(who, "plan.manage", accounts::Relation::none,
          "Only the coordination defines the plan's indicators.");
  std::vector<http::FieldError> errors;
  auto check = [&](const std::string& field, const std::optional<rules::Problem>& p) {
    if (p) errors.push_back({field, p->code, p->message});
  };
  check("name", rules::title(in.name));
  if (in.unit.find_first_not_of(' ') == std::string::npos)
    errors.push_back({"unit", "required", "A unit is required (a number, %, €…)."});
  else if (in.unit.size() > 50)
    errors.push_back({"unit", "too_long", "At most 50 characters."});
  auto direction = direction_from(in.direction);
  if (!direction) errors.push_back({"direction", "invalid", "up or down."});
  for (auto [field, v] : {std::pair{"baseline", in.baseline}, std::pair{"target", in.target}})
    if (v && !std::isfinite(*v)) errors.push_back({field, "invalid", "A number."});
  check("target_date", rules::date(in.target_date));
  if (!errors.empty()) throw http::ProblemException(http::unprocessable(errors));
  return db_.transact([&](soci::session& s) {
    auto m = store::find_measure(s, measure_code);
    if (!m) throw http::ProblemException(http::not_found("No measure with this code."));
    if (in.action_id && store::action_measure_code(s, *in.action_id) != measure_code)
      throw http::ProblemException(http::unprocessable(
          {{"action_id", "invalid", "The action is not one of this measure's."}}));
    Indicator i;
    i.measure_code = measure_code;
    i.action_id = in.action_id;
    i.name = in.name;
    i.unit = in.unit;
    i.direction = *direction;
    i.baseline = in.baseline;
    i.target = in.target;
    if (!in.target_date.empty()) i.target_date = in.target_date;
    i.id = store::insert_indicator(s, m->id, i, db::iso_utc(now_()));
    audit_.append(s, db_.backend(),
                  {who.user.id, who.organisation.id, std::nullopt, "plan.indicator_create",
                   "indicator", std::to_string(i.id), request_id, "ok", "{}"});
    return i;
  });
}

IndicatorValue Service::record_value(const accounts::SessionUser& who, std::int64_t indicator_id,
                                     const ValueInput& in, const std::string& request_id) {
  std::vector<http::FieldError> errors;
  if (auto p = rules::period(in.period)) errors.push_back({"period", p->code, p->message});
  if (!in.value || !std::isfinite(*in.value))
    errors.push_back({"value", "required", "A number is required."});
  if (in.source.find_first_not_of(' ') == std::string::npos)
    errors.push_back({"source", "required", "Say where the value comes from."});
  else if (in.source.size() > 500)
    errors.push_back({"source", "too_long", "At most 500 characters."});
  if (!errors.empty()) throw http::ProblemException(http::unprocessable(errors));
  privacy::require_no_identifiers({{"source", in.source}});
  return db_.transact([&](soci::session& s) {
    auto indicator = store::find_indicator(s, indicator_id);
    if (!indicator) throw http::ProblemException(http::not_found("No indicator with this id."));
    // The pilots of the indicator's action, or of any action of its measure.
    bool pilot = false;
    if (auto tree = store::load_tree(s))
      for (const auto& axis : tree->axes)
        for (const auto& m : axis.measures)
          if (m.code == indicator->measure_code)
            for (const auto& a : m.actions)
              if (!indicator->action_id || *indicator->action_id == a.id)
                pilot |= std::find(a.pilots.begin(), a.pilots.end(), who.organisation.code) !=
                         a.pilots.end();
    require(who, "plan.report",
            pilot ? accounts::Relation::own_organisation : accounts::Relation::none,
            "Only the pilots of the measure, and the coordination, record its indicators.");
    IndicatorValue v;
    v.period = in.period;
    v.value = *in.value;
    v.source = in.source;
    v.author_org = who.organisation.code;
    v.author_email = who.user.email;
    v.created_at = db::iso_utc(now_());
    v.id = store::insert_indicator_value(s, indicator_id, v, who.user.id);
    audit_.append(
        s, db_.backend(),
        {who.user.id, who.organisation.id, std::nullopt, "plan.indicator_value", "indicator",
         std::to_string(indicator_id), request_id, "ok", "{\"period\":\"" + in.period + "\"}"});
    return v;
  });
}

}  // namespace vigie::plan
