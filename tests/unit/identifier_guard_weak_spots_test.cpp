// The identifier guard on the weak spots of issue 13 item 9 (lower-case names, first names
// alone of many origins, police capitals, English words that are first names, disguised
// e-mails, document numbers without a cue, handles without "@", lower-case plates, terse dates
// of birth) and on its negative rules (functional mailboxes, legal references, business and
// place names). Each positive case was missed, and each negative case flagged, by the guard
// before the change unless its comment says otherwise.
#include "privacy/extracted_names.hpp"
#include "privacy/identifier_guard.hpp"
#include "privacy/lexicon.hpp"
#include "privacy/text_tokens.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace vigie::privacy;

namespace {

struct Planted {
  const char* what;
  const char* text;
  IdentifierKind kind;
  const char* span;  // the identifier; a finding of its kind must cover it
};

void expect_found(const Planted& p) {
  const std::string text = p.text;
  const auto start = text.find(p.span);
  ASSERT_NE(start, std::string::npos) << p.what;
  const auto end = start + std::string(p.span).size();
  bool hit = false;
  std::string got;
  for (const auto& f : find_identifiers(text)) {
    got += std::string(kind_name(f.kind)) + " '" + f.text + "' ";
    if (f.kind == p.kind && f.start <= start && end <= f.end) hit = true;
  }
  EXPECT_TRUE(hit) << p.what << ": " << p.text << " -> " << got;
}

void expect_clean(const char* what, const char* text) {
  std::string got;
  for (const auto& f : find_identifiers(text))
    got += std::string(kind_name(f.kind)) + " '" + f.text + "' ";
  EXPECT_TRUE(got.empty()) << what << ": " << text << " -> " << got;
}

using K = IdentifierKind;

}  // namespace

TEST(IdentifierGuardWeakSpots, NamesInLowerCase) {
  expect_found(
      {"after avec", "entretien avec osagie ce matin, il a peur", K::person_name, "osagie"});
  expect_found({"after s'appelle", "sa tante s'appelle adebayo, elle vit à Lyon", K::person_name,
                "adebayo"});
  expect_found({"a surname", "Le logeur s'appelle petrovic, d'après les voisins.", K::person_name,
                "petrovic"});
}

TEST(IdentifierGuardWeakSpots, FirstNamesAloneOfManyOrigins) {
  const Planted cases[] = {
      {"Edo", "Nous avons revu Osarobo à la permanence.", K::person_name, "Osarobo"},
      {"Yoruba", "Funmilayo travaillait dans un salon de coiffure.", K::person_name, "Funmilayo"},
      {"Igbo", "Entretien avec Chukwuemeka, arrivé en 2023.", K::person_name, "Chukwuemeka"},
      {"Akan", "Suivi de Adwoa, qui loge chez une cousine.", K::person_name, "Adwoa"},
      {"Mandé", "Rendez-vous manqué par Sitan, injoignable.", K::person_name, "Sitan"},
      {"Wolof", "Ndèye a refusé de porter plainte.", K::person_name, "Ndèye"},
      {"Fula", "Accueil de Hawa, venue de Conakry.", K::person_name, "Hawa"},
      {"Maghreb", "Soutien proposé à Wissem, qui a accepté.", K::person_name, "Wissem"},
      {"Romanian, with ș", "Elle a été recrutée par Ștefania à Constanța.", K::person_name,
       "Ștefania"},
      {"Turkish, with ü ş", "La mère de Gülşen a appelé depuis Ankara.", K::person_name, "Gülşen"},
      {"Ukrainian in Latin letters", "Contact régulier avec Oleksandra, ouvrière agricole.",
       K::person_name, "Oleksandra"},
      {"pinyin", "On a revu Xiaomei au salon, elle semblait épuisée.", K::person_name, "Xiaomei"},
      {"quốc ngữ", "Elle travaille avec Phương depuis mars.", K::person_name, "Phương"},
      {"Brazilian", "Rayane a été recrutée à Goiânia.", K::person_name, "Rayane"},
      {"Tamil", "Entretien avec Kavitha, venue de Jaffna.", K::person_name, "Kavitha"},
      {"Pashto", "Zarghuna et son frère ont traversé l'Iran à pied.", K::person_name, "Zarghuna"},
      // Found before the change too (hand-made list), kept as a guard against regressions.
      {"Albanian", "Le jeune Endrit dit avoir été amené en bateau.", K::person_name, "Endrit"},
      {"Filipino", "Analyn, aide à domicile, n'a pas eu de congé depuis un an.", K::person_name,
       "Analyn"},
  };
  for (const auto& c : cases) expect_found(c);
}

