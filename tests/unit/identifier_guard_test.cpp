// The identifier guard, on examples and on the labelled corpus of field notes
// (tests/privacy/corpus.jsonl, built by tests/privacy/make_corpus.py).
#include "privacy/identifier_guard.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>

using namespace vigie::privacy;

namespace {

std::vector<std::string> kinds_in(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& f : find_identifiers(text)) out.emplace_back(kind_name(f.kind));
  return out;
}

std::filesystem::path corpus_path() {
  for (auto dir = std::filesystem::current_path(); !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path())
    if (std::filesystem::exists(dir / "tests/privacy/corpus.jsonl"))
      return dir / "tests/privacy/corpus.jsonl";
  return VIGIE_SOURCE_DIR "/tests/privacy/corpus.jsonl";
}

}  // namespace

TEST(IdentifierGuard, TheIssueExamples) {
  auto f = find_identifiers("Mme Blessing Okafor, 06 12 34 56 78");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, IdentifierKind::person_name);
  EXPECT_EQ(f[0].text, "Blessing Okafor");
  EXPECT_EQ(f[1].kind, IdentifierKind::phone);
  EXPECT_EQ(f[1].start, 21u);
  EXPECT_EQ(f[1].end, 35u);
  EXPECT_TRUE(find_identifiers("La préfète du 93 a reçu trois jeunes femmes de 17 à 19 ans le 12 "
                               "mars 2024.")
                  .empty());
}

TEST(IdentifierGuard, FindsEachKind) {
  EXPECT_EQ(kinds_in("écrire à joy.osas91@gmail.com"), std::vector<std::string>{"email"});
  EXPECT_EQ(kinds_in("NIR 2 85 03 75 115 042 24"),
            std::vector<std::string>{"social_security_number"});
  EXPECT_EQ(kinds_in("IBAN FR76 3000 6000 0112 3456 7890 189"), std::vector<std::string>{"iban"});
  EXPECT_EQ(kinds_in("hébergée au 12 rue des Poissonniers"),
            std::vector<std::string>{"postal_address"});
  EXPECT_EQ(kinds_in("née le 03/04/1999 à Lagos"), std::vector<std::string>{"date_of_birth"});
  EXPECT_EQ(kinds_in("passeport n° 19AB12345"), std::vector<std::string>{"passport_number"});
  EXPECT_EQ(kinds_in("titre de séjour n° 7501234567"),
            std::vector<std::string>{"residence_permit_number"});
  EXPECT_EQ(kinds_in("une voiture immatriculée AB-123-CD"),
            std::vector<std::string>{"vehicle_plate"});
  EXPECT_EQ(kinds_in("son compte @princess_joy"), std::vector<std::string>{"social_handle"});
  EXPECT_EQ(kinds_in("voir https://www.facebook.com/joy.osas.5"),
            std::vector<std::string>{"profile_link"});
  EXPECT_EQ(kinds_in("position 48.85661, 2.35222"), std::vector<std::string>{"coordinates"});
  EXPECT_EQ(kinds_in("+234 803 123 4567"), std::vector<std::string>{"phone"});
}

TEST(IdentifierGuard, LeavesFieldNotesAlone) {
  for (const char* clean : {
           "Le parquet de Bobigny a ouvert une enquête sur le fondement de l'article 225-4-1.",
           "Titre de séjour au titre de l'article L425-1 du CESEDA, demandé le 3 avril 2024.",
           "Madame la préfète a été saisie ; M. le procureur a répondu.",
           "Appeler le 119, le 3919 ou le 115 ; numéro vert 0 800 05 95 95.",
           "Dossier n° 2024-0153, réf. ALC-24-0031 : dette de 35 000 euros.",
           "Grâce à l'Amicale du Nid et au Secours Catholique, elle est hébergée à Saint-Denis.",
           "Elle a 24 ans et travaillait 12 heures par jour pour 300 € par mois.",
       })
    EXPECT_TRUE(find_identifiers(clean).empty()) << clean;
}

TEST(IdentifierGuard, SpansAreBytesOfTheUtf8Input) {
  std::string text = "Né à Benin City, prénommée Aïcha, joignable au 07 12 34 56 78.";
  for (const auto& f : find_identifiers(text))
    EXPECT_EQ(text.substr(f.start, f.end - f.start), f.text);
}

TEST(IdentifierGuard, MeetsItsTargetsOnTheCorpus) {
  std::ifstream in(corpus_path());
  ASSERT_TRUE(in) << "corpus not found at " << corpus_path();
  std::map<std::string, std::pair<int, int>> per_kind;  // found, planted
  int planted = 0, found = 0, clean = 0, clean_flagged = 0, notes = 0;
  std::string line;
  while (std::getline(in, line)) {
    auto note = boost::json::parse(line).as_object();
    std::string text(note.at("text").as_string());
    const auto& ids = note.at("identifiers").as_array();
    auto findings = find_identifiers(text);
    ++notes;
    if (ids.empty()) {
      ++clean;
      if (!findings.empty()) {
        ++clean_flagged;
        std::cout << "  flagged clean note " << note.at("id").as_string() << ": "
                  << kind_name(findings[0].kind) << " '" << findings[0].text << "'\n";
      }
      continue;
    }
    for (const auto& v : ids) {
      std::string kind(v.at("kind").as_string()), want(v.at("text").as_string());
      auto start = text.find(want);
      auto end = start + want.size();
      bool hit = false;
      for (const auto& f : findings)
        if (kind_name(f.kind) == kind && f.start < end && start < f.end) hit = true;
      ++planted;
      ++per_kind[kind].second;
      if (hit) {
        ++found;
        ++per_kind[kind].first;
      } else {
        std::cout << "  missed " << kind << " '" << want << "' in " << note.at("id").as_string()
                  << "\n";
      }
    }
  }
  std::cout << "corpus: " << notes << " notes, " << planted << " planted identifiers\n";
  for (const auto& [kind, c] : per_kind)
    std::cout << "  " << kind << ": " << c.first << "/" << c.second << "\n";
  const double recall = 100.0 * found / planted;
  const double flagged = 100.0 * clean_flagged / clean;
  std::cout << "recall " << recall << " % (" << found << "/" << planted << "), clean notes flagged "
            << flagged << " % (" << clean_flagged << "/" << clean << ")\n";
  EXPECT_GE(notes, 300);
  EXPECT_GE(recall, 95.0);
  EXPECT_LE(flagged, 5.0);
}
