// Field-data benchmark (make bench), on SQLite: the import of 100,000 victim profiles from a
// CSV file (reading, validation of every code, the identifier guard on every note, the
// all-or-nothing insert) against SQLite's bulk insert of the same rows in one transaction;
// then the stratified aggregate behind the dashboard (département × form × year, through
// disclosure control, on the release) against the bare GROUP BY of the same rows, in the same
// run; then the same aggregate over 1,000,000 profiles. Prints Markdown tables.
#include "db/migrations.hpp"
#include "db/row.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/service.hpp"
#include "modules/field/codes.hpp"
#include "modules/field/import.hpp"
#include "modules/field/service.hpp"
#include "modules/field/store.hpp"
#include "text/csv.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

using namespace vigie;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

template <class F>
double median_ms(int runs, F f) {
  std::vector<double> v;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    f();
    v.push_back(ms_since(t0));
  }
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The rows of a realistic file: every column filled where the survey would, a note on each.
std::string csv_file(std::size_t rows) {
  const char* deps[] = {"75", "93", "13", "69", "59", "33", "06", "31", "973", "976"};
  const char* forms[] = {"EXP_SEX", "EXP_SEX", "EXP_SEX", "EXP_SEX|EXP_TRAV", "EXP_TRAV"};
  const char* notes[] = {
      "Orientée par une maraude ; hébergement d'urgence trouvé le soir même.",
      "Accompagnement juridique en cours, dépôt de plainte envisagé avec l'avocate du réseau.",
      "Suivi santé régulier à la PASS de l'hôpital, rendez-vous psychologue programmé.",
      "Demande de titre de séjour déposée en préfecture après la plainte.",
      "Arrivée par l'Espagne, exploitée dans plusieurs villes avant de rencontrer l'équipe."};
  text::Table t{field::template_header()};
  for (std::size_t i = 0; i < rows; ++i) {
    const bool labour = std::string(forms[i % 5]).find("EXP_TRAV") != std::string::npos;
    t.push_back({std::to_string(2019 + i % 7), std::to_string(1 + i % 12), deps[i % 10],
                 forms[i % 5], deps[i % 10], "", labour ? "SEC_BTP" : "", i % 9 ? "female" : "male",
                 i % 7 ? "25-29" : "15-17", i % 7 ? "false" : "true", "unknown", "NG",
                 "ILO01|ILO06", "DebtBondage|PsychologicalAbuse", "ThroughOnlineSocialNetworks",
                 "PRESUMEE", "shelter|legal", "", notes[i % 5]});
  }
  return text::csv_document(t);
}

}  // namespace

