#pragma once
// Demo mode (`vigie serve --demo`): fills an empty database with a realistic, fictional
// committee — the MIPROF, ministries, prefectures, parquets, the OCRTEH and OCLTI, ten
// fictional associations, a union, the CNCDH — and one demo account per role. Each module
// contributes its part here as it lands. Never for production: the passwords are printed.

#include "db/database.hpp"
#include "modules/accounts/service.hpp"
#include "modules/diagnostics/call_service.hpp"
#include "modules/diagnostics/service.hpp"
#include "modules/field/service.hpp"
#include "modules/plan/service.hpp"

#include <string>
#include <vector>

namespace vigie::app {

struct DemoAccount {
  std::string email;
  std::string password;
  std::string organisation;
  std::string role;
  std::string totp_secret;  // empty when the account has no second factor
};

// Loads the demo data once per database (with an open reporting campaign, reports and
// indicator values on the shipped plan); returns false when it was already loaded.
bool load_demo_data(db::Database& db, accounts::Service& accounts, plan::Service& plan,
                    diagnostics::Service& diagnostics, diagnostics::CallService& calls,
                    field::Service& field, const security::AuditLog& audit,
                    const security::SecretBox& secrets);

// The demo accounts, with their TOTP secrets opened (they are stored sealed).
std::vector<DemoAccount> demo_accounts(db::Database& db, const security::SecretBox& secrets);

}  // namespace vigie::app
