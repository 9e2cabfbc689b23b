// The field module's rules and its statistics path: what a valid victim profile is (each code
// list and each cross-check, every error at once), the import parser collecting every bad row
// rather than the first, and — against a real database (SQLite and PostgreSQL) with an
// injected clock — that controlled statistics come from the last release only and never show a
// cell under 11, while the owning organisation and the coordinator see exact live counts.
#include "modules/field/alerts.hpp"
#include "modules/field/import.hpp"
#include "modules/field/rules.hpp"
#include "modules/field/service.hpp"

#include "db/migrations.hpp"
#include "db/timestamp.hpp"
#include "kit/errors.hpp"
#include "modules/accounts/service.hpp"
#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>

using namespace vigie;
using namespace std::chrono;

namespace {

constexpr field::Today kToday{2026, 3};

field::RecordInput valid() {
  field::RecordInput in;
  in.contact_year = 2025;
  in.contact_month = 3;
  in.departement = "93";
  in.forms = std::vector<std::string>{"EXP_SEX"};
  in.sex = "female";
  in.age_band = "18-24";
  in.minor_at_contact = false;
  return in;
}

std::vector<std::string> fields_of(const kit::FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field + ":" + e.code);
  return out;
}

TEST(FieldRecordRules, AMinimalRecordIsValidWithItsDefaults) {
  kit::FieldErrors errors;
  const auto r = field::validate_record(valid(), kToday, errors);
  ASSERT_TRUE(r) << ::testing::PrintToString(fields_of(errors));
  EXPECT_EQ(r->victim_status, "PRESUMEE");
  EXPECT_EQ(r->minor_at_exploitation, "unknown");
}

TEST(FieldRecordRules, EveryRequiredMemberMissingIsNamed) {
  kit::FieldErrors errors;
  EXPECT_FALSE(field::validate_record({}, kToday, errors));
  EXPECT_EQ(fields_of(errors),
            (std::vector<std::string>{"contact_year:required", "contact_month:required",
                                      "departement:required", "forms:required", "sex:required",
                                      "age_band:required", "minor_at_contact:required"}));
}

TEST(FieldRecordRules, CodesOutsideTheirListsAreRefusedOneByOne) {
  auto in = valid();
  in.departement = "R11";  // a region is not a département
  in.forms = std::vector<std::string>{"EXP_SEX", "EXP_FAKE", "EXP_SEX", "TEH_STRICT"};
  in.sex = "F";
  in.age_band = "18-25";
  in.nationality = "ZZ";
  in.means_of_control = std::vector<std::string>{"DebtBondage", "Debt bondage"};
  in.victim_status = "NON_VICTIME";
  in.support = std::vector<std::string>{"shelter", "housing"};
  kit::FieldErrors errors;
  EXPECT_FALSE(field::validate_record(in, kToday, errors));
  EXPECT_EQ(fields_of(errors),
            (std::vector<std::string>{"departement:unknown_code", "forms/1:unknown_code",
                                      "forms/2:duplicate", "forms/3:unknown_code",
                                      "sex:unknown_code", "age_band:unknown_code",
                                      "nationality:unknown_code", "means_of_control/1:unknown_code",
                                      "victim_status:unknown_code", "support/1:unknown_code"}));
}

TEST(FieldRecordRules, DatesAreAMonthNotInTheFuture) {
  for (auto [year, month, code] : {std::tuple{1999, 5, "contact_year:out_of_range"},
                                   {2027, 1, "contact_year:out_of_range"},
                                   {2026, 4, "contact_month:in_future"},
                                   {2025, 13, "contact_month:out_of_range"},
                                   {2025, 0, "contact_month:out_of_range"}}) {
    auto in = valid();
    in.contact_year = year;
    in.contact_month = month;
    kit::FieldErrors errors;
    EXPECT_FALSE(field::validate_record(in, kToday, errors)) << year << "-" << month;
    EXPECT_EQ(fields_of(errors), std::vector<std::string>{code});
  }
  auto in = valid();
  in.contact_year = 2026;
  in.contact_month = 3;  // the current month is fine
  kit::FieldErrors errors;
  EXPECT_TRUE(field::validate_record(in, kToday, errors));
}

