#pragma once
// The `vigie` subcommands. Each returns the process exit status.

#include "app/config.hpp"

namespace vigie::app {

struct ServeFlags {
  bool demo = false;
};

int run_serve(const Config& config, const ServeFlags& flags);
int run_migrate(const Config& config);
int run_version();

}  // namespace vigie::app
