#include "app/demo_saisines.hpp"

#include "db/timestamp.hpp"
#include "modules/saisines/service.hpp"

#include <array>
#include <chrono>
#include <memory>

namespace vigie::app {

namespace {

using namespace std::chrono_literals;
using saisines::ChronologyEntry;
using saisines::Step;

struct DemoCase {
  const char *category, *filer, *authority, *departement;
  const char* state;  // where the case stands today
  int started;        // days ago it was filed
  const char* title;
};

// Where each case stands; the two overdue ones are filed so that their deadline has passed.
const DemoCase kCases[] = {
    {"residence_permit", "FIL-ARIANE", "PREF-93", "93", "closed", 720,
     "Titre de séjour d'une victime ayant porté plainte, demande restée sans réponse"},
    {"complaint_handling", "HORIZONS", "PARQ-MARSEILLE", "13", "closed", 700,
     "Plainte pour exploitation sans suite connue depuis un an"},
    {"shelter", "PASSERELLES", "DGCS", "75", "closed", 680,
     "Mise à l'abri refusée faute de place dédiée"},
    {"residence_permit", "HORIZONS", "PREF-13", "13", "not_resolved", 650,
     "Récépissé non délivré malgré le dépôt de plainte"},
    {"labour_inspection", "RELAIS-SO", "DGT", "33", "closed", 630,
     "Signalement d'exploitation agricole sans contrôle"},
    {"minors", "VEILLEUSES", "PARQ-BOBIGNY", "93", "closed", 610,
     "Mineurs exploités sans ordonnance de placement"},
    {"identification", "LUMIERE", "OCRTEH", "69", "resolved", 590,
     "Identification officielle demandée pour trois personnes"},
    {"reflection_period", "PASSERELLES", "PP", "75", "closed", 560,
     "Délai de réflexion non accordé"},
    {"compensation", "DROITS-DIGNITE", "MIN-JUS", "75", "not_resolved", 540,
     "Indemnisation bloquée malgré la condamnation"},
    {"residence_permit", "FIL-ARIANE", "PREF-93", "93", "resolved", 520,
     "Renouvellement de titre de séjour en attente"},
    {"shelter", "AUBE", "DGCS", "06", "closed", 500,
     "Hébergement sécurisé hors département refusé"},
    {"complaint_handling", "FIL-ARIANE", "PARQ-BOBIGNY", "93", "resolved", 470,
     "Plainte pour proxénétisme sans retour du parquet"},
    {"residence_permit", "HORIZONS", "PREF-13", "13", "closed", 450,
     "Titre de séjour refusé malgré la coopération avec l'enquête"},
    {"labour_inspection", "SST", "OCLTI", "13", "resolved", 430,
     "Chantier signalé pour travail forcé sans suite"},
    {"minors", "ACCUEIL-976", "PARQ-BOBIGNY", "93", "declined", 410,
     "Mineur isolé orienté hors du ressort"},
    {"identification", "ENTRAIDE-973", "OCRTEH", "973", "not_resolved", 390,
     "Identification en Guyane sans interlocuteur"},
    {"residence_permit", "PASSERELLES", "PP", "75", "resolved", 360,
     "Autorisation provisoire de séjour non renouvelée"},
    {"shelter", "LUMIERE", "DGCS", "69", "resolved", 340,
     "Place en centre spécialisé refusée pour une famille"},
    {"complaint_handling", "HORIZONS", "PARQ-MARSEILLE", "13", "closed", 320,
     "Audition de la victime repoussée à plusieurs reprises"},
    {"residence_permit", "FIL-ARIANE", "PREF-93", "93", "withdrawn", 300,
     "Titre de séjour : dossier incomplet côté préfecture"},
    {"compensation", "PASSERELLES", "MIN-JUS", "75", "resolved", 280,
     "Saisine de la commission d'indemnisation sans réponse"},
    {"reflection_period", "HORIZONS", "PREF-13", "13", "resolved", 250,
     "Délai de réflexion refusé au guichet"},
    {"labour_inspection", "RELAIS-SO", "DGT", "33", "not_resolved", 220,
     "Exploitation saisonnière signalée trois années de suite"},
    {"residence_permit", "AUBE", "PREF-13", "06", "resolved", 200,
     "Titre de séjour pour une victime hébergée dans les Alpes-Maritimes"},
    {"other", "DROITS-DIGNITE", "MIN-INT", "75", "declined", 180,
     "Demande de circulaire sur l'accueil au guichet"},
    {"shelter", "VEILLEUSES", "DGCS", "59", "answered", 120,
     "Mise à l'abri d'urgence hors du département"},
    {"residence_permit", "FIL-ARIANE", "PREF-93", "93", "answered", 95,
     "Récépissé de demande de titre non délivré"},
    {"complaint_handling", "HORIZONS", "PARQ-MARSEILLE", "13", "answered", 80,
     "Suites de la plainte pour traite à des fins d'exploitation"},
    {"residence_permit", "PASSERELLES", "PP", "75", "referred", 55,
     "Titre de séjour : rendez-vous impossible à obtenir"},
    {"minors", "FIL-ARIANE", "PARQ-BOBIGNY", "93", "referred", 25,
     "Mineurs contraints à commettre des délits"},
    {"identification", "LUMIERE", "OCRTEH", "69", "referred", 20,
     "Identification demandée après une opération de police"},
    {"residence_permit", "HORIZONS", "PREF-13", "13", "referred", 14,
     "Titre de séjour après condamnation des auteurs"},
    {"shelter", "AUBE", "DGCS", "06", "referred", 12,
     "Hébergement adapté pour une victime avec enfants"},
    {"labour_inspection", "RELAIS-SO", "DGT", "33", "accepted", 8,
     "Exploitation dans la restauration signalée"},
    {"compensation", "DROITS-DIGNITE", "MIN-JUS", "75", "accepted", 7,
     "Indemnisation : pièces demandées deux fois"},
    {"residence_permit", "FIL-ARIANE", "PREF-93", "93", "submitted", 16,
     "Titre de séjour d'une victime ayant porté plainte"},
    {"reflection_period", "PASSERELLES", "PP", "75", "submitted", 3,
     "Délai de réflexion demandé après une mise à l'abri"},
    {"complaint_handling", "VEILLEUSES", "PARQ-BOBIGNY", "93", "needs_information", 9,
     "Plainte déposée sans récépissé"},
    {"shelter", "ENTRAIDE-973", "DGCS", "973", "needs_information", 6,
     "Aucune place d'hébergement spécialisé en Guyane"},
    {"residence_permit", "AUBE", "PREF-13", "06", "draft", 1, "Titre de séjour : demande préparée"},
};

// The chronology a case of each category typically has (kinds read by the checklist).
std::vector<ChronologyEntry> chronology_for(const std::string& category, const std::string& day0,
                                            const std::string& day1, const std::string& day2) {
  if (category == "residence_permit")
    return {{day0, "Dépôt de plainte au commissariat", "complaint"},
            {day1, "Demande de titre de séjour déposée en préfecture", "authority_request"},
            {day2, "Relance écrite restée sans réponse", "reminder"}};
  if (category == "shelter")
    return {{day0, "Demande d'hébergement sécurisé", "shelter_request"},
            {day2, "Relance du service d'orientation", "reminder"}};
  if (category == "complaint_handling" || category == "compensation")
    return {{day0, "Dépôt de plainte", "complaint"},
            {day2,
             category == "compensation" ? "Demande d'indemnisation déposée"
                                        : "Relance du parquet par courrier",
             category == "compensation" ? "compensation_claim" : "reminder"}};
  if (category == "minors")
    return {{day0, "Signalement à l'aide sociale à l'enfance", "child_protection_referral"},
            {day1, "Demande d'ordonnance au parquet", "authority_request"}};
  if (category == "labour_inspection")
    return {{day0, "Signalement à l'inspection du travail", "labour_inspection_report"}};
  if (category == "identification" || category == "reflection_period")
    return {{day0, "Premier repérage par l'association", "identification"},
            {day1, "Demande adressée à l'autorité", "authority_request"}};
  return {{day0, "Demande adressée à l'autorité", "authority_request"}};
}

}  // namespace

void load_demo_saisines(db::Database& db, const security::AuditLog& audit,
                        const security::SecretBox& secrets, plan::Service& plan,
                        const std::map<std::string, kit::Actor>& orgs,
                        const kit::Actor& coordinator) {
  const auto now = std::chrono::system_clock::now();
  auto clock = std::make_shared<std::chrono::system_clock::time_point>(now);
  saisines::Service service(db, audit, secrets, plan.reports, [clock] { return *clock; });
  const auto& deadlines = service.deadlines();
  auto day = [](std::chrono::system_clock::time_point t) { return db::iso_utc(t).substr(0, 10); };
  unsigned seed = 14;
  auto between = [&seed](int lo, int hi) {  // a deterministic spread of delays
    seed = seed * 1103515245u + 12345u;
    return lo + static_cast<int>((seed >> 16) % static_cast<unsigned>(hi - lo + 1));
  };
  for (const auto& k : kCases) {
    if (!orgs.contains(k.filer) || !orgs.contains(k.authority)) continue;
    const auto& filer = orgs.at(k.filer);
    const auto& authority = orgs.at(k.authority);
    const std::string target = k.state;
    *clock = now - std::chrono::days(k.started) + std::chrono::hours(9);
    const auto filed = *clock;
    saisines::SaisineInput in;
    in.title = k.title;
    in.category = k.category;
    in.authority = k.authority;
    in.departement = k.departement;
    in.persons = between(1, 4);
    in.measures = std::vector<std::string>{std::string(k.category) == "labour_inspection" ? "A4.a"
                                           : std::string(k.category) == "shelter"         ? "A2.c"
                                                                                          : "A2.a"};
    in.facts =
        "La personne accompagnée par l'association est bloquée dans ses démarches depuis "
        "plusieurs mois ; les échanges avec le service concerné n'ont pas abouti.";
    in.expected = "Un rendez-vous ou une décision écrite dans un délai raisonnable.";
    in.shared = std::vector<std::string>{"chronology", "expected"};
    in.chronology =
        chronology_for(k.category, day(filed - std::chrono::days(120)),
                       day(filed - std::chrono::days(90)), day(filed - std::chrono::days(20)));
    in.steps =
        std::vector<Step>{Step{day(filed - std::chrono::days(60)), "Courrier au service concerné"},
                          Step{day(filed - std::chrono::days(15)), "Appel au standard"}};
    // The case that waits for information was filed without its key date.
    if (target == "needs_information" && in.chronology->size() > 1) in.chronology->pop_back();
    const auto id = service.file(filer, in).saisine.id;
    if (target == "draft") continue;
    auto go = [&](const kit::Actor& who, const char* to, int after_days, std::string message = "",
                  std::string summary = "", std::string reason = "") {
      *clock += std::chrono::days(after_days) + std::chrono::hours(between(0, 6));
      if (*clock > now) *clock = now - 1h;
      service.transition(who, id, {to, std::move(message), std::move(summary), std::move(reason)});
    };
    go(filer, "submitted", 0);
    // The overdue one still waits for triage: filed past the triage target.
    if (target == "submitted") continue;
    if (target == "withdrawn") {
      go(filer, "withdrawn", between(2, 6), "La situation s'est débloquée d'elle-même.");
      continue;
    }
    if (target == "needs_information") {
      go(coordinator, "needs_information", between(1, 3),
         "Merci d'indiquer la date de la relance et la réponse obtenue.");
      continue;
    }
    if (target == "declined") {
      go(coordinator, "declined", between(2, 8), "Le cas relève d'un autre dispositif.", "",
         "outside_remit");
      continue;
    }
    go(coordinator, "accepted", between(2, 12));
    if (target == "accepted") continue;
    go(coordinator, "referred", between(1, 5), "",
       "Demande bloquée depuis plusieurs mois malgré "
       "des relances ; une décision est attendue.");
    service.post(coordinator, id, "authority",
                 "Pourriez-vous nous indiquer où en est l'instruction de cette demande ?");
    if (target == "referred") continue;
    go(authority, "answered", between(6, deadlines.answer_days + 12),
       "Le dossier a été réexaminé ; un rendez-vous est proposé.");
    if (target == "answered") continue;
    if (target == "not_resolved" || (target == "closed" && between(0, 3) == 0))
      go(coordinator, "not_resolved", between(1, 10), "La réponse ne lève pas le blocage.", "",
         "refused");
    else
      go(coordinator, "resolved", between(1, 10));
    if (target == "closed") go(coordinator, "closed", between(5, 20));
  }
}

}  // namespace vigie::app