TEST(FieldRecordRules, MembersAgreeWithEachOther) {
  auto in = valid();
  in.age_band = "15-17";
  in.minor_at_contact = false;  // 15-17 is a minor
  in.sector = "SEC_BTP";        // but the forms say sexual exploitation only
  in.exploitation_departement = "13";
  in.exploitation_country = "ES";  // both places
  kit::FieldErrors errors;
  EXPECT_FALSE(field::validate_record(in, kToday, errors));
  EXPECT_EQ(fields_of(errors),
            (std::vector<std::string>{"exploitation_country:both_places", "sector:not_labour",
                                      "minor_at_contact:contradicts_age_band"}));

  in = valid();
  in.age_band = "10-14";
  in.minor_at_contact = true;
  in.minor_at_exploitation = "no";  // a minor now was a minor then
  in.exploitation_country = "FR";   // France is given by its département
  errors.clear();
  EXPECT_FALSE(field::validate_record(in, kToday, errors));
  EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"exploitation_country:in_france",
                                                         "minor_at_exploitation:"
                                                         "contradicts_minor_at_contact"}));
}

TEST(FieldRecordRules, TheNotePassesTheIdentifierGuardAndAnOperationIsATag) {
  auto in = valid();
  in.note = "Elle a donné son numéro, 06 12 34 56 78, à l'équipe.";
  in.operation = "JOP 2024 avec Mme Durand";
  kit::FieldErrors errors;
  EXPECT_FALSE(field::validate_record(in, kToday, errors));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "operation");
  EXPECT_EQ(errors[1].field, "note");
  EXPECT_TRUE(errors[1].code.starts_with("identifier.")) << errors[1].code;

  in.note = "Orientée par une maraude ; hébergement trouvé le soir même.";
  in.operation = "JOP-2024";
  errors.clear();
  EXPECT_TRUE(field::validate_record(in, kToday, errors))
      << ::testing::PrintToString(fields_of(errors));
}

text::Table with_header(std::vector<std::vector<std::string>> rows) {
  text::Table t{field::template_header()};
  for (auto& r : rows) t.push_back(std::move(r));
  return t;
}

std::vector<std::string> row(std::map<std::string, std::string> changes) {
  auto r = field::template_example();
  const auto& h = field::template_header();
  for (const auto& [k, v] : changes)
    r[static_cast<std::size_t>(std::find(h.begin(), h.end(), k) - h.begin())] = v;
  return r;
}

TEST(FieldImport, TheTemplatesExampleRowIsValid) {
  const auto parsed = field::parse_import(with_header({field::template_example()}), kToday);
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors[0].column << ": " << parsed.errors[0].message;
  EXPECT_EQ(parsed.records.size(), 1u);
}

TEST(FieldImport, EveryBadRowIsListedWithItsRowAndColumnNotOnlyTheFirst) {
  const auto parsed = field::parse_import(
      with_header({row({}),
                   row({{"departement", "999"}}),
                   row({}),
                   row({}),
                   row({{"contact_year", "deux mille"}, {"forms", "EXP_SEX|EXP_NOPE"}}),
                   {},
                   row({{"note", "Écrire à aminata.diallo@gmail.com pour la suite."}}),
                   row({})}),
      kToday);
  std::vector<std::string> got;
  for (const auto& e : parsed.errors) got.push_back(std::to_string(e.row) + ":" + e.column);
  // Rows are the spreadsheet's (header = 1); the blank line 7 is skipped, not an error.
  EXPECT_EQ(got,
            (std::vector<std::string>{"3:departement", "6:contact_year", "6:forms", "8:note"}));
  EXPECT_EQ(parsed.bad_rows, 3u);
  EXPECT_EQ(parsed.records.size(), 4u);
}

