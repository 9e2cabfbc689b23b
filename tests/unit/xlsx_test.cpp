// Spreadsheets written and read back (text/xlsx.hpp); LibreOffice and openpyxl reading our
// files, and our reader reading theirs, are checked by the integration tests.
#include "text/xlsx.hpp"

#include "text/xml_pull.hpp"

#include <gtest/gtest.h>
#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>

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

// ---- The streaming reader on workbooks written by hand, part by part (text/xml_pull.hpp).

namespace {

// A zip archive of the given parts, deflated, in memory.
std::string zip_of(const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, text] : parts) {
    auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
    std::memcpy(copy, text.data(), text.size());
    zip_source_t* src = zip_source_buffer(z, copy, text.size(), 1);
    zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE);
  }
  zip_close(z);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const auto size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string out(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, out.data(), out.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

const std::string kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="Feuille" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string kRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId9" Type="x" Target="styles.xml"/>
<Relationship Id="rId1" Type="x" Target="worksheets/sheet1.xml"/></Relationships>)";

std::string sheet_of(const std::string& rows) {
  return R"(<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData></worksheet>";
}

std::string workbook(const std::string& rows, const std::string& shared = "") {
  std::map<std::string, std::string> parts{{"xl/workbook.xml", kWorkbook},
                                           {"xl/_rels/workbook.xml.rels", kRels},
                                           {"xl/worksheets/sheet1.xml", sheet_of(rows)}};
  if (!shared.empty()) parts["xl/sharedStrings.xml"] = shared;
  return zip_of(parts);
}

std::string error_of(const std::string& bytes, std::size_t max_cells = 1'000'000) {
  try {
    read_xlsx(bytes, max_cells);
  } catch (const XlsxError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(XlsxStreaming, DecodesEntitiesCharacterReferencesAndCdata) {
  const auto bytes = workbook(
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</t></is></c>)"
      R"(<c r="B1" t="inlineStr"><is><t>&#233;t&#xE9; &#x1F600;</t></is></c>)"
      R"(<c r="C1" t="inlineStr"><is><t><![CDATA[<raw> & ]]>tail</t></is></c></row>)");
  const auto t = read_xlsx(bytes);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"a <b> & \"c\" 'd'", "été 😀", "<raw> & tail"}));
}

TEST(XlsxStreaming, ReadsSharedStringsWithRichTextRunsAndLeavesPhoneticRunsOut) {
  const std::string sst =
      R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">)"
      R"(<si><t>plain</t></si>)"
      R"(<si><r><rPr><b/></rPr><t>bold </t></r><r><t xml:space="preserve">and not</t></r></si>)"
      R"(<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh></si></sst>)";
  const auto bytes = workbook(
      R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>)",
      sst);
  const auto t = read_xlsx(bytes);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"plain", "bold and not", "漢字"}));
  EXPECT_NE(error_of(workbook(R"(<row><c t="s"><v>3</v></c></row>)", sst)), "");
}

TEST(XlsxStreaming, CellsAndRowsWithoutReferencesFollowTheirPredecessor) {
  const auto bytes = workbook(
      R"(<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>)"
      R"(<row r="4"><c t="b"><v>1</v></c></row><row><c r="B5"><f>A1+1</f><v>2</v></c></row>)");
  const auto t = read_xlsx(bytes);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0], (std::vector<std::string>{"1", "2", "", "", "5", "6"}));
  EXPECT_TRUE(t[1].empty());
  EXPECT_TRUE(t[2].empty());
  EXPECT_EQ(t[3], (std::vector<std::string>{"1"}));
  EXPECT_EQ(t[4], (std::vector<std::string>{"", "2"}));  // the formula's text is not a value
}

