#!/usr/bin/env bash
# The C++ unit tests and the SQLite integration suite under AddressSanitizer + UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
# The Node.js that install-deps.sh put there when the system's is too old (absent otherwise).
export PATH="$PWD/.tools/node/bin:$PATH"
scripts/install-deps.sh test
scripts/build.sh build-asan -DVIGIE_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
# The web bundle the integration suite serves comes from the normal build.
[[ -f web/dist/index.html ]] || scripts/build.sh build
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
build-asan/vigie_unit_tests --gtest_brief=1
VIGIE_BIN=build-asan/vigie npx vitest run --config tests/integration/vitest.config.ts