TEST(FieldImport, ARowErrorCarriesItsRulesCodeAndTheValueAtFaultForTheUIsWords) {
  const auto parsed = field::parse_import(
      with_header({row({{"minor_at_exploitation", "false"}, {"contact_month", "13"}}),
                   row({{"forms", "EXP_SEX|EXP_NOPE"}, {"contact_year", "deux mille"}})}),
      kToday);
  std::vector<std::string> got;
  for (const auto& e : parsed.errors)
    got.push_back(std::to_string(e.row) + ":" + e.column + ":" + e.code + ":" + e.value);
  // The list's item at fault, not the whole cell; a header error has its own code.
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "2:contact_month:out_of_range:13", "2:minor_at_exploitation:unknown_code:false",
                "3:contact_year:not_a_number:deux mille", "3:forms:unknown_code:EXP_NOPE"}));
  auto header = field::template_header();
  header[0] = "annee";
  const auto bad = field::parse_import({header}, kToday);
  ASSERT_FALSE(bad.errors.empty());
  EXPECT_EQ(bad.errors[0].code, "unknown_column");
}

TEST(FieldImport, AHeaderThatIsNotTheTemplatesIsOneErrorOnRowOne) {
  auto header = field::template_header();
  header[0] = "annee";
  header.pop_back();  // no "note" column
  const auto parsed = field::parse_import({header, field::template_example()}, kToday);
  std::vector<std::string> got;
  for (const auto& e : parsed.errors) got.push_back(std::to_string(e.row) + ":" + e.column);
  EXPECT_EQ(got, (std::vector<std::string>{"1:annee", "1:contact_year", "1:note"}));
  EXPECT_TRUE(parsed.records.empty());
}

// ---- Alerts, with an injected day ---------------------------------------------------------

const sys_days kDay = sys_days(year(2026) / 3 / 10);

std::vector<std::string> alerts_of(const std::vector<field::DailyCount>& counts) {
  std::vector<std::string> out;
  for (const auto& a : field::evaluate(counts, kDay))
    out.push_back(a.rule + ":" + a.departement + ":" + std::to_string(a.value));
  return out;
}

TEST(FieldAlerts, TheCountRuleCountsProfilesAndSignalsOverTheLastSevenDays) {
  std::vector<field::DailyCount> counts{{"93", kDay - days(6), 10},
                                        {"93", kDay - days(2), 9},
                                        {"93", kDay - days(7), 30}};  // 8 days ago: outside
  // 19 in the window: no count alert (the burst a week ago is history for the other rules).
  for (const auto& a : alerts_of(counts)) EXPECT_FALSE(a.starts_with("count")) << a;
  counts.push_back({"93", kDay, 1, true});  // a signal makes 20
  const auto got = alerts_of(counts);
  EXPECT_NE(std::find(got.begin(), got.end(), "count:93:20"), got.end())
      << ::testing::PrintToString(got);
  // Nothing in a département with nothing, and nothing from a day after today.
  EXPECT_EQ(alerts_of({{"13", kDay + days(1), 500}}), std::vector<std::string>{});
}

TEST(FieldAlerts, WithLittleHistoryEarsC2ComparesTodayWithTheLaggedWeek) {
  // One profile a day from day -9 to day -3 (mean 1, no spread: the spread counts as 0.5, so
  // the threshold is 2.5); days -2 and -1 are the lag and do not count.
  std::vector<field::DailyCount> counts;
  for (int d = 3; d <= 9; ++d) counts.push_back({"59", kDay - days(d), 1});
  counts.push_back({"59", kDay - days(1), 6});
  counts.push_back({"59", kDay, 2});
  EXPECT_EQ(alerts_of(counts), std::vector<std::string>{});
  counts.back().n = 3;
  EXPECT_EQ(alerts_of(counts), std::vector<std::string>{"ears_c2:59:3"});
}

TEST(FieldAlerts, WithFiveYearsOfHistoryTheWeekIsComparedWithTheSameWeeksOfEarlierYears) {
  // For each of 5 earlier years, the week 52 weeks before and its neighbours: 8, 10, 12
  // profiles (mean 10, sample spread 1.69: threshold 13.38). Recording began six years ago.
  std::vector<field::DailyCount> counts{{"13", kDay - days(364 * 6), 0}};
  for (int y = 1; y <= 5; ++y) {
    counts.push_back({"13", kDay - days(364 * y - 7), 8});
    counts.push_back({"13", kDay - days(364 * y), 10});
    counts.push_back({"13", kDay - days(364 * y + 7), 12});
  }
  counts.push_back({"13", kDay - days(3), 6});
  counts.push_back({"13", kDay, 7});  // 13 this week; a spike today EARS would flag
  EXPECT_EQ(alerts_of(counts), std::vector<std::string>{});
  counts.back().n = 8;  // 14 this week
  const auto alerts = field::evaluate(counts, kDay);
  ASSERT_EQ(alerts.size(), 1u);
  EXPECT_EQ(alerts[0].rule, "baseline");
  EXPECT_EQ(alerts[0].value, 14);
  EXPECT_NEAR(alerts[0].threshold, 13.38, 0.01);
  EXPECT_EQ(alerts[0].day, "2026-03-10");
}

