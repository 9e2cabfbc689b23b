// The identifier guard on the classes of errors that held out 18 showed (issue 13, item 9):
// persons opening a sentence in lower case or before a participle only a person takes, names
// after a landlord's or a mother's word, single Cyrillic names, and foreign numbers (a Bulgarian
// IBAN mistyped, Romania's CNP, a NIR after its Spanish name, India's Aadhaar). Each case is a
// variant written for the class, not a sentence of the held-out set, and each failed on the
// guard before the change, except those marked "still": those passed before, and guard the new
// rules against taking too much.
#include "guard_expectations.hpp"

using namespace vigie::privacy;
using namespace vigie::privacy::testing;
using K = IdentifierKind;

TEST(IdentifierGuardHeldout18Classes, SentenceSubjects) {
  expect_found("a lower-case listed name opening a note",
               "mariama pas venue à l'atelier depuis lundi, téléphone coupé.", K::person_name,
               "mariama");
  expect_found("a lower-case listed name after a full stop",
               "Réunion annulée. gheorghe est reparti en Roumanie hier.", K::person_name,
               "gheorghe");
  expect_found("a capitalised unknown word before a person's participle",
               "Nounours revenue au local ce soir, fatiguée.", K::person_name, "Nounours");
  expect_clean("a body before a verb is no person (still)",
               "Emmaüs a répondu favorablement pour deux places.");
  expect_clean("a common word opening a note is no person (still)",
               "rien de nouveau cette semaine, maraude calme.");
  expect_clean("a town before a participle is no person (still)",
               "Menton revue par l'équipe mobile hier, aucun mineur.");
}

TEST(IdentifierGuardHeldout18Classes, Relations) {
  expect_found("a capitalised name in brackets after a landlord word",
               "Le proprio (Haddouche) a coupé l'eau aux locataires.", K::person_name, "Haddouche");
  expect_found("a name after maman", "Les filles l'appellent Maman Bijou, elle garde les papiers.",
               K::person_name, "Bijou");
}

TEST(IdentifierGuardHeldout18Classes, Scripts) {
  expect_found("one Cyrillic word opening a sentence (still)",
               "Светлана a rappelé ce matin, elle va mieux.", K::person_name, "Светлана");
  expect_found("one Cyrillic word after comme", "Sur le canal il signe comme Толик, sans photo.",
               K::person_name, "Толик");
}

TEST(IdentifierGuardHeldout18Classes, Numbers) {
  expect_found("an IBAN with a bank code in letters, mistyped",
               "Viré sur BG11 UBBS 8002 1234 5678 99 chaque semaine.", K::iban,
               "BG11 UBBS 8002 1234 5678 99");
  expect_found("Romania's CNP is the card's number", "Sur la copie : CNP 1850312125630, seria XB.",
               K::identity_card_number, "1850312125630");
  expect_found("a NIR after its Spanish name",
               "Tiene número de seguridad social 1 85 03 99 135 224 56 ya.",
               K::social_security_number, "1 85 03 99 135 224 56");
  expect_found("an Aadhaar number", "Carte Aadhaar : 7731 2200 4158, photo sur son téléphone.",
               K::identity_card_number, "7731 2200 4158");
}
