#include "modules/plan/json_view.hpp"

#include "modules/plan/rollup.hpp"

#include <cmath>
#include <map>

namespace vigie::plan {

// Progress as a whole percent with one decimal at most, as JSON integers (Boost.JSON writes
// doubles in exponent form).
boost::json::value percent(double p) {
  const auto tenths = static_cast<std::int64_t>(std::lround(p * 10));
  if (tenths % 10 == 0) return tenths / 10;
  return boost::json::string(std::to_string(tenths / 10) + "." + std::to_string(tenths % 10));
}

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array a;
  for (const auto& s : v) a.push_back(boost::json::string(s));
  return a;
}

boost::json::object update_json(const Update& u, bool with_comment) {
  boost::json::object o{{"status", to_string(u.status)},
                        {"reported_on", u.reported_on},
                        {"author_org", u.author_org}};
  if (u.progress)
    o["progress"] = *u.progress;
  else
    o["progress"] = nullptr;
  if (with_comment) {
    o["comment"] = u.comment;
    o["evidence"] = strings(u.evidence);
    o["created_at"] = u.created_at;
    if (!u.author_email.empty()) o["author"] = u.author_email;
  }
  return o;
}

boost::json::object action_json(const Action& a) {
  boost::json::object o{{"id", a.id},
                        {"title", a.title},
                        {"pilots", strings(a.pilots)},
                        {"partners", strings(a.partners)},
                        {"status", to_string(a.status)},
                        {"progress", percent(a.progress)},
                        {"overdue", a.overdue},
                        {"weight", a.weight},
                        {"funding", a.funding},
                        {"official_text_url", a.official_text_url}};
  o["deadline"] = a.deadline ? boost::json::value(*a.deadline) : nullptr;
  o["cost_eur"] = a.cost_eur ? boost::json::value(*a.cost_eur) : nullptr;
  o["latest"] = a.latest ? boost::json::value(update_json(*a.latest, true)) : nullptr;
  return o;
}

boost::json::object measure_json(const Measure& m, bool full) {
  boost::json::object o{{"code", m.code},
                        {"title", m.title_fr},
                        {"title_en", m.title_en},
                        {"status", to_string(m.status)},
                        {"progress", percent(m.progress)},
                        {"overdue", m.overdue},
                        {"retired", m.retired},
                        // Public, so that anyone can recompute the axis from its measures.
                        {"weight", m.weight}};
  if (full) {
    boost::json::array actions;
    for (const auto& a : m.actions) actions.push_back(action_json(a));
    o["actions"] = std::move(actions);
    o["confidence"] = m.confidence;
    o["sources"] = strings(m.sources);
  }
  return o;
}

boost::json::object tree_json(const Plan& p, bool full) {
  boost::json::array axes;
  for (const auto& a : p.axes) {
    boost::json::array measures;
    for (const auto& m : a.measures)
      if (full || !m.retired) measures.push_back(measure_json(m, full));
    axes.push_back({{"code", a.code},
                    {"title", a.title_fr},
                    {"title_en", a.title_en},
                    {"progress", percent(a.progress)},
                    {"weight", a.weight},
                    {"kind", a.transversal ? "transversal" : "thematic"},
                    {"status", to_string(a.status)},
                    {"measures", std::move(measures)}});
  }
  return {{"code", p.code},
          {"title", p.title_fr},
          {"title_en", p.title_en},
          {"period", {{"start", p.period_start}, {"end", p.period_end}}},
          {"progress", percent(p.progress)},
          {"rule", {{"fr", kRollupRuleFr}, {"en", kRollupRuleEn}}},
          {"axes", std::move(axes)}};
}

boost::json::value number(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<std::int64_t>(v);
  return v;
}

boost::json::object indicator_json(const Indicator& i) {
  boost::json::object o{{"id", i.id},
                        {"measure", i.measure_code},
                        {"name", i.name},
                        {"unit", i.unit},
                        {"direction", to_string(i.direction)}};
  o["action_id"] = i.action_id ? boost::json::value(*i.action_id) : nullptr;
  o["baseline"] = i.baseline ? number(*i.baseline) : nullptr;
  o["target"] = i.target ? number(*i.target) : nullptr;
  o["target_date"] = i.target_date ? boost::json::value(*i.target_date) : nullptr;
  // The series: each period's latest entry, periods in order; the entries: everything recorded.
  std::map<std::string, const IndicatorValue*> latest;
  boost::json::array entries;
  for (const auto& v : i.entries) {
    latest[v.period] = &v;
    boost::json::object e{{"period", v.period},
                          {"value", number(v.value)},
                          {"source", v.source},
                          {"author_org", v.author_org},
                          {"created_at", v.created_at}};
    if (!v.author_email.empty()) e["author"] = v.author_email;
    entries.push_back(std::move(e));
  }
  boost::json::array series;
  for (const auto& [period, v] : latest)
    series.push_back({{"period", period}, {"value", number(v->value)}, {"source", v->source}});
  o["series"] = std::move(series);
  o["entries"] = std::move(entries);
  return o;
}

}  // namespace vigie::plan
