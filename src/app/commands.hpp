#pragma once
// The `vigie` subcommands. Each returns the process exit status.

#include "app/config.hpp"

namespace vigie::app {

struct ServeFlags {
  bool demo = false;
};

int run_serve(const Config& config, const ServeFlags& flags);
int run_migrate(const Config& config);
// Prints the route inventory and the policy grants as JSON (for the authorisation matrix test).
int run_routes(const Config& config);
int run_version();

}  // namespace vigie::app