TEST(XlsxStreaming, RefusesCellsAndRowsOutOfOrder) {
  EXPECT_EQ(error_of(workbook(R"(<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c></row>)")),
            "malformed cell reference");
  EXPECT_EQ(error_of(workbook(R"(<row r="3"/><row r="2"/>)")), "rows out of order");
  EXPECT_EQ(error_of(workbook(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")),
            "malformed cell reference");
}

TEST(XlsxStreaming, RefusesAHugeSheetAtTheCapWithoutReadingOn) {
  // Past the 20th cell the sheet is not even XML: refused for its size, so never read so far.
  std::string rows;
  for (int r = 1; r <= 10; ++r) rows += "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>";
  rows += "<row><c><v>&undefined; <<< </row>";
  EXPECT_EQ(error_of(workbook(rows), 20), "the sheet has too many cells");
  EXPECT_NE(error_of(workbook(rows), 100).find("not well-formed"), std::string::npos);
  // Gaps cost what they cost the table: one cell at the far corner is a million of them.
  EXPECT_EQ(error_of(workbook(R"(<row r="1000000"><c r="XFD1000000"><v>1</v></c></row>)"), 5000),
            "the sheet has too many cells");
}

TEST(XlsxStreaming, RefusesAZipBombWhateverTheArchiveClaims) {
  // 40 MiB of spaces deflate to a few kilobytes; the part cap is 32 MiB once inflated.
  const auto bytes = zip_of({{"xl/workbook.xml", kWorkbook},
                             {"xl/_rels/workbook.xml.rels", kRels},
                             {"xl/worksheets/sheet1.xml", sheet_of("<row><c><v>1</v></c></row>" +
                                                                   std::string(40u << 20, ' '))}});
  EXPECT_LT(bytes.size(), 1u << 20);
  EXPECT_EQ(error_of(bytes), "the spreadsheet is too large once uncompressed");
  // A small file whose one long shared string fills every cell: refused for the table's text.
  const std::string sst = "<sst><si><t>" + std::string(1u << 20, 'x') + "</t></si></sst>";
  std::string rows;
  for (int r = 0; r < 100; ++r) rows += R"(<row><c t="s"><v>0</v></c></row>)";
  EXPECT_EQ(error_of(workbook(rows, sst)), "the spreadsheet is too large once uncompressed");
}

TEST(XlsxStreaming, MalformedXmlIsAnXlsxErrorNeverACrash) {
  const std::vector<std::string> bad{
      "<row><c><v>1</v></row>",                      // mismatched end
      "<row><c><v>1</v></c>",                        // unclosed
      R"(<row><c r="A1 r="B1"><v>1</v></c></row>)",  // broken attribute
      "<row><c><v>&bogus;</v></c></row>",            // unknown entity
      "<row><c><v>&#0;</v></c></row>",               // a character XML does not allow
      "<row><c><v>&#x110000;</v></c></row>",         // out of range
      "<row><c><v>\x01</v></c></row>",               // control character
      "<row><c><v>1</v></c></row></sheetData></worksheet><again/><sheetData>",  // second root
      "<row><c><v><![CDATA[never closed</v></c></row>",
      "<row><c><v>1</v></c></row><!-- never closed",
  };
  for (const auto& rows : bad) {
    const auto why = error_of(workbook(rows));
    EXPECT_NE(why, "") << rows;
  }
  // A document type declaration (the way to entity bombs) is refused outright.
  const auto dtd = zip_of({{"xl/workbook.xml", "<!DOCTYPE lol [<!ENTITY a \"aaaa\">]>" +
                                                   kWorkbook.substr(kWorkbook.find("<workbook"))},
                           {"xl/_rels/workbook.xml.rels", kRels},
                           {"xl/worksheets/sheet1.xml", sheet_of("")}});
  EXPECT_NE(error_of(dtd).find("not well-formed"), std::string::npos);
  // Every byte of a sheet changed in turn: read or refused, never a crash.
  const std::string rows =
      R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a&amp;b</t></is></c><c r="B1"><v>2</v></c></row>)";
  const auto sheet = sheet_of(rows);
  for (std::size_t i = 0; i < sheet.size(); ++i)
    for (const char ch : {'<', '>', '&', '"', '/', '\0', 'x'}) {
      auto mutated = sheet;
      mutated[i] = ch;
      const auto bytes = zip_of({{"xl/workbook.xml", kWorkbook},
                                 {"xl/_rels/workbook.xml.rels", kRels},
                                 {"xl/worksheets/sheet1.xml", mutated}});
      try {
        read_xlsx(bytes);
      } catch (const XlsxError&) {
      }
    }
  // Truncated archives of a real workbook, at every length: an XlsxError each time.
  const auto good = write_xlsx("P", {{"a", "b"}, {"1", "2"}}, {});
  for (std::size_t n = 0; n < good.size(); n += 97)
    EXPECT_THROW(read_xlsx(good.substr(0, n)), XlsxError);
}

