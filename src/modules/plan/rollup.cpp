#include "modules/plan/rollup.hpp"

namespace vigie::plan {

const char* const kRollupRuleFr =
    "L'avancement d'une action est celui de sa dernière mise à jour (100 % si elle est réalisée, "
    "0 % sans mise à jour). Une action est en retard si son échéance est passée sans qu'elle soit "
    "réalisée ou abandonnée. L'avancement d'une mesure est la moyenne pondérée de celui de ses "
    "actions (hors actions abandonnées), celui d'un axe la moyenne pondérée de ses mesures (hors "
    "mesures retirées), celui du plan la moyenne pondérée de ses axes.";
const char* const kRollupRuleEn =
    "An action's progress is that of its latest update (100 % when achieved, 0 % without any "
    "update). An action is overdue when its deadline has passed and it is neither achieved nor "
    "abandoned. A measure's progress is the weighted mean of its actions' (abandoned ones left "
    "out), an axis's the weighted mean of its measures' (retired ones left out), the plan's the "
    "weighted mean of its axes'.";

namespace {

template <class T, class Keep>
double weighted_mean(const std::vector<T>& items, Keep keep) {
  double sum = 0, weights = 0;
  for (const auto& i : items) {
    if (!keep(i)) continue;
    sum += i.progress * i.weight;
    weights += i.weight;
  }
  return weights > 0 ? sum / weights : 0;
}

}  // namespace

void roll_up(Plan& plan, const std::string& today) {
  for (auto& axis : plan.axes) {
    for (auto& m : axis.measures) {
      bool all_achieved = !m.actions.empty(), all_abandoned = !m.actions.empty(), started = false,
           late = false;
      for (auto& a : m.actions) {
        a.status = a.latest ? a.latest->status : Status::not_started;
        a.progress = a.status == Status::achieved     ? 100
                     : a.latest && a.latest->progress ? *a.latest->progress
                                                      : 0;
        a.overdue = a.deadline && *a.deadline < today && a.status != Status::achieved &&
                    a.status != Status::abandoned;
        all_achieved &= a.status == Status::achieved || a.status == Status::abandoned;
        all_abandoned &= a.status == Status::abandoned;
        started |= a.status != Status::not_started && a.status != Status::abandoned;
        late |= a.status == Status::delayed || a.overdue;
      }
      m.overdue = false;
      for (const auto& a : m.actions) m.overdue |= a.overdue;
      m.progress =
          weighted_mean(m.actions, [](const Action& a) { return a.status != Status::abandoned; });
      m.status = all_abandoned  ? Status::abandoned
                 : all_achieved ? Status::achieved
                 : late         ? Status::delayed
                 : started      ? Status::in_progress
                                : Status::not_started;
    }
    axis.progress = weighted_mean(axis.measures, [](const Measure& m) { return !m.retired; });
    bool all_achieved = false, all_abandoned = true, started = false, late = false;
    bool any = false;
    for (const auto& m : axis.measures) {
      if (m.retired) continue;
      if (!any) all_achieved = true;
      any = true;
      all_achieved &= m.status == Status::achieved || m.status == Status::abandoned;
      all_abandoned &= m.status == Status::abandoned;
      started |= m.status != Status::not_started && m.status != Status::abandoned;
      late |= m.status == Status::delayed;
    }
    axis.status = !any            ? Status::not_started
                  : all_abandoned ? Status::abandoned
                  : all_achieved  ? Status::achieved
                  : late          ? Status::delayed
                  : started       ? Status::in_progress
                                  : Status::not_started;
  }
  plan.progress = weighted_mean(plan.axes, [](const Axis&) { return true; });
}

}  // namespace vigie::plan
