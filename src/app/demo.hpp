#pragma once
// Demo mode (`vigie serve --demo`): fills an empty database with realistic, fictional data
// so a newcomer can explore Vigie. Each module contributes its part here as it lands.

#include "db/database.hpp"

#include <string>
#include <vector>

namespace vigie::app {

struct DemoAccount {
  std::string email;
  std::string password;
  std::string organisation;
  std::string role;
};

// Loads the demo data once per database; returns false when it was already loaded.
bool load_demo_data(db::Database& db);

// The accounts the demo data created, for `make demo` to print.
std::vector<DemoAccount> demo_accounts();

}  // namespace vigie::app