TEST(XmlPull, ReadsAcrossChunkBoundariesAndNamesLocalParts) {
  const std::string doc =
      R"(<?xml version="1.0"?><!-- c --><x:a x:k='v &amp; w'>t1<b/>t&#x32;</x:a>)";
  // One byte at a time: every token straddles a chunk boundary.
  std::size_t at = 0;
  vigie::text::XmlPull x([&](char* into, std::size_t) -> std::size_t {
    if (at == doc.size()) return 0;
    *into = doc[at++];
    return 1;
  });
  using E = vigie::text::XmlPull::Event;
  ASSERT_EQ(x.next(), E::start);
  EXPECT_EQ(x.name(), "x:a");
  EXPECT_EQ(x.local_name(), "a");
  ASSERT_NE(x.attribute("x:k"), nullptr);
  EXPECT_EQ(*x.attribute("x:k"), "v & w");
  ASSERT_EQ(x.next(), E::text);
  EXPECT_EQ(x.text(), "t1");
  ASSERT_EQ(x.next(), E::start);
  ASSERT_EQ(x.next(), E::end);
  EXPECT_EQ(x.name(), "b");
  ASSERT_EQ(x.next(), E::text);
  EXPECT_EQ(x.text(), "t2");
  ASSERT_EQ(x.next(), E::end);
  EXPECT_EQ(x.next(), E::eof);
  EXPECT_EQ(x.next(), E::eof);
}

TEST(XmlPull, SkipsAByteOrderMarkAndRefusesTextOutsideTheRoot) {
  auto events = [](std::string doc) {
    std::size_t at = 0;
    vigie::text::XmlPull x([&](char* into, std::size_t cap) -> std::size_t {
      const auto n = std::min(cap, doc.size() - at);
      std::memcpy(into, doc.data() + at, n);
      at += n;
      return n;
    });
    int n = 0;
    while (x.next() != vigie::text::XmlPull::Event::eof) ++n;
    return n;
  };
  EXPECT_EQ(events("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<a>x</a>\n"), 3);
  EXPECT_THROW(events("<a/>tail"), vigie::text::XmlError);
  EXPECT_THROW(events("x<a/>"), vigie::text::XmlError);
  EXPECT_THROW(events(""), vigie::text::XmlError);
}

TEST(XmlPull, BoundsTokensAndDepth) {
  auto source_of = [](std::string doc) {
    auto at = std::make_shared<std::size_t>(0);
    return [doc = std::move(doc), at](char* into, std::size_t cap) -> std::size_t {
      const auto n = std::min(cap, doc.size() - *at);
      std::memcpy(into, doc.data() + *at, n);
      *at += n;
      return n;
    };
  };
  vigie::text::XmlPull long_text(source_of("<a>" + std::string(5000, 'x') + "</a>"), 1000);
  long_text.next();
  EXPECT_THROW(long_text.next(), vigie::text::XmlError);
  std::string deep;
  for (int i = 0; i < 100; ++i) deep += "<a>";
  vigie::text::XmlPull too_deep(source_of(deep), 1000, 64);
  EXPECT_THROW(
      {
        for (;;) too_deep.next();
      },
      vigie::text::XmlError);
}
