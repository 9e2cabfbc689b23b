#pragma once
// Word lists the identifier guard reasons with. Every lookup takes a *folded* word: lower
// case, French accents removed ("Préfète" -> "prefete"); see fold().

#include <string>
#include <string_view>

namespace vigie::privacy::lexicon {

// Lower-cases ASCII and Latin letters (Latin-1, Extended-A and -B, the Vietnamese letters of
// Latin Extended Additional) and strips their accents, combining accents included: "Ștefan",
// "ŞTEFAN" and "Stefan" fold alike, as do "Nguyễn" and "nguyen".
std::string fold(std::string_view utf8);

bool is_title(std::string_view folded);         // mme, madame, monsieur, mlle, mr, m
bool is_determiner(std::string_view folded);    // le, la, les, l, un, une, du, des, de
bool is_name_cue(std::string_view folded);      // prenommee, surnommee, alias, dite ...
bool is_relation_cue(std::string_view folded);  // fille, compagnon, proxenete, mama ...
bool is_first_name(std::string_view folded);    // common first names, many origins
// A nationality or a people, in any gender and number: "senegalais", "comorienne", "afghan",
// "hazara", "bangladaises". Capitalised as a noun ("Mr S., Sénégalais, 41 ans"), it names
// no one.
bool is_demonym(std::string_view folded);
bool is_not_a_name(std::string_view folded);     // places, institutions, months, roles ...
bool is_name_particle(std::string_view folded);  // de, da, dos, van, ben, el, al ...
bool is_street_type(std::string_view folded);    // rue, avenue, bd, impasse ...
bool is_building_word(std::string_view folded);  // appartement, batiment, escalier ...
bool is_birth_cue(std::string_view folded);      // ne, nee, naissance, ddn ...
bool is_month(std::string_view folded);          // janvier ... decembre, and abbreviations
bool is_passport_cue(std::string_view folded);
bool is_identity_card_cue(std::string_view folded);
bool is_residence_permit_cue(std::string_view folded);
bool is_plate_cue(std::string_view folded);   // immatriculee, plaque ...
bool is_social_cue(std::string_view folded);  // snap, insta, tiktok, pseudo ...
bool is_nir_cue(std::string_view folded);     // nir, secu, securite ...
// The broad lexicon extracted at build time (extracted_names.hpp), minus French words.
bool is_extracted_first_name(std::string_view folded);
bool is_surname(std::string_view folded);      // extracted surnames and pinyin surnames
bool is_listed_name(std::string_view folded);  // any first name or surname above
// A common word of French (Debian's wfrench, embedded at build time): "audience", "depistage",
// "protocole", and also "rose", "pierre", "paris". Names that are words are the caller's to
// keep (is_first_name, is_surname); this says only that the word has a common meaning.
bool is_french_word(std::string_view folded);
// A place: a French commune or a town of the world ("bani walid", "saul", "la courneuve"),
// folded, its words parted by single spaces. Many are also first names ("sofia", "marie"):
// the caller decides with the context.
bool is_place(std::string_view folded);
// A name that, even in lower case, is no French word: "osagie", "ngozi", "petrovic" (not
// "grace", "mai", "marie"). The caller still asks for a context that makes it a person.
bool is_lowercase_name(std::string_view folded);
// A mailbox of a service or an organisation, not of a person: "contact", "accueil",
// "pref-etrangers", "ddets-traite" (the lower-case local part).
bool is_functional_mailbox(std::string_view lower_local);
// A domain of a public body: *.gouv.fr, justice.fr, ofpra.fr, ofii.fr... (lower case).
bool is_public_body_domain(std::string_view lower_domain);
// Domains whose pages are profiles or personal ads (facebook.com, t.me, ...).
bool is_profile_domain(std::string_view lower_host);

}  // namespace vigie::privacy::lexicon