TEST(IdentifierGuardWeakSpots, ANameInNoListThatTheSentenceMakesAPerson) {
  const Planted cases[] = {
      {"after avec", "RDV 14h avec Ebere (interprète igbo).", K::person_name, "Ebere"},
      {"after pour", "Hébergement trouvé pour Efosa jusqu'à vendredi.", K::person_name, "Efosa"},
      {"a relation in apposition", "Elle a montré la photo de Femi, le « boss » de Lyon.",
       K::person_name, "Femi"},
      {"beside a name found", "Ses amies Esohe et Osayuki travaillent ensemble.", K::person_name,
       "Osayuki"},
      {"subject of a past participle", "Jomo a retrouvé du travail chez un maraîcher.",
       K::person_name, "Jomo"},
      {"police minutes", "PV d'audition de KOUASSI Affoué, entendue le 3 mai.", K::person_name,
       "KOUASSI Affoué"},
  };
  for (const auto& c : cases) expect_found(c);
  expect_clean("organisations after avec",
               "Réunion avec Santé publique France ; atelier avec Art et Liberté le mardi.");
  expect_clean("a participle after a thing",
               "Avancement déclaré par le pilote ; Hébergement refusé.");
  expect_clean("a verb and its pronoun", "Pourriez-vous nous indiquer où en est la demande ?");
}

TEST(IdentifierGuardWeakSpots, PoliceCapitals) {
  expect_found({"NOM Prénom", "Mis en cause : TRAORE Mariatou, domiciliée à Bondy.", K::person_name,
                "TRAORE Mariatou"});
  // Found before too: a surname in capitals after a naming cue.
  expect_found({"after a cue", "Audition de la dénommée EDOSOMWAN au commissariat.", K::person_name,
                "EDOSOMWAN"});
  expect_clean("a leading acronym",
               "Entretien mené avec ISM Interprétariat ; le CADA Créteil aussi.");
}

TEST(IdentifierGuardWeakSpots, EnglishWordsThatAreFirstNamesByContext) {
  expect_found({"subject of a verb", "Happy nous a appelées depuis un numéro masqué.",
                K::person_name, "Happy"});
  expect_found(
      {"in lower case after avec", "On a rendez-vous avec joy demain.", K::person_name, "joy"});
  expect_clean("the words", "Happy hour au bar ; elle a gardé la foi et la joie de vivre.");
  expect_clean("grace in lower case", "Elle est venue avec grace et dignité, selon la bénévole.");
}

TEST(IdentifierGuardWeakSpots, DocumentNumbersWithoutACueOrWithAForeignOne) {
  expect_found({"CNI, 12 digits", "Document retrouvé chez l'employeur : 880692310285.",
                K::identity_card_number, "880692310285"});
  expect_found({"CNI of 2021", "Numéro relevé sur la carte : X4RTBPFW4.", K::identity_card_number,
                "X4RTBPFW4"});
  expect_found({"AGDREF, 10 digits", "Numéro communiqué par la préfecture : 7503123456.",
                K::residence_permit_number, "7503123456"});
  expect_found(
      {"nr.", "Pașaport nr. 055123987, confisqué par le patron.", K::passport_number, "055123987"});
  expect_clean("a phone-like or file number", "Dossier 2024-0153 ; réf. 12345 ; 35 000 euros.");
}

TEST(IdentifierGuardWeakSpots, HandlesAfterAPlatformName) {
  expect_found({"after est", "Sur snapchat, son pseudo est princessbenin.", K::social_handle,
                "princessbenin"});
  expect_found({"after c'est", "Son insta c'est bella.benin, elle y publie encore.",
                K::social_handle, "bella.benin"});
  expect_found({"in quotes", "Le compte snap 'lovely.ada' sert à recruter.", K::social_handle,
                "lovely.ada"});
  expect_clean("prose", "Son compte Instagram est supprimé depuis juin.");
}

TEST(IdentifierGuardWeakSpots, LowerCasePlates) {
  expect_found({"hyphenated", "La camionnette, plaque fg-418-zr, passe le matin.", K::vehicle_plate,
                "fg-418-zr"});
  expect_found({"spaced, after a cue", "Une voiture immatriculée ab 213 kl attendait.",
                K::vehicle_plate, "ab 213 kl"});
  expect_clean("prose after the cue", "La plaque de la 206 était illisible.");
}

TEST(IdentifierGuardWeakSpots, TerseDatesOfBirth) {
  expect_found(
      {"DN", "Identité déclarée : DN 14-09-1997 à Benin City.", K::date_of_birth, "14-09-1997"});
  // Found before too.
  expect_found({"born", "Selon son acte, born 12 March 1999 in Edo State.", K::date_of_birth,
                "12 March 1999"});
}

