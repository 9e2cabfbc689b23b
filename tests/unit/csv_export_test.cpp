// Spreadsheet exports never carry a formula (issue 10, item 12): every trigger a spreadsheet
// reads as the start of a formula is neutralised with an apostrophe; titles and comments refuse
// control and bidirectional override characters.
#include "kit/rules.hpp"
#include "text/csv.hpp"

#include <gtest/gtest.h>

using namespace vigie;

TEST(CsvExport, NeutralisesEveryFormulaTrigger) {
  EXPECT_EQ(text::csv_record({"=1+1", "+1", "-1", "@SUM(A1)"}), "'=1+1,'+1,'-1,'@SUM(A1)\r\n");
  // A tab or carriage return (or line feed) before the = : spreadsheets skip it and run the rest.
  EXPECT_EQ(text::csv_record({"\t=HYPERLINK(\"x\")"}), "\"'\t=HYPERLINK(\"\"x\"\")\"\r\n");
  EXPECT_EQ(text::csv_record({"\r=1+1"}), "\"'\r=1+1\"\r\n");
  EXPECT_EQ(text::csv_record({"\n=1+1"}), "\"'\n=1+1\"\r\n");
  EXPECT_EQ(text::csv_record({"a=1", "Mesure 12", ""}), "a=1,Mesure 12,\r\n");
}

TEST(CsvExport, TitlesAndCommentsRefuseControlAndBidiCharacters) {
  EXPECT_EQ(kit::rules::title("Titre\tavec tabulation")->code, "control_character");
  EXPECT_EQ(kit::rules::title("Titre\r=1+1")->code, "control_character");
  EXPECT_EQ(kit::rules::text("commentaire \xE2\x80\xAE inversé", 4000)->code, "control_character");
  EXPECT_EQ(kit::rules::text(std::string("nul \0 ici", 9), 4000)->code, "control_character");
  EXPECT_FALSE(kit::rules::text("deux\nlignes\tet une tabulation", 4000));
}
