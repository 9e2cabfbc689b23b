#include "app/demo_diagnostics.hpp"

#include "db/timestamp.hpp"

#include <algorithm>

namespace vigie::app {

namespace {

struct DemoDiagnostic {
  const char *org, *measure, *territory, *period, *rating, *strengths, *obstacles, *recommendations;
  const char* visibility = "committee";
};

const DemoDiagnostic kDiagnostics[] = {
    // A2.c — accommodation: the ministry reports 65 %; the field finds it weak.
    {"PASSERELLES", "A2.c", "75", "2026", "weak",
     "Les deux places du dispositif Ac.Sé à Paris "
     "sont réactives quand elles sont libres.",
     "Aucune place sécurisée disponible pendant onze semaines ce printemps ; les victimes "
     "orientées attendent à l'hôtel, à proximité des lieux d'exploitation.",
     "- Ouvrir des places dédiées hors Île-de-France pour l'éloignement\n- Publier chaque mois "
     "le taux d'occupation du dispositif"},
    {"FIL-ARIANE", "A2.c", "93", "2026", "not_implemented", "",
     "Aucune solution d'éloignement n'a pu être trouvée pour les personnes accompagnées en "
     "Seine-Saint-Denis cette année ; le 115 est saturé.",
     "Prévoir une convention départementale avec le SIAO pour les victimes de traite."},
    {"HORIZONS", "A2.c", "13", "2026", "weak",
     "Bonne coopération avec le SIAO des "
     "Bouches-du-Rhône.",
     "Les délais d'attribution dépassent deux mois.", ""},
    {"CNCDH", "A2.c", "national", "2026", "weak", "",
     "Les remontées de terrain convergent : l'offre d'hébergement sécurisé reste très "
     "inférieure aux besoins identifiés dans le plan.",
     "Chiffrer le besoin national et publier un calendrier d'ouverture des places."},
    {"PREF-93", "A2.c", "93", "2026", "partial",
     "Une cellule de veille réunit la DDETS et les "
     "associations chaque mois.",
     "Le parc dédié ne couvre pas les sorties de garde à vue.", ""},
    {"ENTRAIDE-973", "A2.c", "973", "2026", "not_implemented", "",
     "Aucun hébergement spécialisé en Guyane ; les transferts vers l'Hexagone ne sont pas "
     "financés.",
     "Financer les billets d'avion des mises à l'abri.", "coordination"},
    {"PASSERELLES", "A2.c", "75", "2025", "partial", "", "Places rares mais existantes.", ""},
    {"FIL-ARIANE", "A2.c", "93", "2025", "weak", "", "Attente de six semaines en moyenne.", ""},
    {"CNCDH", "A2.c", "national", "2024", "partial", "", "Premiers effets du plan.", ""},
    // A2 as a whole — the cross-cutting theme of victim protection, seen by the field.
    {"CNCDH", "A2", "national", "2026", "partial",
     "Le droit au séjour des victimes qui coopèrent est mieux connu des préfectures.",
     "Hébergement, accès aux droits et accompagnement restent inégaux d'un territoire à "
     "l'autre ; les victimes qui ne portent pas plainte en sont presque exclues.",
     "Un référent protection des victimes dans chaque département, connu des associations."},
    // A4.a — detection of labour exploitation: the DGT reports 70 %; the field finds it weak.
    {"SST", "A4.a", "national", "2026", "weak",
     "Les contrôles conjoints se développent dans "
     "le BTP.",
     "Dans l'agriculture saisonnière, les salariés ne sont presque jamais entendus "
     "hors de la présence de l'employeur.",
     "Prévoir des entretiens individuels systématiques lors des contrôles."},
    {"RELAIS-SO", "A4.a", "33", "2026", "weak", "",
     "Les signalements de vendangeurs exploités restent sans suite visible.",
     "Un retour d'information aux associations qui signalent."},
    {"CNCDH", "A4.a", "national", "2026", "not_implemented", "",
     "Aucune donnée publique sur le nombre de contrôles ayant conduit à une qualification de "
     "traite.",
     "Publier les chiffres de l'inspection du travail par forme d'exploitation."},
    {"OCLTI", "A4.a", "national", "2026", "partial", "Les procédures se multiplient.",
     "Les victimes identifiées restent peu orientées vers un accompagnement.", ""},
    {"SST", "A4.a", "national", "2025", "partial", "", "Amélioration lente.", ""},
    // A1.c — the European day: the coordination reports 25 %; the field is more positive.
    {"LUMIERE", "A1.c", "69", "2026", "effective",
     "Le 18 octobre a réuni police, justice et associations à Lyon pour la deuxième année.", "",
     ""},
    {"VEILLEUSES", "A1.c", "59", "2026", "substantial",
     "Forte mobilisation des établissements scolaires du Nord.", "Peu de moyens de communication.",
     ""},
    {"PREF-13", "A1.c", "13", "2026", "substantial", "Journée coordonnée avec le parquet.", "", ""},
    {"OCRTEH", "A1.c", "national", "2026", "substantial",
     "Référents territoriaux désignés dans chaque direction zonale.", "", ""},
    {"ACCUEIL-976", "A1.c", "976", "2026", "partial", "Première édition à Mayotte.",
     "Traduction des supports en shimaoré à prévoir.", ""},
    // Elsewhere, a few single voices.
    {"PARQ-BOBIGNY", "A3.b", "93", "2026", "partial",
     "Les enquêtes sur la prostitution en "
     "ligne de mineurs aboutissent plus vite.",
     "Manque d'enquêteurs spécialisés.", ""},
    {"AUBE", "A5.a", "06", "2026", "substantial", "Le lieu d'accueil de Nice fonctionne bien.", "",
     ""},
    {"DROITS-DIGNITE", "A5.b", "national", "2026", "weak", "",
     "Les mineurs contraints à commettre des délits restent poursuivis comme auteurs.", ""},
};

}  // namespace

void load_demo_diagnostics(diagnostics::Service& diagnostics, diagnostics::CallService& calls,
                           plan::Service& plan, const std::map<std::string, kit::Actor>& orgs) {
  // The official picture: the pilots report these measures well advanced.
  const auto tree = plan.reports.tree();
  if (!tree) return;
  auto report_all = [&](const std::string& code, const std::string& pilot, int progress) {
    if (!orgs.contains(pilot)) return;
    for (const auto& axis : tree->axes)
      for (const auto& m : axis.measures)
        if (m.code == code)
          for (const auto& a : m.actions)
            plan.reports.report(orgs.at(pilot), a.id,
                                {"in_progress",
                                 progress,
                                 "Avancement déclaré par le pilote (démonstration).",
                                 {},
                                 ""});
  };
  report_all("A2.c", "DGCS", 65);
  report_all("A4.a", "DGT", 70);
  report_all("A1.c", "MIPROF", 25);

  std::map<std::string, std::int64_t> published;  // "org/measure" of the current period
  for (const auto& d : kDiagnostics) {
    if (!orgs.contains(d.org)) continue;
    diagnostics::DiagnosticInput in;
    in.measure = d.measure;
    in.territory = d.territory;
    in.period = d.period;
    in.rating = d.rating;
    in.strengths = d.strengths;
    in.obstacles = d.obstacles;
    in.recommendations = d.recommendations;
    in.visibility = d.visibility;
    if (std::string(d.org) == "CNCDH")
      in.evidence = std::vector<diagnostics::Evidence>{
          {"https://www.cncdh.fr/publications", "Rapport de la CNCDH sur la traite (fictif)", "",
           ""}};
    if (std::string(d.org) == "PASSERELLES")
      in.evidence = std::vector<diagnostics::Evidence>{
          {"", "demandes d'hébergement sans réponse au 115 pour des victimes suivies",
           "17 sur 23 en 2026", "tableau de suivi de l'association (fictif)"}};
    const auto& who = orgs.at(d.org);
    const auto draft = diagnostics.create(who, in);
    const auto done = diagnostics.publish(who, draft.id);
    published[std::string(d.org) + "/" + d.measure + "/" + d.period] = done.id;
  }
  // The ministry answers the accommodation diagnostic; the committee discusses it.
  if (const auto it = published.find("PASSERELLES/A2.c/2026"); it != published.end()) {
    if (orgs.contains("DGCS"))
      diagnostics.reply(orgs.at("DGCS"), it->second,
                        "Cent vingt places supplémentaires sont financées pour 2027, dont "
                        "quarante hors Île-de-France ; le taux d'occupation sera publié chaque "
                        "trimestre.");
    if (orgs.contains("CNCDH"))
      diagnostics.comment(orgs.at("CNCDH"), it->second,
                          "Même constat dans nos auditions : le délai d'attente est le premier "
                          "obstacle cité.");
  }
  // The coordination asks the associations how the protection of minors works on the ground.
  if (orgs.contains("MIPROF")) {
    const auto deadline =
        db::iso_utc(db::parse_iso_utc(plan.reports.today() + "T00:00:00Z") + std::chrono::days(28))
            .substr(0, 10);
    calls.open(orgs.at("MIPROF"), {"Exploitation sexuelle des mineurs : vos constats de terrain",
                                   deadline,
                                   {"A3.a"},
                                   {"CNCDH"},
                                   {"association"}});
  }
  // A draft: seen by its organisation only.
  if (orgs.contains("PASSERELLES")) {
    diagnostics::DiagnosticInput in;
    in.measure = "A2.b";
    in.territory = "75";
    in.period = "2026";
    in.rating = "unknown";
    in.obstacles = "Brouillon : à compléter après la réunion de l'équipe.";
    in.visibility = "committee";
    diagnostics.create(orgs.at("PASSERELLES"), in);
  }
}

}  // namespace vigie::app