int main() {
  const auto dir =
      std::filesystem::temp_directory_path() / ("vigie-field-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = db::Database::open(db::DatabaseUrl::parse("sqlite:" + (dir / "b.db").string()), 1);
  db::Migrator().apply(*db);
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  mail::use_outbox_key(secrets);  // the services queue mail, sealed as serve seals it
  accounts::Service accounts(*db, audit, secrets);
  auto org =
      accounts.add_organisation({"ASSO", "ASSO", "association", "75"}, kit::Actor::system("bench"));
  kit::Actor asso = kit::Actor::system("bench");
  asso.user_id = 1;
  asso.org_id = org.id;
  asso.org_code = org.code;
  asso.org_type = org.type;
  asso.role = kit::Role::contributor;
  kit::Actor coordinator = asso;
  coordinator.org_type = kit::OrgType::coordination;
  coordinator.org_id = 999;
  kit::Actor police = asso;
  police.org_type = kit::OrgType::police;
  police.org_id = 998;
  field::Service field(*db, audit);

  constexpr std::size_t kRows = 100'000;
  const auto file = csv_file(kRows);

  // The reference: the same rows already split, bound and inserted in one transaction, no
  // validation and no guard.
  const auto bare_t0 = Clock::now();
  {
    text::CsvReader reader(file);
    reader.next();
    std::vector<std::vector<std::string>> columns(field::template_header().size());
    while (auto r = reader.next())
      for (std::size_t c = 0; c < columns.size(); ++c) columns[c].push_back((*r)[c]);
    db->transact([&](soci::session& s) {
      s << "CREATE TABLE bare_records (c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 "
           "TEXT, c7 TEXT, c8 TEXT, c9 TEXT, c10 TEXT, c11 TEXT, c12 TEXT, c13 TEXT, c14 TEXT, "
           "c15 TEXT, c16 TEXT, c17 TEXT, c18 TEXT)";
      for (std::size_t start = 0; start < kRows; start += 1000) {
        std::vector<std::vector<std::string>> batch(columns.size());
        for (std::size_t c = 0; c < columns.size(); ++c)
          batch[c].assign(columns[c].begin() + static_cast<long>(start),
                          columns[c].begin() + static_cast<long>(std::min(kRows, start + 1000)));
        soci::statement st =
            (s.prepare << "INSERT INTO bare_records VALUES (:c0, :c1, :c2, :c3, "
                          ":c4, :c5, :c6, :c7, :c8, :c9, :c10, :c11, :c12, :c13, "
                          ":c14, :c15, :c16, :c17, :c18)",
             soci::use(batch[0]), soci::use(batch[1]), soci::use(batch[2]), soci::use(batch[3]),
             soci::use(batch[4]), soci::use(batch[5]), soci::use(batch[6]), soci::use(batch[7]),
             soci::use(batch[8]), soci::use(batch[9]), soci::use(batch[10]), soci::use(batch[11]),
             soci::use(batch[12]), soci::use(batch[13]), soci::use(batch[14]), soci::use(batch[15]),
             soci::use(batch[16]), soci::use(batch[17]), soci::use(batch[18]));
        st.execute(true);
      }
    });
  }
  const double bare_insert = ms_since(bare_t0);

  // The validation alone (every code, every cross-check, the guard on every note), apart.
  text::Table rows;
  {
    text::CsvReader reader(file);
    while (auto r = reader.next()) rows.push_back(std::move(*r));
  }
  const auto parse_t0 = Clock::now();
  const auto check = field::parse_import(rows, {2026, 12});
  const double validate_ms = ms_since(parse_t0);
  if (!check.errors.empty()) {
    std::cerr << "bench rows invalid: row " << check.errors[0].row << " " << check.errors[0].column
              << ": " << check.errors[0].message << "\n";
    return 1;
  }
  rows.clear();
  // The subject: what POST /api/v1/field/import does with the body (read, validate, insert).
  const auto import_t0 = Clock::now();
  {
    text::CsvReader reader(file);
    while (auto r = reader.next()) rows.push_back(std::move(*r));
  }
  const auto result = field.import_records(asso, rows, true);
  const double import_ms = ms_since(import_t0);
  if (!result.written) return 1;
  field.freeze_release(coordinator);
  db->transact([](soci::session& s) { s << "ANALYZE"; });

  const field::StatsQuery q{{"departement", "form_of_exploitation", "year"}, std::nullopt, false};
  const double bare_group = median_ms(11, [&] {
    db->read([&](soci::session& s) {
      soci::rowset<soci::row> r =
          (s.prepare << "SELECT departement, forms, contact_year, count(*) FROM field_records "
                        "GROUP BY departement, forms, contact_year");
      std::size_t n = 0;
      for (const auto& row : r) n += static_cast<std::size_t>(db::row_int(row, 3));
      return n;
    });
  });
  const double controlled = median_ms(11, [&] { field.stats(police, q); });
  // The coordinator's live table: counted at the first query, then kept while no record is
  // written (the records' generation has not moved).
  const double live = median_ms(1, [&] { field.stats(coordinator, q); });
  const double live_next = median_ms(11, [&] { field.stats(coordinator, q); });

  std::cout << std::fixed << std::setprecision(0);
  std::cout << kRows << " victim profiles from a " << file.size() / 1024
            << " KiB CSV file, a note on every row; SQLite, one core.\n\n"
            << "| operation | time | reference | × the reference |\n|---|---|---|---|\n";
  auto line = [](const std::string& what, double ms, double reference, const char* ref) {
    std::cout << "| " << what << " | " << ms << " ms | " << ref << ": " << reference << " ms | "
              << std::setprecision(2) << ms / reference << std::setprecision(0) << " |\n";
  };
  line("import of 100,000 rows: read, validate and guard (" +
           std::to_string(static_cast<int>(validate_ms)) + " ms of it), insert in one transaction",
       import_ms, bare_insert, "bare bulk insert of the same rows");
  std::cout << std::setprecision(1);
  line(
      "controlled aggregate, département × form × year, on the release (police), repeated: "
      "kept in memory after the first",
      controlled, bare_group, "bare GROUP BY");
  line("live aggregate, département × form × year (coordinator), first query after a write", live,
       bare_group, "bare GROUP BY");
  line("the same, next queries while no record is written (kept in memory)", live_next, bare_group,
       "bare GROUP BY");

  // The dashboard's aggregate over 1,000,000 profiles of varied content (inserted through the
  // store, the import's own insert, without the validation measured above), in a second
  // database.
  {
    auto big = db::Database::open(db::DatabaseUrl::parse("sqlite:" + (dir / "m.db").string()), 1);
    db::Migrator().apply(*big);
    field::Service mfield(*big, audit);
    const char* deps[] = {"75",  "93",  "92", "94", "13", "06", "59", "69",  "33",  "31",
                          "973", "976", "77", "78", "91", "95", "44", "67",  "34",  "38",
                          "62",  "57",  "83", "84", "76", "35", "29", "974", "971", "972"};
    const char* forms[] = {"EXP_SEX", "EXP_TRAV", "EXP_DELITS", "EXP_MEND", "EXP_SEX|EXP_TRAV"};
    const char* sexes[] = {"female", "male", "other"};
    const char* ages[] = {"15-17", "18-24", "25-29", "30-34", "35-39", "40-44", "45-49", "50-54"};
    const char* nats[] = {"NG", "CI", "CM", "GN", "FR", "RO", "BG", "AL", "BR", "CN", "VN", "MA"};
    const char* supports[] = {"", "shelter", "legal", "shelter|legal", "health|complaint_filed"};
    std::uint64_t x = 88172645463325252ull;
    auto next = [&x] {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      return x;
    };
    const auto load_t0 = Clock::now();
    big->transact([&](soci::session& s) {
      std::vector<field::VictimRecord> batch;
      for (int i = 0; i < 1'000'000; ++i) {
        field::VictimRecord r;
        r.org_id = 1 + static_cast<std::int64_t>(next() % 40);
        r.org_code = "ORG";
        r.contact_year = 2019 + static_cast<int>(next() % 7);
        r.contact_month = 1 + static_cast<int>(next() % 12);
        r.departement = deps[next() % std::size(deps)];
        r.forms = field::split_codes(forms[next() % std::size(forms)]);
        r.sex = sexes[next() % std::size(sexes)];
        r.age_band = ages[next() % std::size(ages)];
        r.minor_at_contact = r.age_band == std::string("15-17");
        r.minor_at_exploitation = "unknown";
        r.nationality = nats[next() % std::size(nats)];
        r.victim_status = next() % 3 ? "PRESUMEE" : "IDENTIFIEE";
        r.support = field::split_codes(supports[next() % std::size(supports)]);
        batch.push_back(std::move(r));
        if (batch.size() == 10'000) {
          field::store::insert_records(s, batch, 1, "2026-01-01T00:00:00Z");
          batch.clear();
        }
      }
    });
    const double load_ms = ms_since(load_t0);
    const auto freeze_t0 = Clock::now();
    const auto release = mfield.freeze_release(coordinator);
    const double freeze_ms = ms_since(freeze_t0);
    big->transact([](soci::session& s) { s << "ANALYZE"; });
    std::int64_t combinations = 0;
    big->read([&](soci::session& s) {
      s << "SELECT count(*) FROM field_release_counts", soci::into(combinations);
    });
    const double bare_big = median_ms(5, [&] {
      big->read([&](soci::session& s) {
        soci::rowset<soci::row> r =
            (s.prepare << "SELECT departement, forms, contact_year, count(*) FROM field_records "
                          "GROUP BY departement, forms, contact_year");
        std::size_t n = 0;
        for (const auto& row : r) n += static_cast<std::size_t>(db::row_int(row, 3));
        return n;
      });
    });
    // The first query computes the release's table; the release never changes, so the next
    // ones are served from memory.
    const double first_big = median_ms(1, [&] { mfield.stats(police, q); });
    const double controlled_big = median_ms(5, [&] { mfield.stats(police, q); });
    const double live_big = median_ms(1, [&] { mfield.stats(coordinator, q); });
    const double live_big_next = median_ms(5, [&] { mfield.stats(coordinator, q); });
    std::cout << "\n1,000,000 profiles (" << release.records << " in the release, " << combinations
              << " combinations of the published dimensions; inserted in " << load_ms
              << " ms, release frozen in " << freeze_ms << " ms).\n\n"
              << "| operation | time | reference | × the reference |\n|---|---|---|---|\n";
    std::cout << std::setprecision(1);
    line("controlled aggregate, département × form × year, on the release (police), first query",
         first_big, bare_big, "bare GROUP BY of the records");
    line("the same, next queries (the release's table kept in memory)", controlled_big, bare_big,
         "bare GROUP BY of the records");
    line("live aggregate, département × form × year (coordinator), first query after a write",
         live_big, bare_big, "bare GROUP BY of the records");
    line("the same, next queries while no record is written (kept in memory)", live_big_next,
         bare_big, "bare GROUP BY of the records");
  }
  std::filesystem::remove_all(dir);
  return 0;
}
