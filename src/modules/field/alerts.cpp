#include "modules/field/alerts.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace vigie::field {

const char* const kAlertRulesFr =
    "Alerte « volume » : au moins 20 profils et signaux enregistrés dans un département sur les 7 "
    "derniers jours. Alerte « habituel » : les profils des 7 derniers jours dépassent la moyenne "
    "plus deux écarts types des mêmes semaines des années précédentes (la semaine 52 semaines "
    "plus tôt et ses deux voisines, sur 5 ans) ; avec moins de 5 semaines d'historique, méthode "
    "EARS C2 du CDC : les profils du jour dépassent de plus de 3 écarts types la moyenne des 7 "
    "jours finissant 2 jours plus tôt.";
const char* const kAlertRulesEn =
    "\"Volume\" alert: at least 20 profiles and signals recorded in a département over the last 7 "
    "days. \"Usual\" alert: the last 7 days' profiles exceed the mean plus two standard deviations "
    "of the same weeks of earlier years (the week 52 weeks before and the weeks either side, over "
    "5 years); with fewer than 5 weeks of history, CDC EARS C2: today's profiles exceed the mean "
    "of the 7 days ending 2 days before by more than 3 standard deviations.";

namespace {

using Days = std::chrono::days;

std::string iso(std::chrono::sys_days d) {
  const std::chrono::year_month_day ymd{d};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

// Mean and sample standard deviation.
std::pair<double, double> mean_sd(const std::vector<double>& v) {
  const double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  double sq = 0;
  for (double x : v) sq += (x - mean) * (x - mean);
  return {mean, v.size() > 1 ? std::sqrt(sq / static_cast<double>(v.size() - 1)) : 0.0};
}

}  // namespace

std::vector<Alert> evaluate(const std::vector<DailyCount>& counts, std::chrono::sys_days today,
                            const AlertRules& rules) {
  std::map<std::string, std::map<std::chrono::sys_days, int>> profiles, all;
  std::chrono::sys_days first = today;
  for (const auto& c : counts) {
    if (c.day > today) continue;
    all[c.departement][c.day] += c.n;
    if (!c.signal) profiles[c.departement][c.day] += c.n;
    first = std::min(first, c.day);
  }
  auto sum = [](const std::map<std::chrono::sys_days, int>& by_day, std::chrono::sys_days from,
                std::chrono::sys_days to) {
    int n = 0;
    for (auto it = by_day.lower_bound(from); it != by_day.end() && it->first <= to; ++it)
      n += it->second;
    return n;
  };
  std::vector<Alert> out;
  const auto day = iso(today);
  for (const auto& [dep, by_day] : all) {
    const int recent = sum(by_day, today - Days(rules.window_days - 1), today);
    if (recent >= rules.count_threshold)
      out.push_back({"count", dep, recent, static_cast<double>(rules.count_threshold), day});
  }
  for (const auto& [dep, by_day] : profiles) {
    const int week = sum(by_day, today - Days(6), today);
    std::vector<double> history;
    for (int y = 1; y <= rules.history_years; ++y)
      for (int offset : {-7, 0, 7}) {
        const auto end = today - Days(364 * y + offset);
        if (end - Days(6) < first) continue;  // before anything was recorded: no history
        history.push_back(sum(by_day, end - Days(6), end));
      }
    if (static_cast<int>(history.size()) >= rules.min_history) {
      const auto [mean, sd] = mean_sd(history);
      const double threshold = mean + 2 * sd;
      if (week > threshold) out.push_back({"baseline", dep, week, threshold, day});
      continue;
    }
    std::vector<double> baseline;
    for (int d = 3; d <= 9; ++d) baseline.push_back(sum(by_day, today - Days(d), today - Days(d)));
    const auto [mean, sd] = mean_sd(baseline);
    const int now = sum(by_day, today, today);
    const double threshold = mean + 3 * std::max(sd, 0.5);
    if (now > threshold) out.push_back({"ears_c2", dep, now, threshold, day});
  }
  std::sort(out.begin(), out.end(), [](const Alert& a, const Alert& b) {
    return std::tie(a.departement, a.rule) < std::tie(b.departement, b.rule);
  });
  return out;
}

}  // namespace vigie::field
