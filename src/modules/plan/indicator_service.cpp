// Indicators of measures and their values per period.
#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/rules.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/plan/referential_rules.hpp"
#include "modules/plan/service.hpp"
#include "modules/plan/store.hpp"
#include "privacy/field_guard.hpp"

#include <algorithm>
#include <cmath>

namespace vigie::plan {

std::vector<Indicator> IndicatorService::indicators(const std::string& measure_code) {
  return db_.read([&](soci::session& s) {
    auto indicators = store::measure_indicators(s, measure_code);
    std::vector<std::int64_t> authors;
    for (const auto& i : indicators)
      for (const auto& v : i.entries)
        if (v.author_user_id) authors.push_back(*v.author_user_id);
    const auto emails = accounts::directory::emails(s, authors);
    for (auto& i : indicators)
      for (auto& v : i.entries)
        if (v.author_user_id && emails.contains(*v.author_user_id))
          v.author_email = emails.at(*v.author_user_id);
    return indicators;
  });
}

Indicator IndicatorService::create_indicator(const kit::Actor& who, const std::string& measure_code,
                                             const IndicatorInput& in) {
  kit::FieldErrors errors;
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
  if (!errors.empty()) throw kit::Invalid(errors);
  return db_.transact([&](soci::session& s) {
    auto m = store::find_measure(s, measure_code);
    if (!m) throw kit::NotFound("No measure with this code.");
    if (in.action_id && store::action_measure_code(s, *in.action_id) != measure_code)
      throw kit::Invalid({{"action_id", "invalid", "The action is not one of this measure's."}});
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
    kit::AuditRecord(who, "plan.indicator_create", "indicator", i.id)
        .append(s, db_.backend(), audit_);
    return i;
  });
}

IndicatorValue IndicatorService::record_value(const kit::Actor& who, std::int64_t indicator_id,
                                              const ValueInput& in) {
  kit::FieldErrors errors;
  if (auto p = kit::rules::period(in.period)) errors.push_back({"period", p->code, p->message});
  if (!in.value || !std::isfinite(*in.value))
    errors.push_back({"value", "required", "A number is required."});
  if (in.source.find_first_not_of(' ') == std::string::npos)
    errors.push_back({"source", "required", "Say where the value comes from."});
  else if (in.source.size() > 500)
    errors.push_back({"source", "too_long", "At most 500 characters."});
  if (!errors.empty()) throw kit::Invalid(errors);
  privacy::require_no_identifiers({{"source", in.source}});
  return db_.transact([&](soci::session& s) {
    // The route guard has checked the caller pilots the indicator (or is the coordination).
    if (!store::find_indicator(s, indicator_id)) throw kit::NotFound("No indicator with this id.");
    IndicatorValue v;
    v.period = *kit::rules::canonical_period(in.period);
    v.value = *in.value;
    v.source = in.source;
    v.author_org = who.org_code;
    v.author_email = accounts::directory::emails(s, {who.user_id})[who.user_id];
    v.created_at = db::iso_utc(now_());
    v.id = store::insert_indicator_value(s, indicator_id, v, who.user_id);
    kit::AuditRecord(who, "plan.indicator_value", "indicator", indicator_id)
        .detail("period", v.period)
        .append(s, db_.backend(), audit_);
    return v;
  });
}

kit::Relations IndicatorService::relation_to_indicator(const kit::Actor& who,
                                                       std::int64_t indicator_id) {
  return db_.read([&](soci::session& s) {
    auto indicator = store::find_indicator(s, indicator_id);
    if (!indicator) throw kit::NotFound("No indicator with this id.");
    // The pilots of the indicator's action, or of any action of its measure.
    bool pilot = false;
    if (auto tree = store::load_tree(s))
      for (const auto& axis : tree->axes)
        for (const auto& m : axis.measures)
          if (m.code == indicator->measure_code)
            for (const auto& a : m.actions)
              if (!indicator->action_id || *indicator->action_id == a.id)
                pilot |=
                    std::find(a.pilots.begin(), a.pilots.end(), who.org_code) != a.pilots.end();
    return pilot ? kit::Relations{kit::Relation::pilot} : kit::Relations{};
  });
}

}  // namespace vigie::plan
