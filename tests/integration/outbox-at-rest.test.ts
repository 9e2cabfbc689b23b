// Mail at rest (issue 10): queued e-mails carry invitation and password-reset links. A copy of
// the database taken while they wait (file, write-ahead log and shared memory on SQLite; the
// table's rows on PostgreSQL) holds none of the links' tokens, and once the messages are
// sent, the rows kept 30 days hold no body at all. The e-mails still arrive whole.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { SmtpSink } from '../support/smtp-sink';
import { execSql, freshDatabase, startVigie, vigieBin, type Vigie } from '../support/vigie';
import { until } from '../support/wait';

const PASSWORD = 'une phrase de passe assez longue';
let vigie: Vigie | undefined;
let smtp: SmtpSink | undefined;
afterAll(async () => {
  await vigie?.stop();
  smtp?.stop();
});

// Everything the database holds on disk (SQLite) or in the outbox's rows (PostgreSQL).
function databaseCopy(v: Vigie): string {
  if (v.dbUrl.startsWith('sqlite:')) {
    const file = v.dbUrl.slice(7);
    return ['', '-wal', '-shm'].map((s) => (existsSync(file + s) ? readFileSync(file + s).toString('latin1') : '')).join('');
  }
  return execSql(v.dbUrl, 'SELECT m::text FROM mail_outbox m');
}

describe('the outbox at rest', () => {
  it('holds no invitation or reset token while queued, and no body once sent', async () => {
    // First without a mail server: the messages stay queued.
    // A data directory of our own: both runs use it (stop() removes only directories it made).
    const dataDir = mkdtempSync(join(tmpdir(), 'vigie-outbox-'));
    vigie = await startVigie({ dataDir, dbUrl: freshDatabase(dataDir) });
    const v = vigie;
    const cli = (args: string[], input?: string) => spawnSync(vigieBin, [...args, '--db', v.dbUrl, '--data-dir', v.dataDir], { input });
    expect(cli(['org', 'add', '--code', 'ASSO', '--name', 'Association du test', '--type', 'association']).status).toBe(0);
    expect(cli(['user', 'add', '--email', 'admin@asso.test', '--org', 'ASSO', '--role', 'org_admin', '--password-stdin'], PASSWORD).status).toBe(0);
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      request(`${v.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const login = await post('/api/v1/auth/login', { email: 'admin@asso.test', password: PASSWORD });
    expect(login.status).toBe(200);
    const session = { Cookie: String(login.headers['set-cookie']).split(';')[0], 'X-CSRF-Token': login.json<{ csrf_token: string }>().csrf_token };
    expect((await post('/api/v1/invitations', { email: 'nouvelle@asso.test', role: 'contributor' }, session)).status).toBe(202);
    expect((await post('/api/v1/password-resets', { email: 'admin@asso.test' })).status).toBe(202);
    const queued = Number(execSql(v.dbUrl, "SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL AND body LIKE 'sb1:%'").trim());
    expect(queued).toBeGreaterThanOrEqual(2);
    await v.stop();
    const copy = databaseCopy(v);
    expect(copy).not.toContain('/invitation/');
    expect(copy).not.toContain('/mot-de-passe/');

    // Then with one, on the same database: the messages go out, links intact.
    smtp = await SmtpSink.start();
    vigie = await startVigie({ args: ['--smtp-url', smtp.url], dataDir: v.dataDir, dbUrl: v.dbUrl });
    const invitation = /\/invitation\/([A-Za-z0-9_-]{43})/.exec((await smtp.waitFor('nouvelle@asso.test')).body)![1];
    const reset = /\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec((await smtp.waitFor('admin@asso.test')).body)![1];
    // The tokens work (so the search below looks for the real thing) …
    expect((await request(`${vigie.url}/api/v1/invitations/${invitation}`)).status).toBe(200);
    // … and the copy taken while they were queued has neither.
    for (const token of [invitation, reset]) expect(copy).not.toContain(token);
    // Sent rows keep no body: wait until every queued message is recorded as sent.
    const unsent = () => Number(execSql(vigie!.dbUrl, 'SELECT count(*) FROM mail_outbox WHERE sent_at IS NULL').trim());
    await until('every queued message sent', () => unsent() === 0);
    expect(unsent()).toBe(0);
    expect(execSql(vigie.dbUrl, "SELECT count(*) FROM mail_outbox WHERE body <> ''").trim()).toBe('0');
    await vigie.stop();
    const after = databaseCopy(vigie);
    for (const token of [invitation, reset]) expect(after).not.toContain(token);
    vigie = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });
});