// ---- Releases and disclosure control, on a real database ----------------------------------

struct FieldService : ::testing::TestWithParam<std::string> {
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  system_clock::time_point now = db::parse_iso_utc("2026-03-10T09:00:00Z");
  std::unique_ptr<accounts::Service> accounts_service;
  std::unique_ptr<field::Service> field;
  std::map<std::string, accounts::Organisation> organisations;
  kit::Actor coordinator, asso, other, police;

  std::string url;

  void SetUp() override {
    url = test_support::fresh_database(GetParam());
    database = db::Database::open(db::DatabaseUrl::parse(url), 1);
    db::Migrator().apply(*database);
    auto clock = [this] { return now; };
    accounts_service = std::make_unique<accounts::Service>(*database, audit, secrets, clock);
    field = std::make_unique<field::Service>(*database, audit, clock, "https://vigie.test");
    coordinator = member("MIPROF", "coordination", "coord@miprof.test", "referent");
    asso = member("ASSO", "association", "a@asso.test", "contributor");
    other = member("AUTRE", "association", "b@autre.test", "contributor");
    police = member("POL", "police", "agent@pol.test", "viewer");
  }

  kit::Actor member(const std::string& org, const std::string& type, const std::string& email,
                    const std::string& role) {
    organisations[org] =
        accounts_service->add_organisation({org, org, type, "national"}, kit::Actor::system());
    const auto& o = organisations[org];
    auto u = accounts_service->add_user({email, email, org, role, "une longue phrase secrete"},
                                        kit::Actor::system());
    kit::Actor a;
    a.user_id = u.user.id;
    a.org_id = o.id;
    a.org_code = o.code;
    a.org_type = o.type;
    a.role = u.user.role;
    return a;
  }

  // `n` records of `who` in département `dep`, as an import.
  void records(const kit::Actor& who, int n, const std::string& dep) {
    text::Table t{field::template_header()};
    for (int i = 0; i < n; ++i) t.push_back(row({{"departement", dep}, {"note", ""}}));
    const auto r = field->import_records(who, t, true);
    ASSERT_TRUE(r.errors.empty()) << r.errors[0].message;
    ASSERT_TRUE(r.written);
  }

