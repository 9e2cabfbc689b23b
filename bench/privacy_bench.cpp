// Privacy engines benchmark (make bench): disclosure control of a 3-dimension table built from
// 1,000,000 records against the bare aggregation of the same records, and the identifier
// guard's scanning speed on the field-note corpus. Prints a Markdown table.
#include "privacy/disclosure_control.hpp"
#include "privacy/identifier_guard.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>

using namespace vigie::privacy;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::vector<std::vector<std::string>> make_records(std::size_t n) {
  // Realistic skew: a few départements and sexual exploitation dominate, long tails elsewhere.
  std::mt19937 rng(42);
  std::vector<std::string> depts;
  for (int d = 1; d <= 95; ++d)
    if (d != 20) depts.push_back((d < 10 ? "0" : "") + std::to_string(d));
  for (auto d : {"2A", "2B", "971", "972", "973", "974", "976"}) depts.push_back(d);
  std::vector<double> w(depts.size(), 1.0);
  for (std::size_t i = 0; i < depts.size(); ++i) {
    if (depts[i] == "75" || depts[i] == "93") w[i] = 60;
    else if (depts[i] == "13" || depts[i] == "69" || depts[i] == "06" || depts[i] == "59") w[i] = 20;
    else if (i % 7 == 0) w[i] = 0.02;  // départements with almost no records: small cells
  }
  std::discrete_distribution<std::size_t> dept(w.begin(), w.end());
  std::discrete_distribution<int> form({80, 13, 4, 2, 1});
  const char* forms[] = {"EXP_SEX", "EXP_TRAV", "EXP_CRIM", "EXP_MEND", "EXP_AUTRE"};
  std::discrete_distribution<int> sex({85, 14, 1});
  const char* sexes[] = {"F", "M", "X"};
  std::vector<std::vector<std::string>> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    out.push_back({depts[dept(rng)], forms[form(rng)], sexes[sex(rng)]});
  return out;
}

CountTable aggregate(const std::vector<std::vector<std::string>>& records) {
  CountTable t({"departement", "form_of_exploitation", "sex"});
  for (const auto& r : records) t.add(r);
  return t;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = 5;
  auto records = make_records(1'000'000);
  std::vector<double> bare, controlled;
  std::size_t suppressed = 0, cells = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = Clock::now();
    auto table = aggregate(records);
    auto exact = uncontrolled(table);
    auto t1 = Clock::now();
    auto table2 = aggregate(records);
    auto safe = control(table2);
    auto t2 = Clock::now();
    bare.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    controlled.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    cells = safe.cells.size();
    suppressed = std::count_if(safe.cells.begin(), safe.cells.end(),
                               [](const auto& c) { return !c.value; });
  }

  std::string text;
  if (argc > 1) {
    std::ifstream in(argv[1]);
    std::string line;
    while (std::getline(in, line)) text += std::string(boost::json::parse(line).at("text").as_string()) + "\n";
  }
  double mbps = 0;
  std::size_t scanned = 0;
  if (!text.empty()) {
    std::string big;
    while (big.size() < 20u * 1024 * 1024) big += text;
    std::vector<double> secs;
    for (int r = 0; r < 3; ++r) {
      auto t0 = Clock::now();
      auto f = find_identifiers(big);
      secs.push_back(std::chrono::duration<double>(Clock::now() - t0).count());
      scanned = f.size();
    }
    mbps = big.size() / (1024.0 * 1024.0) / median(secs);
  }

  const double b = median(bare), c = median(controlled);
  std::cout << "| measure | reference (same run) | Vigie | ratio | target |\n|---|---|---|---|---|\n";
  std::cout << "| 3-dimension table (département × form × sex) from 1,000,000 records, median of "
            << rounds << " | bare aggregation " << static_cast<int>(b) << " ms | aggregation + disclosure control "
            << static_cast<int>(c) << " ms (" << suppressed << " of " << cells
            << " cells suppressed) | **" << std::fixed << std::setprecision(2) << c / b
            << "×** | ≤ 2× |\n";
  if (mbps > 0)
    std::cout << "| identifier guard on the field-note corpus repeated to 20 MiB (" << scanned
              << " findings), one core | — | " << std::setprecision(1) << mbps
              << " MiB/s | — | ≥ 5 MB/s |\n";
  return 0;
}
