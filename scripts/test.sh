#!/usr/bin/env bash
# `make test`: installs what is missing, builds, and runs every suite: C++ unit tests (on SQLite
# and PostgreSQL), web unit tests, the integration suite against a real vigie process on SQLite
# and then on a throwaway PostgreSQL cluster, and the browser end-to-end tests in Chromium.
# The PostgreSQL cluster is always stopped, whatever happens.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
# The Node.js that install-deps.sh put there when the system's is too old (absent otherwise).
export PATH="$PWD/.tools/node/bin:$PATH"

scripts/install-deps.sh test || exit 1
scripts/build.sh build || exit 1

logs=$(mktemp -d)
passed=0
failed=0
status=0

# Adds a suite's counts, read from GoogleTest's or Vitest's summary lines; sets `skipped` to the
# suite's own count of skipped tests.
skipped=0
count() {
  local log=$1 p f s
  p=$(grep -aE '^\[  PASSED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | head -1)
  f=$(grep -aE '^\[  FAILED  \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | head -1)
  s=$(grep -aE '^\[  SKIPPED \] [0-9]+ test' "$log" | grep -oE '[0-9]+' | head -1)
  if [[ -z $p$f ]]; then
    local line
    line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -aE '^ +Tests +' | tail -1)
    p=$(grep -oE '[0-9]+ passed' <<<"$line" | grep -oE '[0-9]+')
    f=$(grep -oE '[0-9]+ failed' <<<"$line" | grep -oE '[0-9]+')
    s=$(grep -oE '[0-9]+ skipped' <<<"$line" | grep -oE '[0-9]+')
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=${s:-0}
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

# A suite that was promised PostgreSQL: VIGIE_REQUIRE_PG=1 makes a missing or unreachable
# cluster fail it (tests/unit/test_backends.hpp, tests/support/vigie.ts), and any skipped test
# in it fails `make test` too (tests/integration/test-backends.test.ts proves both).
pg_suite() {
  local name=$1
  shift
  suite "$name" env VIGIE_REQUIRE_PG=1 VIGIE_TEST_PG_ADMIN="$pg_admin" "$@"
  if ((skipped != 0)); then
    echo "=== $name FAILED: $skipped test(s) skipped in the PostgreSQL pass"
    status=1
    failed=$((failed + skipped))
  fi
}

pg_admin=$(scripts/pg.sh start) || { echo "could not start PostgreSQL" >&2; exit 1; }
trap 'scripts/pg.sh stop' EXIT
[[ $pg_admin == postgresql://* ]] || { echo "scripts/pg.sh gave no admin URL: '$pg_admin'" >&2; exit 1; }

pg_suite cpp-unit build/vigie_unit_tests --gtest_brief=1
suite web-unit npx vitest run --config web/vite.config.ts
suite integration-sqlite npx vitest run --config tests/integration/vitest.config.ts
pg_suite integration-postgresql npx vitest run --config tests/integration/vitest.config.ts
suite e2e-chromium npx vitest run --config tests/e2e/vitest.config.ts

echo
echo "make test: $passed passed, $failed failed"
exit $status
