// The shared input rules, on their edges.
#include "kit/rules.hpp"

#include <gtest/gtest.h>

namespace rules = vigie::kit::rules;

TEST(KitRules, ADayIsARealCalendarDay) {
  EXPECT_TRUE(rules::day("2024-02-29"));
  EXPECT_FALSE(rules::day("2025-02-29"));
  EXPECT_FALSE(rules::day("2026-02-30"));
  EXPECT_FALSE(rules::day("2026-99-99"));
  EXPECT_FALSE(rules::day("2026-1-01"));
  EXPECT_FALSE(rules::day("2026-01-01T00:00"));
  EXPECT_FALSE(rules::day(""));
}

TEST(KitRules, DatesArePlausibleAndReportsAreNotInTheFuture) {
  EXPECT_FALSE(rules::date("2000-01-01"));
  EXPECT_FALSE(rules::date("2100-12-31"));
  EXPECT_EQ(rules::date("1999-12-31")->code, "out_of_range");
  EXPECT_EQ(rules::date("2101-01-01")->code, "out_of_range");
  EXPECT_FALSE(rules::date(""));
  EXPECT_EQ(rules::date("", {.required = true})->code, "required");
  const auto today = rules::day("2026-12-01");
  EXPECT_FALSE(rules::date("2026-12-01", {.not_after = today}));
  EXPECT_EQ(rules::date("2026-12-02", {.not_after = today})->code, "in_future");
}

TEST(KitRules, AQuarterHasOneSpellingWhicheverLanguageWroteIt) {
  EXPECT_EQ(rules::canonical_period("2025-T1"), "2025-Q1");
  EXPECT_EQ(rules::canonical_period("2025-Q4"), "2025-Q4");
  EXPECT_EQ(rules::canonical_period("2025"), "2025");
  EXPECT_EQ(rules::canonical_period("2025-S2"), "2025-S2");
  EXPECT_EQ(rules::canonical_period("2025-06"), "2025-06");
  for (auto bad : {"2025-T5", "2025-Q0", "2025-S3", "2025-13", "2025-00", "25", "1999", "2025-"})
    EXPECT_FALSE(rules::canonical_period(bad)) << bad;
  EXPECT_TRUE(rules::period("2025-13"));
  EXPECT_FALSE(rules::period("2025-T2"));
}

TEST(KitRules, LinksAreWebAddressesWithoutSpaces) {
  EXPECT_FALSE(rules::link("https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000049"));
  EXPECT_FALSE(rules::link("http://a.fr"));
  EXPECT_FALSE(rules::link(""));
  EXPECT_TRUE(rules::link("javascript:alert(1)"));
  EXPECT_TRUE(rules::link("https://a.fr/x y"));
  EXPECT_TRUE(rules::link("https://"));
  EXPECT_TRUE(rules::link("ftp://a.fr/x"));
  EXPECT_TRUE(rules::link("https://a.fr/" + std::string(500, 'x')));
}

TEST(KitRules, WholeNumbersAsSpreadsheetsWriteThem) {
  EXPECT_EQ(rules::whole_number("12"), 12);
  EXPECT_EQ(rules::whole_number("12.0"), 12);
  EXPECT_EQ(rules::whole_number("1.2e1"), 12);
  EXPECT_FALSE(rules::whole_number("12.5"));
  EXPECT_FALSE(rules::whole_number("douze"));
  EXPECT_FALSE(rules::whole_number("1e16"));
}

TEST(KitRules, TitlesAreOneCleanLine) {
  EXPECT_EQ(rules::title("  ")->code, "required");
  EXPECT_FALSE(rules::title("", false));
  EXPECT_FALSE(rules::title("Mise en œuvre de la mesure"));
  EXPECT_EQ(rules::title("a\tb")->code, "control_character");
  EXPECT_EQ(rules::title("a\rb")->code, "control_character");
  EXPECT_EQ(rules::title("abc\xe2\x80\xae"
                         "def")
                ->code,
            "control_character");
  EXPECT_EQ(rules::title(std::string(11, 'x'), true, 10)->code, "too_long");
  EXPECT_FALSE(rules::title(std::string(10, 'x'), true, 10));
}

TEST(KitRules, PercentagesGoFromZeroToAHundred) {
  EXPECT_FALSE(rules::percentage(0));
  EXPECT_FALSE(rules::percentage(100));
  EXPECT_EQ(rules::percentage(-1)->code, "out_of_range");
  EXPECT_EQ(rules::percentage(101)->code, "out_of_range");
}
