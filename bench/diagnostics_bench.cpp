// Diagnostics benchmark (make bench), on SQLite: 400 measures × 100 territories × 8 periods,
// about 50,000 published diagnostics from 20 organisations of 5 actor types; the divergence
// board and a measure's field view against the bare SQLite query returning the same rows, in
// the same run. Prints a Markdown table.
#include "db/migrations.hpp"
#include "db/row.hpp"
#include "kit/territory.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/service.hpp"
#include "modules/diagnostics/service.hpp"
#include "modules/diagnostics/store.hpp"
#include "modules/plan/service.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <random>

using namespace vigie;
using Clock = std::chrono::steady_clock;

namespace {

template <class F>
double median_ms(int runs, F f) {
  std::vector<double> v;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    f();
    v.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// What the board must at least read (the period's current ratings), or the field view (one
// measure's current diagnostics of every period, for the trend, with their texts), straight
// from SQLite.
std::size_t bare_query(db::Database& db, const std::string& measure) {
  return db.read([&](soci::session& s) {
    std::size_t n = 0;
    const std::string m = measure, p = "2026", pp = "2026-%";
    const std::string sql =
        measure.empty()
            ? "SELECT id, author_org_id, measure_code, author_org_code, author_org_type, "
              "territory, period, rating FROM diagnostics WHERE state = 'published' AND :m = :m "
              "AND visibility = 'committee' AND (period = :p OR period LIKE :pp)"
            : "SELECT * FROM diagnostics WHERE measure_code = :m AND state = 'published' AND "
              "visibility = 'committee' AND :p = :p AND :pp = :pp";
    soci::rowset<soci::row> rows =
        (s.prepare << sql, soci::use(m, "m"), soci::use(p, "p"), soci::use(pp, "pp"));
    for (const auto& r : rows) n += db::row_text(r, 7).size() > 0;
    return n;
  });
}

// Medians of the subject and its reference, measured in turn so that both see the same noise.
template <class R, class S>
std::pair<double, double> paired_ms(int runs, R reference, S subject) {
  std::vector<double> a, b;
  for (int i = 0; i < runs; ++i) {
    a.push_back(median_ms(1, reference));
    b.push_back(median_ms(1, subject));
  }
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return {a[a.size() / 2], b[b.size() / 2]};
}

}  // namespace

int main() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("vigie-diagnostics-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = db::Database::open(db::DatabaseUrl::parse("sqlite:" + (dir / "b.db").string()), 1);
  db::Migrator().apply(*db);
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{}};
  mail::use_outbox_key(secrets);  // the services queue mail, sealed as serve seals it
  accounts::Service accounts(*db, audit, secrets);
  plan::Service plan(*db, audit);
  plan.reports.load_reference_plan();
  auto org = accounts.add_organisation({"MIPROF", "MIPROF", "coordination", "national"},
                                       kit::Actor::system("bench"));
  kit::Actor coordinator = kit::Actor::system("bench");
  coordinator.user_id = 1;
  coordinator.org_id = org.id;
  coordinator.org_code = org.code;
  coordinator.org_type = org.type;
  coordinator.role = kit::Role::referent;
  kit::Actor reader = coordinator;  // a committee member who is not the coordination
  reader.org_type = kit::OrgType::police;
  reader.org_id = 999;
  reader.org_code = "POL";

  // 400 measures (the shipped 17 and 383 local declinations), grown through the import.
  auto table = plan.referential.export_table("fr", "csv").rows;
  text::Table grown{table.front()};
  for (int m = 0; m < 383; ++m)
    grown.push_back({"A" + std::to_string(1 + m % 6), "L" + std::to_string(m),
                     "Déclinaison locale " + std::to_string(m), "", "1", "no", "", "Mise en œuvre",
                     "1", "MIPROF", "", "2027-06-30", "", "", "", "", "", ""});
  if (!plan.referential.import_table(coordinator, grown, true).errors.empty()) {
    std::cerr << "the benchmark's import failed\n";
    return 1;
  }
  const auto measures = plan.reports.measure_summaries();
  std::vector<std::string> territories;
  for (const auto& t : kit::territories())
    if (t.level == kit::Territory::Level::departement && territories.size() < 100)
      territories.push_back(t.code);
  const char* types[] = {"association", "union", "independent_body", "prefecture", "police"};
  const char* ratings[] = {"not_implemented", "weak",      "partial",
                           "substantial",     "effective", "unknown"};
  std::mt19937 random(42);
  std::size_t inserted = 0;
  const auto t0 = Clock::now();
  db->transact([&](soci::session& s) {
    for (const auto& m : measures)
      for (int k = 0; k < 125; ++k) {
        diagnostics::Diagnostic d;
        const int author = static_cast<int>(random() % 20);
        d.author_org_id = 100 + author;
        d.author_org_code = "ORG" + std::to_string(author);
        d.author_org_type = types[author % 5];
        d.author_user_id = 1;
        d.measure_code = m.code;
        d.territory = territories[random() % territories.size()];
        d.period = std::to_string(2019 + random() % 8);
        d.rating = *diagnostics::rating_from(ratings[random() % 6]);
        d.obstacles = "Constat de terrain.";
        d.visibility = diagnostics::Visibility::committee;
        d.state = diagnostics::State::published;
        d.created_at = d.updated_at = "2026-01-01T00:00:00Z";
        diagnostics::store::insert(s, d);
        ++inserted;
      }
  });
  const double load = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  db->transact([](soci::session& s) {
    s << "UPDATE diagnostics SET published_at = created_at";
    s << "ANALYZE";
  });

  diagnostics::Service service(*db, audit, plan.reports);
  const diagnostics::Scope year{"2026", std::nullopt, std::nullopt, std::nullopt};
  const std::string one = measures.back().code;
  const auto [bare_all, board] = paired_ms(
      21, [&] { bare_query(*db, ""); }, [&] { service.board(reader, year); });
  const auto [bare_one, view] = paired_ms(
      21, [&] { bare_query(*db, one); }, [&] { service.field_view(reader, one, year); });
  const double summaries = median_ms(15, [&] { plan.reports.measure_summaries(); });
  const double one_summary = median_ms(21, [&] { plan.reports.subject_summary(one); });

  std::cout << std::fixed << std::setprecision(1);
  std::cout
      << inserted << " published diagnostics (" << measures.size() << " measures × "
      << territories.size() << " territories × 8 periods, inserted in " << load
      << " ms); SQLite, one core; subject and reference measured in turn. The board also "
         "reads the plan's "
      << measures.size() << " measure roll-ups (" << summaries
      << " ms, the official picture), the field view its one measure alone ("
      << std::setprecision(2) << one_summary << std::setprecision(1)
      << " ms), which the bare query does not.\n\n"
      << "| operation | median | reference (bare query of the same rows) | × the reference |\n"
      << "|---|---|---|---|\n";
  auto line = [&](const char* what, double ms, double reference) {
    std::cout << "| " << what << " | " << ms << " ms | " << reference << " ms | "
              << std::setprecision(2) << ms / reference << std::setprecision(1) << " |\n";
  };
  line("divergence board, year 2026 (`GET /api/v1/divergence` minus JSON)", board, bare_all);
  line("field view of one measure (`GET …/field-view` minus JSON)", view, bare_one);
  std::filesystem::remove_all(dir);
  return 0;
}
