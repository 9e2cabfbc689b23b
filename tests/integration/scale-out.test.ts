// Two `vigie serve` processes on one PostgreSQL database behave as one (issue 9, item 8): a
// session opened on one is valid on the other, the mail outbox sends every queued message
// exactly once whichever process's sender claims it, the hourly campaign reminder job (here
// every 2 s) runs once per tick across both, and login throttling counts attempts made on
// either. Runs only in the PostgreSQL pass of scripts/test.sh; on SQLite it says so in an
// explicit test rather than skipping.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { PASSWORD, PlanActors } from '../support/plan-session';
import { SmtpSink } from '../support/smtp-sink';
import { backendName, execSql, freshDatabase, pgAdminUrl, startVigie, vigieBin, type Vigie } from '../support/vigie';
import { until } from '../support/wait';

const COORD = 'coordination@miprof.test';
const PILOTS = ['DGT', 'DGCS'];
const REFERENTS_PER_PILOT = 8;
const INTERVAL_S = 2;
const OPENED = 'Nouvelle campagne de suivi';
const OVERDUE = 'Point d\'avancement en retard';

if (!pgAdminUrl) {
  describe('scale-out on one database', () => {
    it('is not applicable on SQLite (one process per file): it runs in the PostgreSQL pass', () => {
      expect(backendName).toBe('sqlite');
      // A pass that was promised PostgreSQL (scripts/test.sh) must not land here.
      expect(process.env.VIGIE_REQUIRE_PG ?? '').not.toBe('1');
    });
  });
} else {
  describe('two vigie processes on one PostgreSQL database', () => {
    let dataDir: string;
    let dbUrl: string;
    let smtp: SmtpSink;
    let a: Vigie;
    let b: Vigie;
    let actors: PlanActors;
    let campaignId: number;
    const recipients: string[] = [COORD];
    const stopped: (number | null)[] = [];

    // Each process's reminder ticks, from its log: tick number -> ran here or skipped.
    const ticks = (v: Vigie) => {
      const out = new Map<number, 'ran' | 'skipped'>();
      for (const line of v.stderr) {
        const m = /campaign reminders: tick (\d+) (runs here|already run by another process)/.exec(line);
        if (m) out.set(Number(m[1]), m[2] === 'runs here' ? 'ran' : 'skipped');
      }
      return out;
    };
    const count = (to: string, subject: string) => smtp.messages().filter((m) => m.to === to && m.subject.includes(subject)).length;

    beforeAll(async () => {
      smtp = await SmtpSink.start();
      dataDir = mkdtempSync(join(tmpdir(), 'vigie-scale-'));
      dbUrl = freshDatabase(dataDir);
      execFileSync(vigieBin, ['keys', 'init', '--data-dir', dataDir]);
      const config = join(dataDir, 'vigie.toml');
      writeFileSync(config, `[server]\nreminder_interval = ${INTERVAL_S}\n`);
      const args = ['--config', config, '--smtp-url', smtp.url];
      // The same data directory (the same keys) and database, as two hosts behind one proxy.
      a = await startVigie({ dataDir, dbUrl, args });
      b = await startVigie({ dataDir, dbUrl, args });
      actors = new PlanActors(a);
      actors.org('MIPROF', 'coordination');
      for (const org of PILOTS) {
        actors.org(org, 'ministry');
        for (let i = 1; i <= REFERENTS_PER_PILOT; i++) {
          const email = `referent${i}@${org.toLowerCase()}.test`;
          const r = actors.cli(['user', 'add', '--email', email, '--org', org, '--role', 'referent', '--password-stdin'], PASSWORD);
          expect(r.code, r.stderr).toBe(0);
          recipients.push(email);
        }
      }
      await actors.user(COORD, 'MIPROF', 'referent');
    });

    afterAll(async () => {
      await a?.stop();
      await b?.stop();
      smtp?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    });

    it('share sessions: one opened on the first process is valid on the second, and its logout ends it on both', async () => {
      await actors.user('referent@dgt.test', 'DGT', 'referent');
      const s = actors.sessions['referent@dgt.test'];
      const onB = await request(`${b.url}/api/v1/auth/session`, { headers: { Cookie: s.cookie } });
      expect(onB.status, onB.body).toBe(200);
      expect(onB.json()).toMatchObject({ authenticated: true });
      expect(onB.body).toContain('referent@dgt.test');
      const out = await request(`${b.url}/api/v1/auth/logout`, { method: 'POST', headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf } });
      expect(out.status, out.body).toBe(204);
      const onA = await request(`${a.url}/api/v1/auth/session`, { headers: { Cookie: s.cookie } });
      expect(onA.json()).toEqual({ authenticated: false });
      // Disabled so that it receives no campaign mail and the counts below stay exact.
      expect(actors.cli(['user', 'disable', '--email', 'referent@dgt.test']).code).toBe(0);
    });

    it('send each message queued through either process once, whichever sender claims it', async () => {
      const tree = (await actors.get('/api/v1/plan', COORD)).json<{ axes: { measures: { code: string; actions: { pilots: string[] }[] }[] }[] }>();
      const scope = tree.axes.flatMap((x) => x.measures).filter((m) => m.actions.some((x) => x.pilots.some((p) => PILOTS.includes(p) || p === 'MIPROF'))).map((m) => m.code);
      const s = actors.sessions[COORD];
      const deadline = new Date(Date.now() + 20 * 86400000).toISOString().slice(0, 10);
      // Opened on B with the session made on A: B's transaction queues one notice per referent.
      const r = await request(`${b.url}/api/v1/campaigns`, {
        method: 'POST',
        headers: { Cookie: s.cookie, 'X-CSRF-Token': s.csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({ label: 'Point multi-processus', deadline, measures: scope }),
      });
      expect(r.status, r.body).toBe(201);
      campaignId = r.json<{ id: number }>().id;
      await until('every opening notice', () => (recipients.every((to) => count(to, OPENED) >= 1) ? true : undefined));
      // Both senders poll every 500 ms; the claim in the database is what keeps them apart. (The
      // two senders rarely poll within the same millisecond here: tests/unit/scale_out_test.cpp
      // hammers the claim from several pools to catch a lost race; this checks the whole path.)
      // A late duplicate would still be counted: the last test recounts once both have stopped.
      for (const to of recipients) expect(count(to, OPENED), to).toBe(1);
    });

    it('run each reminder tick in one process only, and queue the overdue reminders once', async () => {
      const yesterday = new Date(Date.now() - 86400000).toISOString().slice(0, 10);
      execSql(dbUrl, `UPDATE plan_campaigns SET deadline = '${yesterday}' WHERE id = ${campaignId}`);
      await until('every overdue reminder', () => (recipients.every((to) => count(to, OVERDUE) >= 1) ? true : undefined), 30000);
      // The tick that queued them and the next one: wait until both processes have passed a
      // tick two boundaries later, so that either would have queued a second copy by then.
      const last = Math.max(...ticks(a).keys(), ...ticks(b).keys());
      await until('two more ticks in both processes', () => {
        const ta = ticks(a), tb = ticks(b);
        return [...ta.keys()].some((t) => t >= last + 2) && [...tb.keys()].some((t) => t >= last + 2) ? true : undefined;
      }, 30000);
      // Both processes woke at every boundary since (the claim, not one process's silence, kept
      // the other out); whichever inserted the claim first ran the tick, the other skipped it.
      const ta = ticks(a), tb = ticks(b);
      const both = [...ta.keys()].filter((t) => tb.has(t) && t >= last - 1);
      expect(both.length).toBeGreaterThanOrEqual(3);
      for (const t of new Set([...ta.keys(), ...tb.keys()])) {
        const ran = [ta.get(t), tb.get(t)].filter((x) => x === 'ran').length;
        expect(ran, `tick ${t}`).toBe(1);
      }
      const queued = [...a.stderr, ...b.stderr].filter((l) => /queued \d+ campaign reminder e-mails/.test(l));
      expect(queued).toEqual([expect.stringContaining(`queued ${recipients.length} campaign reminder e-mails`)]);
      for (const to of recipients) expect(count(to, OVERDUE), to).toBe(1);
    });

    it('count failed logins made on either process toward one throttle', async () => {
      // 50 failures from one address within 15 minutes throttle it; half on each process.
      const login = (v: Vigie, email: string) =>
        request(`${v.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: 'not the password at all' }) });
      for (let i = 0; i < 50; i++) expect((await login(i % 2 ? b : a, `nobody${i}@nowhere.test`)).status).toBe(401);
      // From there each attempt waits one second more per failure since the address's last
      // one: on a loaded machine more than that second may pass between two requests, so an
      // attempt may still go through (401, one more failure, a longer wait). Each process must
      // refuse within a few attempts — which it could not if it counted only its own 25.
      const refusedWithin = async (v: Vigie) => {
        for (let k = 0; k < 5; k++) {
          const r = await login(v, `someone-else${k}@nowhere.test`);
          if (r.status === 429) return k;
          expect(r.status).toBe(401);
        }
        return -1;
      };
      expect(await refusedWithin(a)).toBeGreaterThanOrEqual(0);
      expect(await refusedWithin(b)).toBeGreaterThanOrEqual(0);
    });

    it('leave, once both have stopped, every queued message sent exactly once', async () => {
      // A stopping sender finishes the batch it claimed: after both exits nothing more can go out.
      stopped.push(await a.stop(), await b.stop());
      expect(stopped).toEqual([0, 0]);
      const rows = execSql(dbUrl, 'SELECT recipient, subject, attempts, sent_at IS NOT NULL FROM mail_outbox ORDER BY id').trim().split('\n');
      expect(rows).toHaveLength(2 * recipients.length);
      for (const row of rows) expect(row).toMatch(/\|1\|t$/);
      const seen = new Map<string, number>();
      for (const m of smtp.messages()) seen.set(`${m.to} ${m.subject}`, (seen.get(`${m.to} ${m.subject}`) ?? 0) + 1);
      expect(seen.size).toBe(2 * recipients.length);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    });
  });
}