  static std::map<std::string, std::optional<std::int64_t>> by_departement(
      const field::StatsView& v) {
    std::map<std::string, std::optional<std::int64_t>> out;
    for (const auto& c : v.table.cells) out[c.key[0].value_or("total")] = c.value;
    return out;
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, FieldService,
                         ::testing::ValuesIn(test_support::test_backends()));

TEST_P(FieldService, ControlledFiguresComeFromTheLastReleaseAndNeverShowACellUnderEleven) {
  records(asso, 40, "93");
  records(asso, 3, "13");
  records(other, 12, "13");
  const field::StatsQuery q{{"departement"}, 2025, false};

  // Before any release, nobody but the coordinator sees a figure.
  auto before = field->stats(police, q);
  EXPECT_FALSE(before.release);
  EXPECT_TRUE(before.table.cells.size() <= 1);

  const auto release = field->freeze_release(coordinator);
  EXPECT_EQ(release.records, 55);
  now += hours(1);
  records(asso, 30, "75");  // after the release: in nobody's controlled figures yet

  for (const auto& reader : {police, other, asso}) {
    const auto v = field->stats(reader, q);
    ASSERT_TRUE(v.release);
    EXPECT_EQ(v.release->id, release.id);
    EXPECT_TRUE(v.controlled);
    const auto cells = by_departement(v);
    EXPECT_EQ(cells.at("93"), 40);
    EXPECT_EQ(cells.at("13"), 15);  // 15 = 3 + 12, a multiple of 5
    EXPECT_FALSE(cells.contains("75")) << "a record after the release leaked";
    EXPECT_EQ(cells.at("total"), 55);
    for (const auto& c : v.table.cells)
      EXPECT_TRUE(!c.value || *c.value == 0 || *c.value >= 11) << *c.value;
  }
  // Three records in 06: a cell of 3 must not reach the police, nor be recomputable.
  records(other, 3, "06");
  field->freeze_release(coordinator);
  const auto v = field->stats(police, q);
  const auto cells = by_departement(v);
  EXPECT_FALSE(cells.at("06")) << "3 records published";
  // Secondary suppression: with the total published, 06 would be total - 93 - 13 - 75.
  int suppressed = 0;
  for (const auto& [dep, value] : cells) suppressed += value ? 0 : 1;
  EXPECT_GE(suppressed, 2);
  for (const auto& c : v.table.cells) EXPECT_TRUE(!c.value || *c.value == 0 || *c.value >= 11);

  // The owning organisation sees its own records live and exact; the coordinator all of them.
  const auto mine = by_departement(field->stats(asso, {{"departement"}, 2025, true}));
  EXPECT_EQ(mine.at("13"), 3);
  EXPECT_EQ(mine.at("75"), 30);
  EXPECT_EQ(mine.at("total"), 73);
  const auto national = field->stats(coordinator, q);
  EXPECT_FALSE(national.controlled);
  EXPECT_EQ(by_departement(national).at("06"), 3);
  EXPECT_EQ(by_departement(national).at("total"), 88);
}

TEST_P(FieldService, AYearsFiguresAndAllYearsFiguresAreSlicesOfOneControlledTable) {
  // 93: 20 profiles in 2024 and 3 in 2025; 13: 30 in each year.
  text::Table t{field::template_header()};
  auto add = [&](int n, const char* dep, const char* year) {
    for (int i = 0; i < n; ++i)
      t.push_back(row({{"departement", dep}, {"contact_year", year}, {"note", ""}}));
  };
  add(20, "93", "2024");
  add(3, "93", "2025");
  add(30, "13", "2024");
  add(30, "13", "2025");
  ASSERT_TRUE(field->import_records(asso, t, true).written);
  field->freeze_release(coordinator);
  auto cells = [&](std::optional<int> year) {
    return by_departement(field->stats(police, {{"departement"}, year, false}));
  };
  const auto all = cells(std::nullopt), y2024 = cells(2024), y2025 = cells(2025);
  EXPECT_FALSE(y2025.at("93")) << "3 profiles";
  // Were 93's all-years figure and its 2024 figure both published, 2025's 3 would be their
  // difference: one of them is suppressed.
  EXPECT_TRUE(!all.at("93") || !y2024.at("93"))
      << "all years " << all.at("93").value_or(-1) << ", 2024 " << y2024.at("93").value_or(-1);
  for (const auto* table : {&all, &y2024, &y2025})
    for (const auto& [dep, v] : *table) EXPECT_TRUE(!v || *v == 0 || *v >= 11) << dep;
  // (In this 2 × 2 table protecting 93's 2025 takes the whole rectangle: 13's years too.)
  // Three dimensions for one year would need a fourth (the year): refused, not sliced loosely.
  EXPECT_THROW(field->stats(police, {{"departement", "sex", "age_band"}, 2024, false}),
               kit::DomainError);
  EXPECT_NO_THROW(field->stats(coordinator, {{"departement", "sex", "age_band"}, 2024, false}));
}

TEST_P(FieldService, TheMonthlyReleaseIsFrozenOncePerMonth) {
  records(asso, 12, "93");
  const auto first = field->freeze_monthly_release();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->period, "2026-03");
  EXPECT_EQ(first->records, 12);
  now += days(5);
  EXPECT_FALSE(field->freeze_monthly_release());
  now = db::parse_iso_utc("2026-04-01T00:30:00Z");
  const auto april = field->freeze_monthly_release();
  ASSERT_TRUE(april);
  EXPECT_EQ(april->period, "2026-04");
}

