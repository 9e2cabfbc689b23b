// The divergence rule on its edges (modules/diagnostics/divergence.hpp): the flag needs the
// official picture at 50 % or more, a field median of weak or worse, two organisations and two
// actor types; each organisation counts once; "unknown" counts for nothing.
#include "modules/diagnostics/divergence.hpp"

#include <gtest/gtest.h>

using namespace vigie::diagnostics;

namespace {
const OfficialPicture kInProgress60{"in_progress", 60};
FieldRating r(const char* org, const char* type, Rating rating) {
  return {org, type, rating};
}
}  // namespace

TEST(Divergence, TwoOrganisationsOfTwoTypesFindingItWeakFlagAMeasureReportedAt60) {
  const auto d = divergence(kInProgress60, {r("PASSERELLES", "association", Rating::weak),
                                            r("CGT", "union", Rating::not_implemented)});
  EXPECT_TRUE(d.flagged);
  EXPECT_DOUBLE_EQ(*d.official_level, 2.4);
  EXPECT_DOUBLE_EQ(*d.field_median, 0.5);
  EXPECT_DOUBLE_EQ(*d.score, 1.9);
  EXPECT_EQ(d.organisations, 2);
  EXPECT_EQ(d.actor_types, 2);
}

TEST(Divergence, TwoOrganisationsOfOneTypeDoNotFlag) {
  const auto d = divergence(
      kInProgress60, {r("A1", "association", Rating::weak), r("A2", "association", Rating::weak)});
  EXPECT_FALSE(d.flagged);
  EXPECT_EQ(d.actor_types, 1);
  EXPECT_DOUBLE_EQ(*d.score, 1.4);  // the gap is still shown
}

TEST(Divergence, OneOrganisationWritingManyDiagnosticsCountsOnce) {
  const auto d = divergence(
      kInProgress60, {r("A1", "association", Rating::weak), r("A1", "association", Rating::weak),
                      r("A1", "association", Rating::weak), r("U1", "union", Rating::effective)});
  EXPECT_EQ(d.organisations, 2);
  EXPECT_DOUBLE_EQ(*d.field_median, 2.5);  // the median of 1 (A1) and 4 (U1)
  EXPECT_FALSE(d.flagged);
}

TEST(Divergence, FiftyPercentIsEnoughAndFortyNineIsNot) {
  const std::vector<FieldRating> weak{r("A", "association", Rating::weak),
                                      r("U", "union", Rating::weak)};
  EXPECT_TRUE(divergence(OfficialPicture{"in_progress", 50}, weak).flagged);
  EXPECT_FALSE(divergence(OfficialPicture{"in_progress", 49}, weak).flagged);
  EXPECT_TRUE(divergence(OfficialPicture{"achieved", 100}, weak).flagged);
  EXPECT_FALSE(divergence(OfficialPicture{"delayed", 80}, weak).flagged);
}

TEST(Divergence, PartialIsNotWeakEnough) {
  const auto d = divergence(
      kInProgress60, {r("A", "association", Rating::partial), r("U", "union", Rating::weak)});
  EXPECT_DOUBLE_EQ(*d.field_median, 1.5);
  EXPECT_FALSE(d.flagged);
}

TEST(Divergence, UnknownRatingsCountForNothing) {
  const auto d = divergence(
      kInProgress60, {r("A", "association", Rating::weak), r("U", "union", Rating::unknown)});
  EXPECT_EQ(d.organisations, 1);
  EXPECT_FALSE(d.flagged);
  const auto none = divergence(kInProgress60, {r("U", "union", Rating::unknown)});
  EXPECT_FALSE(none.field_median.has_value());
  EXPECT_FALSE(none.score.has_value());
}

TEST(Divergence, AFieldMorePositiveThanTheMinistryHasANegativeGap) {
  const auto d =
      divergence(OfficialPicture{"in_progress", 25},
                 {r("A", "association", Rating::substantial), r("U", "union", Rating::effective)});
  EXPECT_DOUBLE_EQ(*d.score, 1.0 - 3.5);
  EXPECT_FALSE(d.flagged);
}

TEST(Divergence, OfficialLevels) {
  EXPECT_DOUBLE_EQ(official_level({"achieved", 80}), 4.0);
  EXPECT_DOUBLE_EQ(official_level({"not_started", 30}), 0.0);
  EXPECT_DOUBLE_EQ(official_level({"abandoned", 30}), 0.0);
  EXPECT_DOUBLE_EQ(official_level({"in_progress", 100}), 4.0);
  EXPECT_DOUBLE_EQ(official_level({"delayed", 10}), 0.4);
}

TEST(Divergence, NoOfficialPictureMeansNoScore) {
  const auto d = divergence(std::nullopt,
                            {r("A", "association", Rating::weak), r("U", "union", Rating::weak)});
  EXPECT_FALSE(d.score.has_value());
  EXPECT_FALSE(d.flagged);
}
