#include "app/demo.hpp"

#include "db/timestamp.hpp"
#include "modules/accounts/store.hpp"

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

}  // namespace

bool load_demo_data(db::Database& db, accounts::Service& accounts) {
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
  const accounts::Actor system{std::nullopt, std::nullopt, "demo"};
  for (const auto& o : kOrgs)
    accounts.add_organisation({o.code, o.name, o.type, o.territory}, system);
  for (const auto& u : kUsers)
    accounts.add_user({u.email, u.name, u.org, u.role, kDemoPassword, u.platform_admin}, system);
  return true;
}

std::vector<DemoAccount> demo_accounts(db::Database& db) {
  std::vector<DemoAccount> out;
  db.transact([&](soci::session& s) {
    for (const auto& u : kUsers) {
      auto user = accounts::store::find_user_by_email(s, u.email);
      if (!user) continue;
      out.push_back({u.email, kDemoPassword, u.org,
                     std::string(u.platform_admin ? "platform_admin" : u.role),
                     user->totp_secret.value_or("")});
    }
  });
  return out;
}

}  // namespace vigie::app
