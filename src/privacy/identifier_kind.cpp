#include "privacy/identifier_kind.hpp"

namespace vigie::privacy {

std::string_view kind_name(IdentifierKind k) {
  switch (k) {
    case IdentifierKind::person_name:
      return "person_name";
    case IdentifierKind::phone:
      return "phone";
    case IdentifierKind::email:
      return "email";
    case IdentifierKind::postal_address:
      return "postal_address";
    case IdentifierKind::date_of_birth:
      return "date_of_birth";
    case IdentifierKind::social_security_number:
      return "social_security_number";
    case IdentifierKind::passport_number:
      return "passport_number";
    case IdentifierKind::identity_card_number:
      return "identity_card_number";
    case IdentifierKind::residence_permit_number:
      return "residence_permit_number";
    case IdentifierKind::iban:
      return "iban";
    case IdentifierKind::vehicle_plate:
      return "vehicle_plate";
    case IdentifierKind::social_handle:
      return "social_handle";
    case IdentifierKind::profile_link:
      return "profile_link";
    case IdentifierKind::coordinates:
      return "coordinates";
  }
  return "unknown";
}

std::string_view kind_hint_fr(IdentifierKind k) {
  switch (k) {
    case IdentifierKind::person_name:
      return "Retirez le nom : écrivez « la personne », « une femme de 25 à 29 ans » ou une "
             "référence de dossier.";
    case IdentifierKind::phone:
      return "Retirez le numéro de téléphone.";
    case IdentifierKind::email:
      return "Retirez l'adresse électronique.";
    case IdentifierKind::postal_address:
      return "Retirez l'adresse : indiquez seulement la commune ou le département.";
    case IdentifierKind::date_of_birth:
      return "Retirez la date de naissance : indiquez l'âge ou la tranche d'âge.";
    case IdentifierKind::social_security_number:
      return "Retirez le numéro de sécurité sociale.";
    case IdentifierKind::passport_number:
      return "Retirez le numéro de passeport : « passeport confisqué » suffit.";
    case IdentifierKind::identity_card_number:
      return "Retirez le numéro de la pièce d'identité.";
    case IdentifierKind::residence_permit_number:
      return "Retirez le numéro du titre de séjour : indiquez seulement son type et sa situation.";
    case IdentifierKind::iban:
      return "Retirez les coordonnées bancaires.";
    case IdentifierKind::vehicle_plate:
      return "Retirez la plaque d'immatriculation.";
    case IdentifierKind::social_handle:
      return "Retirez le pseudonyme ou le compte.";
    case IdentifierKind::profile_link:
      return "Retirez le lien vers le profil ou l'annonce.";
    case IdentifierKind::coordinates:
      return "Retirez les coordonnées GPS : indiquez seulement la commune.";
  }
  return "";
}

std::string_view kind_hint_en(IdentifierKind k) {
  switch (k) {
    case IdentifierKind::person_name:
      return "Remove the name: write \"the person\", \"a woman aged 25 to 29\" or a case "
             "reference.";
    case IdentifierKind::phone:
      return "Remove the phone number.";
    case IdentifierKind::email:
      return "Remove the e-mail address.";
    case IdentifierKind::postal_address:
      return "Remove the address: give only the town or the département.";
    case IdentifierKind::date_of_birth:
      return "Remove the date of birth: give the age or the age band.";
    case IdentifierKind::social_security_number:
      return "Remove the social security number.";
    case IdentifierKind::passport_number:
      return "Remove the passport number: \"passport confiscated\" is enough.";
    case IdentifierKind::identity_card_number:
      return "Remove the identity card number.";
    case IdentifierKind::residence_permit_number:
      return "Remove the residence permit number: give only its type and status.";
    case IdentifierKind::iban:
      return "Remove the bank details.";
    case IdentifierKind::vehicle_plate:
      return "Remove the licence plate.";
    case IdentifierKind::social_handle:
      return "Remove the username or account.";
    case IdentifierKind::profile_link:
      return "Remove the link to the profile or the ad.";
    case IdentifierKind::coordinates:
      return "Remove the GPS coordinates: give only the town.";
  }
  return "";
}

}  // namespace vigie::privacy
