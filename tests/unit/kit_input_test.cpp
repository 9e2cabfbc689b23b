// The one body reader: every wrong type, missing member and unknown member is a field error,
// all reported at once; nothing of the wrong type reads as "absent".
#include "kit/input.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

using vigie::kit::DomainError;
using vigie::kit::FieldErrors;
using vigie::kit::Input;

namespace {

boost::json::object obj(const char* json) {
  return boost::json::parse(json).as_object();
}

std::vector<std::string> fields_and_codes(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

}  // namespace

TEST(KitInput, ATextGivenAsANumberIsATypeErrorNotAnAbsentMember) {
  const auto body = obj(R"({"title_fr": 5})");
  Input in(body);
  EXPECT_FALSE(in.optional_text("title_fr").has_value());
  EXPECT_EQ(fields_and_codes(in.errors()), (std::vector<std::string>{"title_fr:type"}));
  EXPECT_THROW(in.done(), DomainError);
}

TEST(KitInput, EveryProblemIsReportedAtOnceUnknownMembersIncluded) {
  const auto body = obj(R"({"progress": 11.9, "comment": 123, "extra": true, "flag": "yes"})");
  Input in(body);
  in.optional_int64("progress");
  in.optional_text("comment", {.multiline = true});
  in.boolean("flag");
  in.text("status");
  EXPECT_EQ(fields_and_codes(in.errors()),
            (std::vector<std::string>{"progress:type", "comment:type", "flag:type",
                                      "status:required", "extra:unknown"}));
  try {
    in.done();
    FAIL() << "done() must throw";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::invalid);
    EXPECT_EQ(e.fields().size(), 5u);
  }
}

TEST(KitInput, WholeNumbersAreExactAndInRange) {
  const auto body = obj(R"({"a": 42, "b": 1e3, "c": -5, "d": 9223372036854775807})");
  Input in(body);
  EXPECT_EQ(in.int64("a"), 42);
  EXPECT_FALSE(in.optional_int64("b").has_value());  // a double, even a round one
  EXPECT_FALSE(in.optional_int64("c", {.min = 0, .max = 100}).has_value());
  EXPECT_EQ(in.optional_int64("d"), 9223372036854775807);
  EXPECT_EQ(fields_and_codes(in.errors()), (std::vector<std::string>{"b:type", "c:out_of_range"}));
}

TEST(KitInput, DecimalsMustBePlausibleFigures) {
  const auto body = obj(R"({"ok": 12.5, "huge": 1e308, "text": "12"})");
  Input in(body);
  EXPECT_DOUBLE_EQ(in.decimal("ok"), 12.5);
  EXPECT_FALSE(in.optional_decimal("huge").has_value());
  EXPECT_FALSE(in.optional_decimal("text").has_value());
  EXPECT_EQ(fields_and_codes(in.errors()),
            (std::vector<std::string>{"huge:out_of_range", "text:type"}));
}

TEST(KitInput, NullIsAbsentForOptionalMembersAndMissingForRequiredOnes) {
  const auto body = obj(R"({"deadline": null, "title": null})");
  Input in(body);
  EXPECT_FALSE(in.optional_text("deadline").has_value());
  EXPECT_EQ(in.text("title"), "");
  EXPECT_EQ(fields_and_codes(in.errors()), (std::vector<std::string>{"title:required"}));
}

TEST(KitInput, DatesAreRealDaysInAPlausibleRange) {
  const auto body = obj(R"({"a": "2026-02-28", "b": "2026-02-30", "c": "2999-01-01",
                            "d": "2026-99-99", "e": 20260101})");
  Input in(body);
  EXPECT_EQ(in.optional_date("a"), "2026-02-28");
  in.optional_date("b");
  in.optional_date("c");
  in.optional_date("d");
  in.optional_date("e");
  EXPECT_EQ(fields_and_codes(in.errors()),
            (std::vector<std::string>{"b:invalid", "c:out_of_range", "d:invalid", "e:type"}));
}

TEST(KitInput, PeriodsComeBackInTheirOneSpelling) {
  const auto body = obj(R"({"t": "2025-T1", "q": "2025-Q1", "bad": "2025-Q5"})");
  Input in(body);
  EXPECT_EQ(in.period("t"), "2025-Q1");
  EXPECT_EQ(in.period("q"), "2025-Q1");
  EXPECT_EQ(in.period("bad"), "");
  EXPECT_EQ(fields_and_codes(in.errors()), (std::vector<std::string>{"bad:invalid"}));
}

TEST(KitInput, ListsNameTheirBadItemByIndex) {
  const auto body =
      obj(R"J({"pilots": ["DGT", 5], "evidence": ["https://a.fr/x", "javascript:alert(1)"]})J");
  Input in(body);
  EXPECT_FALSE(in.optional_text_list("pilots").has_value());
  EXPECT_EQ(in.link_list("evidence"), (std::vector<std::string>{"https://a.fr/x"}));
  EXPECT_EQ(fields_and_codes(in.errors()),
            (std::vector<std::string>{"pilots/1:type", "evidence/1:invalid"}));
}

TEST(KitInput, NestedObjectsReportWithTheirPath) {
  const auto body =
      obj(R"({"updates": [{"action_id": 3, "status": "x"}, 7, {"action_id": "4", "other": 1}]})");
  Input in(body);
  auto items = in.objects("updates");
  ASSERT_EQ(items.size(), 3u);
  for (auto* item : items) {
    item->optional_int64("action_id");
    item->optional_text("status");
  }
  EXPECT_EQ(fields_and_codes(in.errors()),
            (std::vector<std::string>{"updates/1:type", "updates/2/action_id:type",
                                      "updates/2/other:unknown"}));
}

TEST(KitInput, ControlAndDirectionCharactersAreRefusedInTexts) {
  const auto body =
      obj("{\"title\": \"a\\tb\", \"comment\": \"ligne 1\\nligne 2\", "
          "\"note\": \"abc\\u202edef\", \"nul\": \"a\\u0000b\"}");
  Input in(body);
  in.optional_text("title");
  in.optional_text("comment", {.max_chars = 100, .multiline = true});
  in.optional_text("note", {.max_chars = 100, .multiline = true});
  in.optional_text("nul", {.max_chars = 100, .multiline = true});
  EXPECT_EQ(fields_and_codes(in.errors()),
            (std::vector<std::string>{"title:control_character", "note:control_character",
                                      "nul:control_character"}));
}

TEST(KitInput, LengthsCountCharactersNotBytes) {
  const auto body = obj(R"({"a": "éééé", "b": "ééééé"})");
  Input in(body);
  in.optional_text("a", {.max_chars = 4});
  in.optional_text("b", {.max_chars = 4});
  EXPECT_EQ(fields_and_codes(in.errors()), (std::vector<std::string>{"b:too_long"}));
}
