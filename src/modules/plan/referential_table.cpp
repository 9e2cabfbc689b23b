#include "modules/plan/referential_table.hpp"

#include "text/trim.hpp"

#include <cmath>

namespace vigie::plan {

const std::array<std::string_view, kColumnCount> kColumnNames{
    "axis",     "measure",   "measure_title_fr", "measure_title_en", "measure_weight",
    "retired",  "action_id", "action_title",     "action_weight",    "pilots",
    "partners", "deadline",  "cost_eur",         "funding",          "official_text_url",
    "status",   "progress",  "overdue"};

std::vector<bool> numeric_columns() {
  std::vector<bool> out(kColumnCount, false);
  for (auto c : {kMeasureWeight, kActionId, kActionWeight, kCostEur, kProgress}) out[c] = true;
  return out;
}

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

}  // namespace

text::Table referential_rows(const Plan& plan) {
  text::Table rows;
  rows.emplace_back(kColumnNames.begin(), kColumnNames.end());
  for (const auto& axis : plan.axes)
    for (const auto& m : axis.measures)
      for (const auto& a : m.actions)
        rows.push_back({axis.code, m.code, m.title_fr, m.title_en, std::to_string(m.weight),
                        m.retired ? "yes" : "no", std::to_string(a.id), a.title,
                        std::to_string(a.weight), join_pilots(a.pilots), join(a.partners, " ; "),
                        a.deadline.value_or(""), a.cost_eur ? std::to_string(*a.cost_eur) : "",
                        a.funding, a.official_text_url, std::string(to_string(a.status)),
                        std::to_string(static_cast<int>(std::lround(a.progress))),
                        a.overdue ? "yes" : "no"});
  return rows;
}

std::string join_pilots(const std::vector<std::string>& pilots) {
  return join(pilots, " ");
}

std::vector<std::string> split_pilots(std::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : cell) {
    if (c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<std::string> split_partners(std::string_view cell) {
  std::vector<std::string> out;
  while (true) {
    const auto at = cell.find(';');
    if (auto t = text::trim(cell.substr(0, at)); !t.empty()) out.push_back(std::move(t));
    if (at == std::string_view::npos) break;
    cell.remove_prefix(at + 1);
  }
  return out;
}

}  // namespace vigie::plan
