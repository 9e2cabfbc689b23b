#pragma once
// The divergence between the official picture of a measure and the field's: one documented
// rule, shown to users in plain words next to the score (kRuleFr / kRuleEn).
//
//   official level  = progress / 25 on the 0–4 scale of field ratings (achieved: 4; not started
//                     or abandoned: 0), from the measure's latest official reports;
//   field median    = the median, over organisations, of each organisation's median rating
//                     (not implemented 0, weak 1, partial 2, substantial 3, effective 4;
//                     "unknown" left out) among its current published diagnostics;
//   score           = official level − field median (positive: the ministry sees more progress
//                     than the field; negative: the field is more positive);
//   flagged         when the official status is in progress or achieved with a progress of at
//                     least 50 %, and the field median is weak or worse, given by at least two
//                     organisations of at least two actor types.
//
// Unit-tested on its edges in tests/unit/divergence_test.cpp.

#include "modules/diagnostics/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vigie::diagnostics {

struct OfficialPicture {
  std::string status;  // the plan's words: not_started, in_progress, achieved, delayed, abandoned
  int progress = 0;    // 0..100
};

struct FieldRating {
  std::string org_code, org_type;
  Rating rating = Rating::unknown;
};

struct Divergence {
  std::optional<double> official_level;  // nullopt when the plan has no status for it
  std::optional<double> field_median;    // nullopt without a known rating
  std::optional<double> score;           // official − field, when both exist
  bool flagged = false;
  int organisations = 0, actor_types = 0;  // that gave a known rating
};

extern const char* const kRuleFr;
extern const char* const kRuleEn;

double official_level(const OfficialPicture& official);
// The median of values (the mean of the two middle ones for an even count); nullopt if empty.
std::optional<double> median(std::vector<double> values);
Divergence divergence(const std::optional<OfficialPicture>& official,
                      const std::vector<FieldRating>& ratings);

}  // namespace vigie::diagnostics
