// Spreadsheets written and read back (text/xlsx.hpp); LibreOffice and openpyxl reading our
// files, and our reader reading theirs, are checked by the integration tests.
#include "text/xlsx.hpp"

#include <gtest/gtest.h>

using namespace vigie::text;

TEST(Xlsx, WhatIsWrittenReadsBackCellForCell) {
  const Table rows{{"axis", "measure", "title", "cost"},
                   {"A1", "A1.a", "Coordonner l'action — « nationale »", "150000"},
                   {"A2", "", "=HYPERLINK(\"http://x\")", ""},
                   {"A3", "A3.b", "Ligne\navec retour", "12.5"}};
  const auto bytes = write_xlsx("Plan", rows, {false, false, false, true});
  ASSERT_GT(bytes.size(), 100u);
  EXPECT_EQ(bytes.substr(0, 2), "PK");
  auto back = read_xlsx(bytes);
  ASSERT_EQ(back.size(), rows.size());
  // Missing trailing cells read as absent, not as "".
  back[2].resize(4);
  EXPECT_EQ(back, rows);
}

TEST(Xlsx, RefusesWhatIsNotAWorkbook) {
  EXPECT_THROW(read_xlsx(""), XlsxError);
  EXPECT_THROW(read_xlsx("PK\x03\x04 not a zip"), XlsxError);
  EXPECT_THROW(read_xlsx("axis,measure\nA1,A1.a\n"), XlsxError);
}

TEST(Xlsx, RefusesSheetsBeyondTheCellLimit) {
  Table rows(50, std::vector<std::string>(10, "x"));
  const auto bytes = write_xlsx("Big", rows, {});
  EXPECT_NO_THROW(read_xlsx(bytes, 500));
  EXPECT_THROW(read_xlsx(bytes, 499), XlsxError);
}

TEST(Xlsx, ExcelDayNumbersBecomeDates) {
  EXPECT_EQ(excel_serial_to_iso(46022), "2025-12-31");
  EXPECT_EQ(excel_serial_to_iso(61), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(12.5), "");
  EXPECT_EQ(excel_serial_to_iso(-3), "");
}
