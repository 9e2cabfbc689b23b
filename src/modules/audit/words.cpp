#include "modules/audit/words.hpp"

#include <map>

namespace vigie::audit {

namespace {

const std::map<std::string, Words, std::less<>>& actions() {
  static const std::map<std::string, Words, std::less<>> m{
      {"auth.login", {"Connexion", "Login"}},
      {"auth.logout", {"Déconnexion", "Logout"}},
      {"organisation.create", {"Création d'une organisation", "Organisation created"}},
      {"organisation.list", {"Consultation de l'annuaire", "Directory read"}},
      {"user.create", {"Création d'un compte", "Account created"}},
      {"user.disable", {"Désactivation d'un compte", "Account disabled"}},
      {"user.invite", {"Invitation d'un membre", "Member invited"}},
      {"user.language", {"Choix de la langue", "Language chosen"}},
      {"user.password_reset", {"Nouveau mot de passe", "Password reset"}},
      {"user.password_reset_request",
       {"Demande de nouveau mot de passe", "Password reset requested"}},
      {"user.totp_enable", {"Second facteur activé", "Second factor enabled"}},
      {"user.totp_disable", {"Second facteur retiré", "Second factor removed"}},
      {"member.list", {"Consultation des membres", "Members read"}},
      {"member.disable", {"Désactivation d'un membre", "Member disabled"}},
      {"session.revoke", {"Fermeture d'une session", "Session closed"}},
      {"session.revoke_own", {"Fermeture d'une de ses sessions", "Own session closed"}},
      {"session.list_own", {"Consultation de ses sessions", "Own sessions read"}},
      {"totp.manage_own", {"Gestion du second facteur", "Second factor management"}},
      {"account.manage_own", {"Préférences du compte", "Account preferences"}},
      {"audit.read_all", {"Lecture du journal d'audit", "Audit log read"}},
      {"audit.read_own_organisation",
       {"Lecture du journal de l'organisation", "Organisation's audit log read"}},
      {"plan.read", {"Lecture du plan", "Plan read"}},
      {"plan.report", {"Déclaration d'avancement", "Progress reported"}},
      {"plan.update", {"Mise à jour d'une action", "Action updated"}},
      {"plan.manage", {"Gestion du référentiel", "Referential managed"}},
      {"plan.load_reference", {"Chargement du plan de référence", "Reference plan loaded"}},
      {"plan.import", {"Import du référentiel", "Referential imported"}},
      {"plan.measure_create", {"Création d'une mesure", "Measure created"}},
      {"plan.measure_change", {"Modification d'une mesure", "Measure changed"}},
      {"plan.action_create", {"Création d'une action", "Action created"}},
      {"plan.action_change", {"Modification d'une action", "Action changed"}},
      {"plan.indicator_create", {"Création d'un indicateur", "Indicator created"}},
      {"plan.indicator_value", {"Valeur d'indicateur", "Indicator value"}},
      {"plan.campaign_open", {"Ouverture d'une campagne", "Campaign opened"}},
      {"plan.campaign_close", {"Clôture d'une campagne", "Campaign closed"}},
      {"plan.campaign_manage", {"Gestion des campagnes", "Campaign management"}},
      {"plan.campaign_notice", {"Rappel de campagne envoyé", "Campaign reminder sent"}},
      {"saisine.file", {"Dépôt d'une saisine", "Saisine filed"}},
      {"saisine.change", {"Modification d'une saisine", "Saisine changed"}},
      {"saisine.read", {"Consultation d'une saisine", "Saisine read"}},
      {"saisine.transition", {"Étape d'une saisine", "Saisine moved on"}},
      {"saisine.message", {"Message sur une saisine", "Message on a saisine"}},
      {"saisine.reminder", {"Rappel d'échéance d'une saisine", "Saisine deadline reminder"}},
      {"saisine.committee_flag",
       {"Saisine inscrite pour le comité", "Saisine put forward to the committee"}},
  };
  return m;
}

}  // namespace

Words action_words(std::string_view action) {
  const auto& m = actions();
  if (auto it = m.find(action); it != m.end()) return it->second;
  return {std::string(action), std::string(action)};
}

Words object_words(std::string_view type) {
  static const std::map<std::string, Words, std::less<>> m{
      {"user", {"Compte", "Account"}},
      {"organisation", {"Organisation", "Organisation"}},
      {"session", {"Session", "Session"}},
      {"invitation", {"Invitation", "Invitation"}},
      {"plan", {"Plan", "Plan"}},
      {"axis", {"Axe", "Axis"}},
      {"measure", {"Mesure", "Measure"}},
      {"action", {"Action", "Action"}},
      {"indicator", {"Indicateur", "Indicator"}},
      {"campaign", {"Campagne", "Campaign"}},
      {"saisine", {"Saisine", "Saisine"}},
      {"route", {"Page", "Page"}},
  };
  if (auto it = m.find(type); it != m.end()) return it->second;
  return {std::string(type), std::string(type)};
}

Words outcome_words(std::string_view outcome) {
  if (outcome == "ok") return {"Réussi", "Succeeded"};
  if (outcome == "denied") return {"Refusé", "Denied"};
  if (outcome == "failed") return {"Échoué", "Failed"};
  return {std::string(outcome), std::string(outcome)};
}

const std::vector<Family>& families() {
  static const std::vector<Family> f{
      {"connexions", {"Connexions", "Logins"}, {"auth."}},
      {"comptes",
       {"Comptes et accès", "Accounts and access"},
       {"user.", "member.", "session.", "organisation.", "totp.", "account."}},
      {"plan", {"Plan et campagnes", "Plan and campaigns"}, {"plan."}},
      {"saisines", {"Saisines", "Saisines"}, {"saisine."}},
      {"journal", {"Lecture du journal", "Audit log reads"}, {"audit."}},
  };
  return f;
}

}  // namespace vigie::audit
