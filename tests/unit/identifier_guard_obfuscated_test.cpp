// E-mail addresses written so that machines miss them ([at], (at), "at … dot", "arobase …
// point"), which field notes copy from what a person gave: found, with their exact span; and
// the prose look-alikes that name no domain, left alone.
#include "privacy/identifier_guard.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace vigie::privacy;

namespace {

std::vector<std::string> emails(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& f : find_identifiers(text))
    if (f.kind == IdentifierKind::email) out.push_back(f.text);
  return out;
}

TEST(ObfuscatedEmails, AreFoundWithTheirWholeSpan) {
  EXPECT_EQ(emails("Écrire à fatou.diallo[at]gmail.com demain."),
            std::vector<std::string>{"fatou.diallo[at]gmail.com"});
  EXPECT_EQ(emails("Son adresse : fatou.diallo (at) gmail (dot) com, à vérifier."),
            std::vector<std::string>{"fatou.diallo (at) gmail (dot) com"});
  EXPECT_EQ(emails("mail lina93 at yahoo dot fr"),
            std::vector<std::string>{"lina93 at yahoo dot fr"});
  EXPECT_EQ(emails("adresse lina93 arobase orange point fr"),
            std::vector<std::string>{"lina93 arobase orange point fr"});
  EXPECT_EQ(emails("ÉCRIRE À FATOU.D [AT] HOTMAIL.FR"),
            std::vector<std::string>{"FATOU.D [AT] HOTMAIL.FR"});
  EXPECT_EQ(emails("joindre m.k{at}proton.me."), std::vector<std::string>{"m.k{at}proton.me"});
}

TEST(ObfuscatedEmails, ProseLookAlikesAreLeftAlone) {
  for (const char* text :
       {"Rendez-vous at home.", "Arrivée at Paris point de rencontre.",
        "Venue at Paris point de rencontre près de la gare.", "Contact at the shelter dot com.",
        "Le point (at) du jour.", "Réunion à 10 h, arobase du service à prévenir."})
    EXPECT_EQ(emails(text), std::vector<std::string>{}) << text;
}

}  // namespace
