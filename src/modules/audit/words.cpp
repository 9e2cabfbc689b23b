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
      {"saisine.attach", {"Pièce jointe à une saisine", "Attachment added to a saisine"}},
      {"saisine.attachment_read", {"Consultation d'une pièce jointe", "Attachment read"}},
      {"saisine.answer", {"Réponse de l'autorité", "Authority's answer"}},
      {"saisine.edit", {"Modification d'une saisine", "Saisine edited"}},
      {"saisine.figures", {"Consultation des chiffres des saisines", "Saisine figures read"}},
      {"saisine.figures_exact",
       {"Consultation des chiffres exacts des saisines", "Exact saisine figures read"}},
      {"saisine.list", {"Consultation des saisines", "Saisines listed"}},
      {"saisine.read_authority_thread",
       {"Lecture des échanges avec l'autorité", "Authority thread read"}},
      {"saisine.read_full", {"Lecture complète d'une saisine", "Saisine read in full"}},
      {"saisine.triage", {"Instruction d'une saisine", "Saisine triage"}},
      {"diagnostic.create", {"Rédaction d'un diagnostic", "Diagnostic written"}},
      {"diagnostic.change",
       {"Modification d'un brouillon de diagnostic", "Diagnostic draft changed"}},
      {"diagnostic.edit", {"Modification d'un diagnostic", "Diagnostic edited"}},
      {"diagnostic.new_version",
       {"Nouvelle version d'un diagnostic", "New version of a diagnostic"}},
      {"diagnostic.publish", {"Publication d'un diagnostic", "Diagnostic published"}},
      {"diagnostic.read", {"Lecture des diagnostics", "Diagnostics read"}},
      {"diagnostic.read_draft", {"Lecture d'un brouillon de diagnostic", "Diagnostic draft read"}},
      {"diagnostic.read_restricted",
       {"Lecture d'un diagnostic réservé à la coordination", "Coordinator-only diagnostic read"}},
      {"diagnostic.reply", {"Réponse à un diagnostic", "Reply to a diagnostic"}},
      {"diagnostic.comment", {"Commentaire sur un diagnostic", "Comment on a diagnostic"}},
      {"diagnostic.call_manage",
       {"Gestion des appels à diagnostics", "Calls for diagnostics managed"}},
      {"diagnostic.call_open",
       {"Ouverture d'un appel à diagnostics", "Call for diagnostics opened"}},
      {"diagnostic.call_close",
       {"Clôture d'un appel à diagnostics", "Call for diagnostics closed"}},
      {"diagnostic.call_notice",
       {"Rappel d'un appel à diagnostics", "Call for diagnostics reminder"}},
      {"field.record_create", {"Saisie d'un profil de victime", "Victim profile recorded"}},
      {"field.record_write", {"Saisie de profils de victimes", "Victim profiles recorded"}},
      {"field.record_read", {"Lecture de profils de victimes", "Victim profiles read"}},
      {"field.records_read",
       {"Lecture des profils d'une organisation", "An organisation's victim profiles read"}},
      {"field.import", {"Import de profils de victimes", "Victim profiles imported"}},
      {"field.purge", {"Effacement des profils échus", "Expired victim profiles erased"}},
      {"field.release_create",
       {"Publication mensuelle des chiffres", "Monthly release of figures"}},
      {"field.stats_read", {"Consultation des statistiques", "Statistics read"}},
      {"field.stats_read_live",
       {"Consultation des statistiques en direct", "Live statistics read"}},
      {"field.alerts_read", {"Consultation des alertes", "Alerts read"}},
      {"field.reads_read",
       {"Consultation des lectures de ses profils", "Reads of own profiles viewed"}},
      {"field.signal_write", {"Signalement de terrain", "Field signal written"}},
      {"field.signal_create", {"Signalement de terrain", "Field signal written"}},
      {"field.signal_read", {"Lecture des signalements", "Field signals read"}},
      {"field.signal_transition", {"Étape d'un signalement", "Field signal moved on"}},
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
      {"diagnostic", {"Diagnostic", "Diagnostic"}},
      {"diagnostic_call", {"Appel à diagnostics", "Call for diagnostics"}},
      {"field_record", {"Profil de victime", "Victim profile"}},
      {"field_records", {"Profils de victimes", "Victim profiles"}},
      {"field_release", {"Publication des chiffres", "Release of figures"}},
      {"field_signal", {"Signalement", "Field signal"}},
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
      {"diagnostics", {"Diagnostics partagés", "Shared diagnostics"}, {"diagnostic."}},
      {"terrain", {"Données de terrain", "Field data"}, {"field."}},
      {"saisines", {"Saisines", "Saisines"}, {"saisine."}},
      {"journal", {"Lecture du journal", "Audit log reads"}, {"audit."}},
  };
  return f;
}

}  // namespace vigie::audit