TEST_P(FieldService, AnAlertIsToldToTheCoordinationOnceAndOnlyTheCoordinatorSeesIt) {
  records(asso, 19, "93");
  EXPECT_EQ(field->notify_alerts(), 1);  // 19 today over a flat, empty lagged week: EARS C2
  records(other, 1, "93");
  const auto standing = field->alerts(coordinator);
  std::vector<std::string> rules;
  for (const auto& a : standing)
    rules.push_back(a.rule + ":" + a.departement + ":" + std::to_string(a.value));
  EXPECT_EQ(rules, (std::vector<std::string>{"count:93:20", "ears_c2:93:20"}));
  EXPECT_EQ(field->notify_alerts(), 1);  // the count alert is new; EARS C2 was told already
  EXPECT_EQ(field->notify_alerts(), 0);
  int mails = 0;
  *database->lease() << "SELECT count(*) FROM mail_outbox WHERE recipient = 'coord@miprof.test'",
      soci::into(mails);
  EXPECT_EQ(mails, 2);
  now += days(1);  // a new day, the same burst: told again for that day
  EXPECT_EQ(field->notify_alerts(), 1);
}

TEST_P(FieldService, PurgeRemovesOldProfilesOnlyOnceCountedInAReleaseAndLeavesNoTrace) {
  text::Table old{field::template_header()};
  for (int i = 0; i < 12; ++i)
    old.push_back(row({{"contact_year", "2019"}, {"note", "Suivi zanzibar terminé."}}));
  ASSERT_TRUE(field->import_records(asso, old, true).written);
  records(asso, 15, "93");  // 2025: within five years of 2026-03
  EXPECT_EQ(field->purge(5), 0) << "nothing is counted in a release yet";
  // As on an SQLite built without SECURE_DELETE (Debian's has it on): the purge must wipe anyway.
  if (GetParam() == "sqlite") *database->lease() << "PRAGMA secure_delete = OFF";
  field->freeze_release(coordinator);
  now += hours(1);
  EXPECT_EQ(field->purge(5), 12);
  EXPECT_EQ(field->purge(5), 0);
  const field::StatsQuery by_year{{"year"}, std::nullopt, false};
  auto value = [](const field::StatsView& v, const char* key) -> std::optional<std::int64_t> {
    for (const auto& c : v.table.cells)
      if (c.key[0] == std::optional<std::string>(key)) return c.value;
    return std::nullopt;
  };
  // The release keeps counting them; live figures no longer do.
  EXPECT_EQ(value(field->stats(police, by_year), "2019"), 15);  // 12, published as 15
  EXPECT_EQ(value(field->stats(coordinator, by_year), "2019"), std::nullopt);
  EXPECT_EQ(value(field->stats(coordinator, by_year), "2025"), 15);
  if (GetParam() == "sqlite") {
    database.reset();  // close, so that every page is in the file
    const auto path = url.substr(std::string("sqlite:").size());
    for (const auto& file : {path, path + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      EXPECT_EQ(bytes.find("zanzibar"), std::string::npos) << file;
    }
  }
}

TEST_P(FieldService, ASignalTellsOfThisWeekOrAnEarlierOne) {
  // 2026-03-10 is a Tuesday of ISO week 11.
  field::SignalInput in;
  in.kind = "place";
  in.severity = "info";
  in.description = "Un nouveau lieu de racolage près de la gare.";
  for (const auto* week : {"2026-W11", "2026-W01", "2025-W52"}) {
    in.week = week;
    EXPECT_NO_THROW(field->create_signal(asso, in)) << week;
  }
  in.week = "2026-W12";
  try {
    field->create_signal(asso, in);
    FAIL() << "a week to come was accepted";
  } catch (const kit::DomainError& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field + ":" + e.fields()[0].code, "week:in_future");
  }
  now = db::parse_iso_utc("2027-01-01T12:00:00Z");  // a Friday of 2026's week 53
  in.week = "2026-W53";
  EXPECT_NO_THROW(field->create_signal(asso, in));
}

TEST_P(FieldService, ARefusedDimensionIsAFieldError) {
  try {
    field->stats(police, {{"departement", "note"}, std::nullopt, false});
    FAIL() << "no error";
  } catch (const kit::DomainError& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field, "dims/1");
  }
}

}  // namespace