TEST(IdentifierGuardNegativeRules, FunctionalMailboxesAreNotPersons) {
  expect_clean("public body", "Écrire à contact@miprof.gouv.fr pour la formation.");
  expect_clean("service box",
               "Dossier transmis à pref-etrangers@seine-saint-denis.gouv.fr le 3 mars.");
  expect_clean("organisation", "L'accueil répond à accueil@amicaledunid.org du lundi au vendredi.");
  // A named box names a person, even on a public body's domain.
  expect_found({"named box", "Copie à marie.durand@interieur.gouv.fr.", K::email,
                "marie.durand@interieur.gouv.fr"});
}

TEST(IdentifierGuardNegativeRules, LegalReferencesAreNotAddresses) {
  expect_clean("C. pén.", "C. pén. 224-1 A à 224-1 C : réduction en esclavage.");
  // Left alone before too.
  expect_clean("R. and L.", "Article R. 425-1 du CESEDA ; article L. 8221-5 du code du travail.");
  expect_found({"a postcode after a reference", "Article R. 425-1 du CESEDA, 93200 Saint-Denis.",
                K::postal_address, "93200 Saint-Denis"});
}

TEST(IdentifierGuardNegativeRules, BusinessAndPlaceNamesAreNotPersons) {
  expect_clean("SARL before", "La SARL Bati Renov employait les ouvriers sans déclaration.");
  expect_clean("SARL after", "L'entreprise sous-traitait à Atlas Bâtiment SARL depuis 2022.");
  expect_clean("foundation", "Réunion avec la Fondation Abbé Pierre sur l'hébergement.");
  // Left alone before too.
  expect_clean("restaurant", "Elle travaille au restaurant Chez Fatou, légalement cette fois.");
  expect_clean("hotel", "Les filles étaient logées à l'hôtel Le Méridien de la gare.");
  expect_clean("a programme in quotes", "Elle a suivi la formation « Stop Traite » de l'OIM.");
}

TEST(IdentifierGuardLexicon, FoldsTheLettersNamesAreWrittenWith) {
  EXPECT_EQ(lexicon::fold("Ștefan ŞTEFAN Țară"), "stefan stefan tara");
  EXPECT_EQ(lexicon::fold("Çağla Iğdır Gökhan"), "cagla igdir gokhan");
  EXPECT_EQ(lexicon::fold("Mădălina Dragoș Kovačević Łukasz"), "madalina dragos kovacevic lukasz");
  EXPECT_EQ(lexicon::fold("Nguyễn Thị Hằng Phương"), "nguyen thi hang phuong");
  EXPECT_EQ(lexicon::fold("Ade\xCC\x81la"), "adela");  // a decomposed accent
  EXPECT_EQ(lexicon::fold("Préfète Œuvre"), "prefete oeuvre");
}

TEST(IdentifierGuardLexicon, CapitalsOfExtendedLatinAreCapitals) {
  for (const char* w : {"Ștefan", "Şule", "Çağla", "Ăsta", "Đorđe", "Ễnh"}) {
    auto t = tokenize(w);
    ASSERT_EQ(t.size(), 1u) << w;
    EXPECT_TRUE(t[0].capitalised) << w;
  }
  EXPECT_TRUE(tokenize("ŞTEFAN")[0].all_caps);
  EXPECT_FALSE(tokenize("ștefan")[0].capitalised);
}

TEST(IdentifierGuardLexicon, ExtractedNamesHoldManyOriginsAndNoFrenchWord) {
  EXPECT_TRUE(extracted_names::source().starts_with("@faker-js/faker "));
  for (const char* n :
       {"oluwaseun", "kwabena", "oleksandr", "svitlana", "mehmet", "madalina", "thiago", "phuong"})
    EXPECT_TRUE(lexicon::is_extracted_first_name(n)) << n;
  for (const char* n : {"okonkwo", "mensah", "traore", "popescu", "jovanovic", "nguyen", "zhang"})
    EXPECT_TRUE(lexicon::is_surname(n)) << n;
  // French words are left out of the extracted lists: the context rules decide them.
  for (const char* w : {"rose", "pierre", "ange", "olive", "victoire", "joie", "paris", "elle"})
    EXPECT_FALSE(lexicon::is_extracted_first_name(w)) << w;
  EXPECT_FALSE(lexicon::is_lowercase_name("grace"));
  EXPECT_FALSE(lexicon::is_lowercase_name("mai"));
  EXPECT_TRUE(lexicon::is_lowercase_name("ngozi"));
}
