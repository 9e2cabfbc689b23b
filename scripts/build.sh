#!/usr/bin/env bash
# Builds the vigie binary, the unit tests and the web UI.
#   scripts/build.sh [BUILD_DIR] [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
# The Node.js that install-deps.sh put there when the system's is too old (absent otherwise).
export PATH="$PWD/.tools/node/bin:$PATH"
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)"
if [[ $dir == build ]]; then
  npx tsc --noEmit -p web
  npx vite build --config web/vite.config.ts --logLevel warn
fi
