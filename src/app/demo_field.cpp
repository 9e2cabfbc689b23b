#include "app/demo_field.hpp"

#include "modules/field/import.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <utility>
#include <vector>

namespace vigie::app {

namespace {

// SplitMix64: a small deterministic generator (demo figures, never a secret).
struct Draw {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
  // One of `choices`, drawn by weight.
  template <std::size_t N>
  const char* pick(const std::array<std::pair<const char*, double>, N>& choices) {
    double total = 0;
    for (const auto& c : choices) total += c.second;
    double x = unit() * total;
    for (const auto& c : choices)
      if ((x -= c.second) < 0) return c.first;
    return choices.back().first;
  }
};

struct Association {
  const char* code;
  const char* home;          // the département most of its victims are met in
  const char* elsewhere[3];  // and the others it works in
  int per_year;              // records a year around 2024
};

// Ten associations; their yearly totals sum to about 650 records (the demo's sample of the
// ~5,000 victims followed nationally).
constexpr Association kAssociations[] = {
    {"PASSERELLES", "75", {"92", "94", "77"}, 130},
    {"FIL-ARIANE", "93", {"95", "94", "75"}, 120},
    {"HORIZONS", "13", {"83", "84", "06"}, 90},
    {"LUMIERE", "69", {"38", "42", "01"}, 60},
    {"RELAIS-SO", "33", {"31", "64", "40"}, 50},
    {"VEILLEUSES", "59", {"62", "80", "02"}, 60},
    {"ENTRAIDE-973", "973", {"973", "973", "971"}, 35},
    {"ACCUEIL-976", "976", {"976", "976", "974"}, 30},
    {"DROITS-DIGNITE", "75", {"13", "69", "31"}, 45},
    {"AUBE", "06", {"83", "13", "06"}, 30},
};

// Yearly factor around 2024 (the survey's ups and downs: 2020's lockdowns, growth since 2022).
constexpr std::pair<int, double> kYears[] = {{2019, 0.8}, {2020, 0.55}, {2021, 0.75}, {2022, 0.8},
                                             {2023, 0.9}, {2024, 1.0},  {2025, 1.05}};

constexpr std::array<std::pair<const char*, double>, 5> kForms{{{"EXP_SEX", 80},
                                                                {"EXP_TRAV", 13},
                                                                {"EXP_DELITS", 4.5},
                                                                {"EXP_MEND", 1.5},
                                                                {"EU_2024_ADDITIONS", 1}}};
constexpr std::array<std::pair<const char*, double>, 17> kNationalities{{{"NG", 34},
                                                                         {"CI", 8},
                                                                         {"CM", 7},
                                                                         {"GN", 5},
                                                                         {"CD", 4},
                                                                         {"MA", 3},
                                                                         {"SN", 3},
                                                                         {"GH", 2},
                                                                         {"FR", 11},
                                                                         {"RO", 6},
                                                                         {"BG", 2},
                                                                         {"AL", 2},
                                                                         {"UA", 1},
                                                                         {"BR", 6},
                                                                         {"CO", 2},
                                                                         {"CN", 2},
                                                                         {"VN", 2}}};
constexpr std::array<std::pair<const char*, double>, 9> kSectors{{{"SEC_DOMESTIQUE", 30},
                                                                  {"SEC_BTP", 18},
                                                                  {"SEC_AGRI", 15},
                                                                  {"SEC_HCR", 12},
                                                                  {"SEC_ESTHETIQUE", 8},
                                                                  {"SEC_NETTOYAGE", 6},
                                                                  {"SEC_LIVRAISON", 5},
                                                                  {"SEC_INDUSTRIE", 4},
                                                                  {"SEC_AUTRE", 2}}};
constexpr std::array<std::pair<const char*, double>, 10> kAdultBands{{{"18-24", 32},
                                                                      {"25-29", 22},
                                                                      {"30-34", 16},
                                                                      {"35-39", 10},
                                                                      {"40-44", 7},
                                                                      {"45-49", 5},
                                                                      {"50-54", 3},
                                                                      {"55-59", 2},
                                                                      {"60-64", 1},
                                                                      {"unknown", 2}}};
constexpr std::array<std::pair<const char*, double>, 3> kMinorBands{
    {{"15-17", 75}, {"10-14", 20}, {"5-9", 5}}};
constexpr const char* kSupport[] = {"shelter", "acse_referral",           "legal",
                                    "health",  "residence_permit_l425_1", "complaint_filed"};
constexpr double kSupportShare[] = {0.45, 0.12, 0.6, 0.55, 0.2, 0.3};
constexpr const char* kControls[] = {"DebtBondage",        "PsychologicalAbuse",
                                     "WithholdsDocuments", "TakesEarnings",
                                     "PhysicalThreats",    "ThreatensChildrenFamily"};
constexpr const char* kRecruitment[] = {
    "ThroughFriendsOrSocialEvents", "ThroughFamilyOrFamilyEvents", "ThroughOnlineSocialNetworks",
    "ThroughAnOnlineAdvertisement"};

struct DemoSignal {
  const char* org;
  const char* week;
  const char* territory;
  const char* form;
  const char* kind;
  const char* severity;
  const char* description;
  const char* state;  // how far the coordinator took it
};

constexpr DemoSignal kSignals[] = {
    {"FIL-ARIANE", "2025-W10", "93", "EXP_SEX", "recruitment_channel", "urgent",
     "Des annonces de « colocation » sur un réseau social recrutent des jeunes filles ; plusieurs "
     "mineures orientées vers des appartements loués à la nuitée.",
     "shared"},
    {"HORIZONS", "2025-W14", "13", "EXP_TRAV", "place", "concern",
     "Un chantier de rénovation emploie des ouvriers logés sur place, sans contrat, payés à la "
     "tâche.",
     "acknowledged"},
    {"PASSERELLES", "2025-W18", "75", "EXP_SEX", "online", "concern",
     "Hausse des annonces de massages à domicile mentionnant des « nouvelles arrivées ».",
     "shared"},
    {"LUMIERE", "2025-W20", "69", "EXP_DELITS", "new_pattern", "concern",
     "Des adolescents contraints de vendre des stupéfiants dans un point de deal, hébergés par "
     "le réseau.",
     "new"},
    {"RELAIS-SO", "2025-W26", "33", "EXP_TRAV", "trend", "info",
     "Saison des vendanges : davantage de travailleurs saisonniers sans hébergement décent.",
     "closed"},
    {"VEILLEUSES", "2025-W30", "59", "EXP_SEX", "place", "concern",
     "Nouveaux lieux de prostitution près d'une aire d'autoroute transfrontalière.", "shared"},
    {"ENTRAIDE-973", "2025-W33", "973", "EXP_TRAV", "new_pattern", "urgent",
     "Orpaillage illégal : des travailleurs retenus sur un site en forêt, documents confisqués.",
     "acknowledged"},
    {"ACCUEIL-976", "2025-W35", "976", "EXP_TRAV", "trend", "concern",
     "Des mineurs non accompagnés placés comme domestiques dans des familles.", "new"},
    {"AUBE", "2025-W38", "06", "EXP_SEX", "recruitment_channel", "info",
     "Recrutement par des agences de « mannequinat » fictives sur une messagerie.", "closed"},
    {"DROITS-DIGNITE", "2025-W40", "national", "EXP_MEND", "trend", "info",
     "Mendicité forcée d'enfants signalée dans plusieurs grandes gares.", "shared"},
};

}  // namespace

void load_demo_field(field::Service& field, const std::map<std::string, kit::Actor>& by_org,
                     const kit::Actor& coordination) {
  Draw draw{20261201};
  const auto& header = field::template_header();
  auto col = [&](const char* name) {
    return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  };
  for (const auto& a : kAssociations) {
    const auto it = by_org.find(a.code);
    if (it == by_org.end()) continue;
    // Each year's profiles are imported in the January after it (the annual survey's rhythm),
    // on a clock set then, so that the alerts see a history; one import per year keeps the
    // demo's start fast.
    std::map<int, text::Table> by_year;
    for (const auto& [year, factor] : kYears) {
      const int n = static_cast<int>(a.per_year * factor + 0.5);
      for (int i = 0; i < n; ++i) {
        std::vector<std::string> r(header.size());
        r[col("contact_year")] = std::to_string(year);
        r[col("contact_month")] = std::to_string(1 + static_cast<int>(draw.unit() * 12));
        r[col("departement")] = draw.unit() < 0.75 ? a.home : a.elsewhere[draw.next() % 3];
        std::string form = draw.pick(kForms);
        const bool labour = form == "EXP_TRAV";
        // A few victims of sexual exploitation were also exploited at work.
        if (form == "EXP_SEX" && draw.unit() < 0.03) form += "|EXP_TRAV";
        r[col("forms")] = form;
        if (labour || form.find("EXP_TRAV") != std::string::npos)
          r[col("sector")] = draw.pick(kSectors);
        const double sex = draw.unit();
        r[col("sex")] = labour ? (sex < 0.55 ? "male" : "female")
                               : (sex < 0.9    ? "female"
                                  : sex < 0.97 ? "male"
                                               : "other");
        const bool minor = draw.unit() < 0.14;
        r[col("age_band")] = minor ? draw.pick(kMinorBands) : draw.pick(kAdultBands);
        r[col("minor_at_contact")] = minor ? "true" : "false";
        // Half the adults were minors when the exploitation began (the 2024 survey: 52 %).
        r[col("minor_at_exploitation")] =
            minor ? "yes" : (draw.unit() < 0.5 ? "yes" : (draw.unit() < 0.8 ? "no" : "unknown"));
        r[col("nationality")] = draw.pick(kNationalities);
        if (draw.unit() < 0.12) {
          // Exploited abroad before reaching France (on the route).
          r[col("exploitation_country")] = draw.unit() < 0.6 ? "ES" : "IT";
        } else {
          r[col("exploitation_departement")] = r[col("departement")];
        }
        std::string support;
        for (std::size_t s = 0; s < std::size(kSupport); ++s)
          if (draw.unit() < kSupportShare[s])
            support += (support.empty() ? "" : "|") + std::string(kSupport[s]);
        r[col("support")] = support;
        const auto first = draw.next() % std::size(kControls);
        const auto second = draw.next() % std::size(kControls);
        r[col("means_of_control")] = std::string(kControls[first]) +
                                     (second != first ? std::string("|") + kControls[second] : "");
        r[col("recruitment")] = kRecruitment[draw.next() % std::size(kRecruitment)];
        r[col("victim_status")] = draw.unit() < 0.35 ? "IDENTIFIEE" : "PRESUMEE";
        if (year == 2024 && r[col("departement")] == std::string("93") && draw.unit() < 0.3)
          r[col("operation")] = "JOP-2024";
        auto& rows = by_year[year];
        if (rows.empty()) rows.push_back(header);
        rows.push_back(std::move(r));
      }
    }
    for (const auto& [year, rows] : by_year) {
      const auto january = std::chrono::year(year + 1) / std::chrono::January / 15;
      const auto at =
          std::min(std::chrono::system_clock::time_point(std::chrono::sys_days(january)) +
                       std::chrono::hours(9),
                   std::chrono::system_clock::now() - std::chrono::days(8));
      const auto result =
          field.with_clock([at] { return at; }).import_records(it->second, rows, true);
      if (!result.errors.empty())
        throw std::logic_error("demo field data row " + std::to_string(result.errors[0].row) + " " +
                               result.errors[0].column + ": " + result.errors[0].message);
    }
  }
  // This week: a burst of profiles in Seine-Saint-Denis after a police operation, which the
  // count rule turns into the demo's alert.
  if (const auto it = by_org.find("FIL-ARIANE"); it != by_org.end()) {
    text::Table rows{header};
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const std::chrono::year_month_day ymd{now};
    for (int i = 0; i < 24; ++i) {
      std::vector<std::string> r = field::template_example();
      r[col("contact_year")] = std::to_string(static_cast<int>(ymd.year()));
      r[col("contact_month")] = std::to_string(static_cast<unsigned>(ymd.month()));
      r[col("note")] = "";
      r[col("age_band")] = i % 4 ? "18-24" : "15-17";
      r[col("minor_at_contact")] = i % 4 ? "false" : "true";
      r[col("minor_at_exploitation")] = "yes";
      rows.push_back(std::move(r));
    }
    field.import_records(it->second, rows, true);
  }
  for (const auto& s : kSignals) {
    const auto it = by_org.find(s.org);
    if (it == by_org.end()) continue;
    field::SignalInput in;
    in.week = s.week;
    in.territory = s.territory;
    in.forms = std::vector<std::string>{s.form};
    in.kind = s.kind;
    in.severity = s.severity;
    in.description = s.description;
    const auto signal = field.create_signal(it->second, in);
    const std::string state = s.state;
    if (state == "new") continue;
    field.transition(coordination, signal.id, "acknowledged", {});
    if (state == "acknowledged") continue;
    if (state == "shared")
      field.transition(coordination, signal.id, "shared",
                       std::string(s.severity) == "urgent"
                           ? std::vector<std::string>{"OCRTEH", "PREF-93"}
                           : std::vector<std::string>{"committee"});
    if (state == "closed") field.transition(coordination, signal.id, "closed", {});
  }
  // This year's signals, still waiting for the coordinator.
  constexpr const char* kPhrases[] = {
      "Nouvelles annonces repérées sur un site de petites annonces, mêmes numéros de contact.",
      "Des personnes accompagnées évoquent un même intermédiaire pour le voyage et le logement.",
      "Hausse des sollicitations à la permanence juridique pour des dettes de passage.",
      "Un foyer signale des départs nocturnes de jeunes résidentes.",
      "Des travailleurs saisonniers sans titre hébergés dans des conditions indignes."};
  constexpr const char* kKinds[] = {"new_pattern", "place", "recruitment_channel", "online",
                                    "trend"};
  constexpr const char* kDemoForms[] = {"EXP_SEX", "EXP_SEX", "EXP_TRAV", "EXP_SEX", "EXP_TRAV"};
  for (int i = 0; i < 20; ++i) {
    const auto& a = kAssociations[i % std::size(kAssociations)];
    const auto it = by_org.find(a.code);
    if (it == by_org.end()) continue;
    field::SignalInput in;
    const int week = 2 + i * 2;
    in.week = std::string("2026-W") + (week < 10 ? "0" : "") + std::to_string(week);
    in.territory = a.home;
    in.forms = std::vector<std::string>{kDemoForms[i % 5]};
    in.kind = kKinds[i % 5];
    in.severity = i % 3 == 0 ? "concern" : "info";
    in.description = kPhrases[i % 5];
    field.create_signal(it->second, in);
  }
  field.freeze_release(coordination);
}

}  // namespace vigie::app
