#include "app/demo.hpp"

#include "app/demo_diagnostics.hpp"
#include "app/demo_field.hpp"
#include "app/demo_saisines.hpp"
#include "db/timestamp.hpp"
#include "modules/accounts/store.hpp"

#include <algorithm>
#include <map>

namespace vigie::app {

namespace {

constexpr const char* kDemoPassword = "Vigie-demo-2026!";

struct DemoOrg {
  const char *code, *name, *type, *territory;
};

const DemoOrg kOrgs[] = {
    {"MIPROF",
     "Mission interministérielle pour la protection des femmes contre les violences et "
     "la lutte contre la traite des êtres humains",
     "coordination", "national"},
    {"MIN-INT", "Ministère de l'Intérieur", "ministry", "national"},
    {"MIN-JUS", "Ministère de la Justice", "ministry", "national"},
    {"MIN-TRAV", "Ministère du Travail", "ministry", "national"},
    {"PREF-93", "Préfecture de la Seine-Saint-Denis", "prefecture", "93"},
    {"PREF-13", "Préfecture des Bouches-du-Rhône", "prefecture", "13"},
    {"PP", "Préfecture de police", "prefecture", "75"},
    {"PARQ-BOBIGNY", "Parquet du tribunal judiciaire de Bobigny", "parquet", "93"},
    {"PARQ-MARSEILLE", "Parquet du tribunal judiciaire de Marseille", "parquet", "13"},
    {"OCRTEH", "Office central pour la répression de la traite des êtres humains", "police",
     "national"},
    {"OCLTI", "Office central de lutte contre le travail illégal", "police", "national"},
    {"DGT", "Direction générale du travail", "ministry", "national"},
    {"DGCS", "Direction générale de la cohésion sociale", "ministry", "national"},
    {"SDFE", "Service des droits des femmes et de l'égalité", "ministry", "national"},
    {"AGRASC", "Agence de gestion et de recouvrement des avoirs saisis et confisqués", "ministry",
     "national"},
    {"PASSERELLES", "Association Passerelles (fictive)", "association", "75"},
    {"FIL-ARIANE", "Le Fil d'Ariane (association fictive)", "association", "93"},
    {"HORIZONS", "Horizons solidaires (association fictive)", "association", "13"},
    {"LUMIERE", "Accueil Lumière (association fictive)", "association", "69"},
    {"RELAIS-SO", "Relais Sud-Ouest (association fictive)", "association", "33"},
    {"VEILLEUSES", "Les Veilleuses (association fictive)", "association", "59"},
    {"ENTRAIDE-973", "Entraide Guyane (association fictive)", "association", "973"},
    {"ACCUEIL-976", "Maison d'accueil mahoraise (association fictive)", "association", "976"},
    {"DROITS-DIGNITE", "Collectif Droits et Dignité (fictif)", "association", "national"},
    {"AUBE", "Aube nouvelle (association fictive)", "association", "06"},
    {"SST", "Syndicat Solidarité Travail (fictif)", "union", "national"},
    {"CNCDH", "Commission nationale consultative des droits de l'homme", "independent_body",
     "national"},
};

struct DemoUser {
  const char *email, *name, *org, *role;
  bool platform_admin;
};

const DemoUser kUsers[] = {
    {"coordination@miprof.demo", "Claire Coordination (démo)", "MIPROF", "org_admin", false},
    {"pilote@interieur.demo", "Paul Pilote (démo)", "MIN-INT", "referent", false},
    {"referent@dgt.demo", "Diane Travail (démo)", "DGT", "referent", false},
    {"referente@passerelles.demo", "Rose Référente (démo)", "PASSERELLES", "referent", false},
    {"admin@passerelles.demo", "Alain Admin (démo)", "PASSERELLES", "org_admin", false},
    {"contributrice@fil-ariane.demo", "Carla Contributrice (démo)", "FIL-ARIANE", "contributor",
     false},
    {"lecteur@cncdh.demo", "Victor Lecteur (démo)", "CNCDH", "viewer", false},
    {"agent@ocrteh.demo", "Olivier Agent (démo)", "OCRTEH", "contributor", false},
    {"plateforme@miprof.demo", "Pauline Plateforme (démo)", "MIPROF", "viewer", true},
};

// The plan as the committee would find it mid-way: indicators with a few years of (fictional)
// values, an open campaign and the first reports in it.
void load_demo_plan(plan::Service& plan, const kit::Actor& coordination, const kit::Actor& dgt) {
  const auto tree = plan.reports.tree();
  if (!tree) return;
  std::string dgt_measure;
  std::int64_t dgt_action = 0;
  for (const auto& axis : tree->axes)
    for (const auto& m : axis.measures)
      for (const auto& a : m.actions)
        if (dgt_measure.empty() &&
            std::find(a.pilots.begin(), a.pilots.end(), "DGT") != a.pilots.end()) {
          dgt_measure = m.code;
          dgt_action = a.id;
        }
  const std::string source = "Bilan annuel (valeurs fictives de démonstration)";
  if (!dgt_measure.empty()) {
    auto i =
        plan.indicators.create_indicator(coordination, dgt_measure,
                                         {"Contrôles conjoints inspection du travail et police",
                                          "contrôles", "up", "2027-12-31", 120, 300, std::nullopt});
    for (auto [period, value] : {std::pair{"2023", 120.0}, {"2024", 151.0}, {"2025", 188.0}})
      plan.indicators.record_value(dgt, i.id, {period, source, value});
  }
  auto victims =
      plan.indicators.create_indicator(coordination, "A1.a",
                                       {"Victimes orientées vers un accompagnement spécialisé",
                                        "personnes", "up", "2027-12-31", 900, 1500, std::nullopt});
  for (auto [period, value] : {std::pair{"2023", 900.0}, {"2024", 1040.0}, {"2025-S1", 610.0}})
    plan.indicators.record_value(coordination, victims.id, {period, source, value});
  // Due in three weeks, whenever the demo starts: its reminders are a fortnight away.
  const auto deadline =
      db::iso_utc(db::parse_iso_utc(plan.reports.today() + "T00:00:00Z") + std::chrono::days(21))
          .substr(0, 10);
  plan.campaigns.open_campaign(coordination, {"Point d'avancement trimestriel", deadline, {}});
  if (dgt_action)
    plan.reports.report(dgt, dgt_action,
                        {"in_progress",
                         45,
                         "Contrôles conjoints renforcés dans trois régions ; formation "
                         "des inspecteurs en cours.",
                         {},
                         ""});
}

}  // namespace

bool load_demo_data(db::Database& db, accounts::Service& accounts, plan::Service& plan,
                    diagnostics::Service& diagnostics, diagnostics::CallService& calls,
                    field::Service& field, const security::AuditLog& audit,
                    const security::SecretBox& secrets) {
  bool fresh = db.transact([](soci::session& s) {
    int n = 0;
    s << "SELECT count(*) FROM instance_settings WHERE key = 'demo_loaded_at'", soci::into(n);
    if (n > 0) return false;
    const std::string now = db::iso_utc_now();
    s << "INSERT INTO instance_settings (key, value, updated_at) VALUES ('demo_loaded_at', :v, :t)",
        soci::use(now), soci::use(now);
    return true;
  });
  if (!fresh) return false;
  const auto system = kit::Actor::system("demo");
  std::map<std::string, accounts::Organisation> orgs;
  for (const auto& o : kOrgs)
    orgs[o.code] = accounts.add_organisation({o.code, o.name, o.type, o.territory}, system);
  std::map<std::string, kit::Actor> members;
  for (const auto& u : kUsers) {
    const auto user =
        accounts.add_user({u.email, u.name, u.org, u.role, kDemoPassword, u.platform_admin}, system)
            .user;
    const auto& org = orgs[u.org];
    kit::Actor a = kit::Actor::system("demo");
    a.user_id = user.id;
    a.org_id = org.id;
    a.org_code = org.code;
    a.org_type = org.type;
    a.role = user.role;
    a.platform_admin = user.platform_admin;
    members[u.email] = a;
  }
  load_demo_plan(plan, members["coordination@miprof.demo"], members["referent@dgt.demo"]);
  // Every organisation acts through its demo referent when it has one, else as itself.
  std::map<std::string, kit::Actor> by_org;
  for (const auto& [code, o] : orgs) {
    kit::Actor a = kit::Actor::system("demo");
    a.org_id = o.id;
    a.org_code = o.code;
    a.org_type = o.type;
    a.role = kit::Role::referent;
    by_org[code] = a;
  }
  for (const auto& u : kUsers)
    if (!u.platform_admin && std::string(u.role) != "viewer" &&
        (!by_org[u.org].user_id || std::string(u.role) == "referent"))
      by_org[u.org] = members[u.email];
  load_demo_diagnostics(diagnostics, calls, plan, by_org);
  load_demo_field(field, by_org, members["coordination@miprof.demo"]);
  load_demo_saisines(db, audit, secrets, plan, by_org, members["coordination@miprof.demo"]);
  return true;
}

std::vector<DemoAccount> demo_accounts(db::Database& db, const security::SecretBox& secrets) {
  std::vector<DemoAccount> out;
  db.transact([&](soci::session& s) {
    for (const auto& u : kUsers) {
      auto user = accounts::store::find_user_by_email(s, u.email);
      if (!user) continue;
      out.push_back({u.email, kDemoPassword, u.org,
                     std::string(u.platform_admin ? "platform_admin" : u.role),
                     user->totp_secret ? secrets.open(*user->totp_secret, accounts::kTotpPurpose)
                                       : std::string()});
    }
  });
  return out;
}

}  // namespace vigie::app
