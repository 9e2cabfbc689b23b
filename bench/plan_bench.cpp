// Plan follow-up benchmark (make bench), on SQLite: a referential grown to 2,000 actions (a
// national plan with its local declinations), each operation against the bare SQLite query
// returning the same rows, measured in the same run. Prints a Markdown table.
#include "db/migrations.hpp"
#include "db/row.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/service.hpp"
#include "modules/plan/service.hpp"
#include "text/xlsx.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iomanip>
#include <iostream>

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

// The rows of the referential straight from SQLite: what any export must at least read.
std::size_t bare_query(db::Database& db) {
  return db.transact([](soci::session& s) {
    std::size_t n = 0;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT x.code, m.code, m.title_fr, m.title_en, m.weight, m.retired_at, "
                      "a.id, a.title_fr, a.weight, a.deadline, a.cost_eur, a.funding, "
                      "a.official_text_url, a.partners, (SELECT MAX(u.id) FROM "
                      "plan_action_updates u WHERE u.action_id = a.id) FROM plan_actions a JOIN "
                      "plan_measures m ON m.id = a.measure_id JOIN plan_axes x ON x.id = "
                      "m.axis_id ORDER BY x.position, m.position, a.position");
    for (const auto& r : rows) n += db::row_text(r, 1).size() > 0;
    return n;
  });
}

}  // namespace

int main() {
  const auto dir =
      std::filesystem::temp_directory_path() / ("vigie-plan-bench-" + std::to_string(::getpid()));
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
  auto org = accounts.add_organisation({"MIPROF", "MIPROF", "coordination", "national"}, {});
  auto user = accounts.add_user(
      {"c@miprof.test", "C", "MIPROF", "referent", "une phrase de passe longue"}, {});
  kit::Actor coordinator = kit::Actor::system("bench");
  coordinator.user_id = user.user.id;
  coordinator.org_id = org.id;
  coordinator.org_code = org.code;
  coordinator.org_type = org.type;
  coordinator.role = user.user.role;

  // Grow the referential through the import itself: 400 measures of 5 actions.
  auto table = plan.referential.export_table("fr", "csv").rows;
  const auto header = table.front();
  text::Table grown{header};
  for (int m = 0; m < 400; ++m)
    for (int a = 0; a < 5; ++a)
      grown.push_back({"A" + std::to_string(1 + m % 6), "L" + std::to_string(m),
                       "Déclinaison locale " + std::to_string(m), "", "1", "no", "",
                       "Action " + std::to_string(a) + " de la déclinaison " + std::to_string(m),
                       "1", "MIPROF", "Préfecture ; Parquet", "2027-06-30", "15000", "BOP 137",
                       "https://www.legifrance.gouv.fr/", "", "", ""});
  const auto t0 = Clock::now();
  const auto grown_result = plan.referential.import_table(coordinator, grown, true);
  const double import_apply = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  if (!grown_result.errors.empty()) {
    std::cerr << "the benchmark's import failed: " << grown_result.errors.front().message << "\n";
    return 1;
  }
  const auto loaded = plan.reports.tree();
  for (const auto& axis : loaded->axes)
    for (const auto& m : axis.measures)
      for (const auto& a : m.actions)
        plan.reports.report(coordinator, a.id, {"in_progress", 40, "", {}, ""});

  const auto rows = plan.referential.export_table("fr", "csv").rows;
  const double reference = median_ms(15, [&] { bare_query(*db); });
  const double tree = median_ms(15, [&] { plan.reports.tree(); });
  const double export_csv_rows =
      median_ms(15, [&] { plan.referential.export_table("fr", "csv").rows; });
  std::string xlsx;
  const double export_xlsx = median_ms(7, [&] {
    xlsx = text::write_xlsx("Plan", plan.referential.export_table("fr", "csv").rows, {});
  });
  const double read_xlsx = median_ms(7, [&] { text::read_xlsx(xlsx); });
  const double import_check =
      median_ms(7, [&] { plan.referential.import_table(coordinator, rows, false); });

  std::cout << std::fixed << std::setprecision(1);
  std::cout << "Referential of " << rows.size() - 1 << " actions (" << grown_result.measures_created
            << " measures added by one import in " << import_apply
            << " ms), one update each; SQLite, one core.\n\n"
            << "| operation | median | × the bare query (" << reference
            << " ms) |\n|---|---|---|\n";
  auto line = [&](const char* what, double ms) {
    std::cout << "| " << what << " | " << ms << " ms | " << std::setprecision(2) << ms / reference
              << std::setprecision(1) << " |\n";
  };
  line("tree with roll-ups (`GET /api/v1/plan` minus JSON)", tree);
  line("export table (CSV/XLSX rows)", export_csv_rows);
  line("XLSX export (rows + libxlsxwriter)", export_xlsx);
  line("XLSX read back (libzip + pugixml)", read_xlsx);
  line("import check of the whole export (no change)", import_check);
  std::filesystem::remove_all(dir);
  return 0;
}
