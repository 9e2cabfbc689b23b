#include "modules/diagnostics/divergence.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace vigie::diagnostics {

const char* const kRuleFr =
    "Écart = niveau officiel − médiane du terrain, sur l'échelle 0 (pas mis en œuvre) à 4 "
    "(effectif). Le niveau officiel est l'avancement déclaré divisé par 25 (4 si la mesure est "
    "réalisée). La médiane du terrain est celle des organisations, chacune comptée une fois "
    "avec la médiane de ses diagnostics publiés (« ne sait pas » n'est pas compté). Une mesure "
    "est signalée quand elle est déclarée en cours ou réalisée avec au moins 50 % d'avancement "
    "alors que la médiane du terrain est « faible » ou pire, selon au moins deux organisations "
    "de deux types d'acteurs différents.";
const char* const kRuleEn =
    "Gap = official level − field median, on the scale 0 (not implemented) to 4 (effective). "
    "The official level is the reported progress divided by 25 (4 when the measure is "
    "achieved). The field median is that of the organisations, each counted once with the "
    "median of its published diagnostics (\"don't know\" is not counted). A measure is flagged "
    "when it is reported in progress or achieved with at least 50 % progress while the field "
    "median is \"weak\" or worse, according to at least two organisations of two different "
    "actor types.";

double official_level(const OfficialPicture& o) {
  if (o.status == "achieved") return 4.0;
  if (o.status == "not_started" || o.status == "abandoned") return 0.0;
  return std::clamp(o.progress, 0, 100) / 25.0;
}

std::optional<double> median(std::vector<double> v) {
  if (v.empty()) return std::nullopt;
  std::sort(v.begin(), v.end());
  const auto n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

Divergence divergence(const std::optional<OfficialPicture>& official,
                      const std::vector<FieldRating>& ratings) {
  Divergence d;
  std::map<std::string, std::vector<double>> by_org;
  std::map<std::string, std::string> type_of;
  for (const auto& r : ratings) {
    const auto l = level(r.rating);
    if (!l) continue;
    by_org[r.org_code].push_back(*l);
    type_of[r.org_code] = r.org_type;
  }
  std::vector<double> org_medians;
  std::set<std::string> types;
  for (const auto& [org, levels] : by_org) {
    org_medians.push_back(*median(levels));
    types.insert(type_of[org]);
  }
  d.organisations = static_cast<int>(by_org.size());
  d.actor_types = static_cast<int>(types.size());
  d.field_median = median(org_medians);
  if (official) d.official_level = official_level(*official);
  if (d.official_level && d.field_median)
    d.score = std::round((*d.official_level - *d.field_median) * 100.0) / 100.0;
  d.flagged = official && (official->status == "in_progress" || official->status == "achieved") &&
              official->progress >= 50 && d.field_median && *d.field_median <= 1.0 &&
              d.organisations >= 2 && d.actor_types >= 2;
  return d;
}

}  // namespace vigie::diagnostics
