// `make test` promises a PostgreSQL pass: when the cluster is missing or unreachable, that pass
// fails loudly (C++ unit tests and integration suites alike) instead of running on SQLite alone.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPostgresql, freshDatabase, vigieBin } from '../support/vigie';

const unreachable = 'postgresql://postgres:postgres@127.0.0.1:1/postgres';
const unitTests = join(dirname(vigieBin), 'vigie_unit_tests');

describe('a PostgreSQL pass that cannot run', () => {
  it('stops the integration suites when no admin URL is given', () => {
    expect(() => checkPostgresql({ VIGIE_REQUIRE_PG: '1' })).toThrow(/VIGIE_TEST_PG_ADMIN names no PostgreSQL admin URL/);
  });

  it('stops the integration suites when the cluster does not answer', () => {
    expect(() => checkPostgresql({ VIGIE_REQUIRE_PG: '1', VIGIE_TEST_PG_ADMIN: unreachable })).toThrow(/PostgreSQL does not answer at 127\.0\.0\.1:1/);
  });

  it('fails the C++ PostgreSQL tests, without an admin URL or with an unreachable one', () => {
    for (const admin of [{}, { VIGIE_TEST_PG_ADMIN: unreachable }]) {
      const r = spawnSync(unitTests, ['--gtest_filter=TestBackends.*:Backends/EachBackend.*'], {
        env: { PATH: process.env.PATH ?? '', VIGIE_REQUIRE_PG: '1', ...admin },
      });
      const out = r.stdout.toString();
      expect(r.status, out).toBe(1);
      expect(out).toContain('[  FAILED  ] TestBackends.PostgreSQLIsInTheBackendsAndReachableWhenRequired');
      expect(out).toMatch(/\[  FAILED  \] Backends\/EachBackend\.\w+\/1/); // the PostgreSQL instances
      expect(out).not.toContain('SKIPPED');
    }
  });
});

describe('a PostgreSQL pass that can run', () => {
  it.runIf(process.env.VIGIE_REQUIRE_PG === '1')('gives every suite a PostgreSQL database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-backend-'));
    expect(freshDatabase(dir)).toMatch(/^postgresql:\/\//);
    rmSync(dir, { recursive: true, force: true });
  });
});
