#!/usr/bin/env bash
# `make test`: installs what is missing, builds, and runs every suite: C++ unit tests (on SQLite
# and PostgreSQL), web unit tests, the integration suite against a real vigie process on SQLite
# and then on a throwaway PostgreSQL cluster, and the browser end-to-end tests in Chromium.
# The PostgreSQL cluster is always stopped, whatever happens.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh test || exit 1
scripts/build.sh build || exit 1

logs=$(mktemp -d)
passed=0
failed=0
status=0

# Adds a suite's counts, read from GoogleTest's or Vitest's summary lines.
count() {
  local log=$1 p f
  p=$(grep -aE '^\[  PASSED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | head -1)
  f=$(grep -aE '^\[  FAILED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | head -1)
  if [[ -z $p$f ]]; then
    local line
    line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -aE '^ +Tests +' | tail -1)
    p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+')
    f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+')
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}

suite() {
  local name=$1
  shift
  echo
  echo "=== $name"
  "$@" 2>&1 | tee "$logs/$name.log"
  local rc=${PIPESTATUS[0]}
  count "$logs/$name.log"
  if ((rc != 0)); then
    echo "=== $name FAILED (exit $rc)"
    status=1
    # A suite that died before reporting still counts as a failure.
    grep -qaE 'failed|FAILED' "$logs/$name.log" || failed=$((failed + 1))
  fi
}

pg_admin=$(scripts/pg.sh start) || { echo "could not start PostgreSQL" >&2; exit 1; }
trap 'scripts/pg.sh stop' EXIT

suite cpp-unit env VIGIE_TEST_PG_ADMIN="$pg_admin" build/vigie_unit_tests --gtest_brief=1
suite web-unit npx vitest run --config web/vite.config.ts
suite integration-sqlite npx vitest run --config tests/integration/vitest.config.ts
suite integration-postgresql env VIGIE_TEST_PG_ADMIN="$pg_admin" npx vitest run --config tests/integration/vitest.config.ts
suite e2e-chromium npx vitest run --config tests/e2e/vitest.config.ts

echo
echo "make test: $passed passed, $failed failed"
exit $status
