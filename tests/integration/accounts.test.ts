// Accounts as users and attackers meet them: login, sessions, CSRF, TOTP, throttling, the
// audit trail (SECURITY.md T11, T15, T16, T18).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Reply } from '../support/http';
import { totp } from '../support/totp';
import { execSql, runVigie, startVigie, type Vigie } from '../support/vigie';
import { until } from '../support/wait';

let vigie: Vigie;
let policeSecret = '';
const PASSWORD = 'une phrase de passe assez longue';

const cli = (args: string[], input?: string) =>
  input === undefined
    ? runVigie([...args, '--db', vigie.dbUrl, '--data-dir', vigie.dataDir])
    : runVigieWithInput([...args, '--db', vigie.dbUrl, '--data-dir', vigie.dataDir], input);

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vigieBin } from '../support/vigie';
function runVigieWithInput(args: string[], input: string) {
  const r = spawnSync(vigieBin, args, { input });
  return { code: r.status ?? -1, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

function login(body: Record<string, string>, headers: Record<string, string> = {}) {
  return request(`${vigie.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function sessionCookie(r: Reply): string {
  const set = ([] as string[]).concat(r.headers['set-cookie'] ?? []);
  const c = set.find((s) => s.startsWith('vigie_session='));
  return c ? c.split(';')[0] : '';
}

beforeAll(async () => {
  vigie = await startVigie();
  expect(cli(['org', 'add', '--code', 'ASSO', '--name', 'Association test', '--type', 'association', '--territory', '93']).code).toBe(0);
  expect(cli(['org', 'add', '--code', 'POL', '--name', 'Office de police test', '--type', 'police']).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'referente@asso.test', '--org', 'ASSO', '--role', 'referent', '--password-stdin'], PASSWORD).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'cible@asso.test', '--org', 'ASSO', '--role', 'viewer', '--password-stdin'], PASSWORD).code).toBe(0);
  const police = cli(['user', 'add', '--email', 'agent@pol.test', '--org', 'POL', '--role', 'contributor', '--password-stdin'], PASSWORD);
  expect(police.code).toBe(0);
  policeSecret = /TOTP secret \(shown once\): ([A-Z2-7]+)/.exec(police.stdout)![1];
});
afterAll(async () => {
  await vigie?.stop();
});

describe('creating accounts from the command line', () => {
  it('refuses short and common passwords, saying why', () => {
    const short = cli(['user', 'add', '--email', 'x@asso.test', '--org', 'ASSO', '--role', 'viewer', '--password-stdin'], 'court');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password: At least 12 characters');
    const common = cli(['user', 'add', '--email', 'x@asso.test', '--org', 'ASSO', '--role', 'viewer', '--password-stdin'], 'motdepasse123');
    expect(common.stderr).toContain('too common');
  });
});

describe('login and sessions', () => {
  it('logs in, sets a strict HttpOnly cookie and returns the CSRF token', async () => {
    const r = await login({ email: 'Referente@Asso.test ', password: PASSWORD });
    expect(r.status).toBe(200);
    const body = r.json<{ csrf_token: string; user: { email: string; role: string }; organisation: { code: string; type: string } }>();
    expect(body.csrf_token.length).toBeGreaterThanOrEqual(40);
    expect(body.user).toMatchObject({ email: 'referente@asso.test', role: 'referent' });
    expect(body.organisation).toMatchObject({ code: 'ASSO', type: 'association' });
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/^vigie_session=[A-Za-z0-9_-]{43};/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(r.headers['cache-control']).toBe('no-store');
    const me = await request(`${vigie.url}/api/v1/me`, { headers: { Cookie: sessionCookie(r) } });
    expect(me.status).toBe(200);
    expect(me.json<{ user: { email: string } }>().user.email).toBe('referente@asso.test');
  });

  it('gives the same generic answer for a wrong password and an unknown account', async () => {
    const wrong = await login({ email: 'cible@asso.test', password: 'pas le bon mot de passe' });
    const unknown = await login({ email: 'personne@nulle.part', password: 'pas le bon mot de passe' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const strip = (r: Reply) => {
      const { request_id: _, ...rest } = r.json<Record<string, unknown>>();
      return rest;
    };
    expect(strip(wrong)).toEqual(strip(unknown));
    expect(strip(wrong)).toMatchObject({ code: 'invalid-credentials' });
  });

  it('answers 401 to /me without a session', async () => {
    const r = await request(`${vigie.url}/api/v1/me`);
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('issues a new session id at login: a planted cookie is worthless (fixation)', async () => {
    const planted = 'vigie_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const r = await login({ email: 'referente@asso.test', password: PASSWORD }, { Cookie: planted });
    expect(r.status).toBe(200);
    expect(sessionCookie(r)).not.toBe(planted);
    expect((await request(`${vigie.url}/api/v1/me`, { headers: { Cookie: planted } })).status).toBe(401);
  });

  it('refuses a login posted from another site', async () => {
    const r = await login({ email: 'referente@asso.test', password: PASSWORD }, { Origin: 'https://evil.example' });
    expect(r.status).toBe(403);
  });
});

describe('the language preference', () => {
  it('is kept in the account: "en" follows the user to a new session; anything else is refused field by field', async () => {
    const r = await login({ email: 'referente@asso.test', password: PASSWORD });
    const cookie = sessionCookie(r);
    const csrf = r.json<{ csrf_token: string; user: { language: string | null } }>().csrf_token;
    expect(r.json<{ user: { language: string | null } }>().user.language).toBeNull();
    const put = (language: unknown, headers: Record<string, string> = { 'X-CSRF-Token': csrf }) =>
      request(`${vigie.url}/api/v1/me/language`, { method: 'PUT', headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ language }) });
    const bad = await put('de');
    expect(bad.status).toBe(422);
    expect(bad.json<{ errors: { field: string; code: string }[] }>().errors).toEqual([expect.objectContaining({ field: 'language', code: 'invalid' })]);
    expect((await put(5)).status).toBe(422);
    expect((await put('en', {})).status).toBe(403); // no CSRF token
    expect((await put('en')).status).toBe(204);
    const again = await login({ email: 'referente@asso.test', password: PASSWORD });
    expect(again.json<{ user: { language: string } }>().user.language).toBe('en');
    expect(execSql(vigie.dbUrl, "SELECT COUNT(*) FROM audit_log WHERE action = 'user.language'").trim()).toBe('1');
  });
});

describe('changing one\'s password', () => {
  const NEW = 'une autre phrase de passe, plus longue';
  it('checks the current one, names every wrong field, closes the other sessions and tells the user', async () => {
    expect(cli(['user', 'add', '--email', 'change@asso.test', '--org', 'ASSO', '--role', 'contributor', '--password-stdin'], PASSWORD).code).toBe(0);
    const first = await login({ email: 'change@asso.test', password: PASSWORD });
    const other = await login({ email: 'change@asso.test', password: PASSWORD });
    const cookie = sessionCookie(first);
    const csrf = first.json<{ csrf_token: string }>().csrf_token;
    const change = (body: unknown) =>
      request(`${vigie.url}/api/v1/me/password`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const fields = (r: Reply) => r.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => `${e.field}:${e.code}`);
    const empty = await change({});
    expect(empty.status).toBe(422);
    expect(fields(empty)).toEqual(['current_password:required', 'password:required']);
    const wrong = await change({ current_password: 'pas le bon mot de passe', password: NEW });
    expect(wrong.status).toBe(422);
    expect(fields(wrong)).toEqual(['current_password:wrong']);
    expect(fields(await change({ current_password: PASSWORD, password: 'court' }))).toEqual(['password:too_short']);
    expect(fields(await change({ current_password: PASSWORD, password: PASSWORD }))).toEqual(['password:same']);
    // Nothing changed so far: the old password still opens a session.
    expect((await login({ email: 'change@asso.test', password: PASSWORD })).status).toBe(200);

    expect((await change({ current_password: PASSWORD, password: NEW })).status).toBe(204);
    const me = (c: string) => request(`${vigie.url}/api/v1/me`, { headers: { Cookie: c } });
    expect((await me(cookie)).status).toBe(200); // the session that changed it stays open
    expect((await me(sessionCookie(other))).status).toBe(401); // every other one is closed
    expect((await login({ email: 'change@asso.test', password: PASSWORD })).status).toBe(401);
    expect((await login({ email: 'change@asso.test', password: NEW })).status).toBe(200);
    expect(execSql(vigie.dbUrl, "SELECT count(*) FROM mail_outbox WHERE recipient = 'change@asso.test' AND subject = 'Votre mot de passe Vigie a été changé'").trim()).toBe('1');
    expect(execSql(vigie.dbUrl, "SELECT outcome FROM audit_log WHERE action = 'user.password_change' ORDER BY seq").trim().split(/\s+/)).toEqual(['denied', 'ok']);
  });

  it('counts a wrong current password as a failed login: a stolen session guesses no faster', async () => {
    expect(cli(['user', 'add', '--email', 'devine@asso.test', '--org', 'ASSO', '--role', 'contributor', '--password-stdin'], PASSWORD).code).toBe(0);
    const r = await login({ email: 'devine@asso.test', password: PASSWORD });
    const cookie = sessionCookie(r);
    const csrf = r.json<{ csrf_token: string }>().csrf_token;
    let throttled: Reply | undefined;
    for (let i = 0; i < 12 && !throttled; i++) {
      const g = await request(`${vigie.url}/api/v1/me/password`, {
        method: 'POST',
        headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
        body: JSON.stringify({ current_password: `essai numero ${i} faux`, password: 'une phrase toute neuve et longue' }),
      });
      if (g.status === 429) throttled = g;
      else expect(g.status).toBe(422);
    }
    expect(throttled).toBeDefined();
    expect(Number(throttled!.headers['retry-after'])).toBeGreaterThan(0);
    // The login of the address is throttled too, the right password included.
    expect((await login({ email: 'devine@asso.test', password: PASSWORD })).status).toBe(429);
  });
});

describe('the previous visit', () => {
  it('is when the newest earlier session was last active; none for a first visit', async () => {
    expect(cli(['user', 'add', '--email', 'visite@asso.test', '--org', 'ASSO', '--role', 'viewer', '--password-stdin'], PASSWORD).code).toBe(0);
    const previous = (c: string) => request(`${vigie.url}/api/v1/me/previous-visit`, { headers: { Cookie: c } }).then((r) => r.json<{ at: string | null }>().at);
    const first = sessionCookie(await login({ email: 'visite@asso.test', password: PASSWORD }));
    expect(await previous(first)).toBeNull();
    execSql(vigie.dbUrl, "UPDATE sessions SET created_at = '2026-03-01T08:00:00Z', last_seen_at = '2026-03-02T17:45:00Z' WHERE user_id = (SELECT id FROM users WHERE email = 'visite@asso.test')");
    const second = sessionCookie(await login({ email: 'visite@asso.test', password: PASSWORD }));
    expect(await previous(second)).toBe('2026-03-02T17:45:00Z');
  });
});

describe('logout and CSRF', () => {
  it('needs the CSRF token and a same-origin request, then kills the session server-side', async () => {
    const r = await login({ email: 'referente@asso.test', password: PASSWORD });
    const cookie = sessionCookie(r);
    const csrf = r.json<{ csrf_token: string }>().csrf_token;
    const logout = (headers: Record<string, string>) =>
      request(`${vigie.url}/api/v1/auth/logout`, { method: 'POST', headers: { Cookie: cookie, ...headers } });
    expect((await logout({})).status).toBe(403);
    expect((await logout({ 'X-CSRF-Token': 'x'.repeat(csrf.length) })).status).toBe(403);
    expect((await logout({ 'X-CSRF-Token': csrf, Origin: 'https://evil.example' })).status).toBe(403);
    expect((await request(`${vigie.url}/api/v1/auth/logout`, { headers: { Cookie: cookie } })).status).toBe(405);
    const ok = await logout({ 'X-CSRF-Token': csrf, Origin: vigie.url });
    expect(ok.status).toBe(204);
    expect(String(ok.headers['set-cookie'])).toContain('Max-Age=0');
    // Replaying the old cookie after logout gets nothing.
    expect((await request(`${vigie.url}/api/v1/me`, { headers: { Cookie: cookie } })).status).toBe(401);
  });
});

describe('second factor', () => {
  it('asks a police account for its TOTP code, refuses a wrong one, accepts the right one', async () => {
    // The audit trail of the account's logins: a normal login's password step is no refusal.
    const logins = (outcome: string) =>
      Number(execSql(vigie.dbUrl, `SELECT COUNT(*) FROM audit_log a JOIN users u ON a.object_id = CAST(u.id AS TEXT) WHERE u.email = 'agent@pol.test' AND a.action = 'auth.login' AND a.outcome = '${outcome}'`).trim());
    const first = await login({ email: 'agent@pol.test', password: PASSWORD });
    expect(first.status).toBe(401);
    expect(first.json()).toMatchObject({ code: 'totp-required' });
    expect(logins('denied')).toBe(0);
    const wrong = await login({ email: 'agent@pol.test', password: PASSWORD, totp: '000000' === totp(policeSecret) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(logins('denied')).toBe(1);
    const right = await login({ email: 'agent@pol.test', password: PASSWORD, totp: totp(policeSecret) });
    expect(right.status).toBe(200);
    expect(logins('denied')).toBe(1);
    expect(logins('ok')).toBe(1);
  });

  it('keeps a police account without a second factor out', async () => {
    execSql(vigie.dbUrl, "UPDATE users SET totp_secret = NULL WHERE email = 'agent@pol.test'");
    const r = await login({ email: 'agent@pol.test', password: PASSWORD });
    expect(r.status).toBe(403);
    expect(r.json()).toMatchObject({ code: 'totp-enrolment-required' });
  });
});

describe('brute force', () => {
  it('slows an attacker down and never lets a guess through while throttled', async () => {
    let throttled: Reply | undefined;
    for (let i = 0; i < 12 && !throttled; i++) {
      const r = await login({ email: 'cible@asso.test', password: `essai numero ${i} faux` });
      if (r.status === 429) throttled = r;
      else expect(r.status).toBe(401);
    }
    expect(throttled).toBeDefined();
    expect(Number(throttled!.headers['retry-after'])).toBeGreaterThan(0);
    // Even the right password is refused until the delay has passed.
    expect((await login({ email: 'cible@asso.test', password: PASSWORD })).status).toBe(429);
  });
});

describe('disabling a user', () => {
  it('closes their open sessions at once', async () => {
    expect(cli(['user', 'add', '--email', 'partant@asso.test', '--org', 'ASSO', '--role', 'viewer', '--password-stdin'], PASSWORD).code).toBe(0);
    const r = await login({ email: 'partant@asso.test', password: PASSWORD });
    const cookie = sessionCookie(r);
    expect(cli(['user', 'disable', '--email', 'partant@asso.test']).code).toBe(0);
    expect((await request(`${vigie.url}/api/v1/me`, { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await login({ email: 'partant@asso.test', password: PASSWORD })).status).toBe(401);
  });
});

describe('second factor for any user', () => {
  it('is set up from the account with a QR code and a first code, then asked at login; a recovery code works once', async () => {
    expect(cli(['user', 'add', '--email', 'prudente@asso.test', '--org', 'ASSO', '--role', 'viewer', '--password-stdin'], PASSWORD).code).toBe(0);
    const r = await login({ email: 'prudente@asso.test', password: PASSWORD });
    const cookie = sessionCookie(r);
    const csrf = r.json<{ csrf_token: string }>().csrf_token;
    const post = (path: string, body: unknown) =>
      request(`${vigie.url}${path}`, { method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const start = await post('/api/v1/me/totp', {});
    expect(start.status).toBe(200);
    const { secret, qr_svg } = start.json<{ secret: string; qr_svg: string }>();
    expect(qr_svg).toMatch(/^<svg /);
    expect((await post('/api/v1/me/totp/confirm', { code: totp(secret) === '123456' ? '654321' : '123456' })).status).toBe(422);
    const confirmed = await post('/api/v1/me/totp/confirm', { code: totp(secret) });
    const codes = confirmed.json<{ recovery_codes: string[] }>().recovery_codes;
    expect(codes).toHaveLength(10);
    expect((await login({ email: 'prudente@asso.test', password: PASSWORD })).json()).toMatchObject({ code: 'totp-required' });
    expect((await login({ email: 'prudente@asso.test', password: PASSWORD, totp: codes[0] })).status).toBe(200);
    expect((await login({ email: 'prudente@asso.test', password: PASSWORD, totp: codes[0] })).status).toBe(401);
    // The same code a second time: refused (one login per code). Computed once: computing it
    // twice could straddle a 30-second step and yield two different codes.
    const code = totp(secret);
    expect((await login({ email: 'prudente@asso.test', password: PASSWORD, totp: code })).status).toBe(200);
    expect((await login({ email: 'prudente@asso.test', password: PASSWORD, totp: code })).status).toBe(401);
  });
});

// Last: these tests change audit rows behind the server's back, which blocks its writes until
// the breaks are repaired or acknowledged (app/audit_watch.hpp).
describe('audit trail', () => {
  it('verifies, then names the first entry changed, removed, inserted or reordered behind its back', async () => {
    // serve's own checkpoint names the newest entry first (it follows within seconds), so that
    // what follows tampers with a log whose checkpoint is known.
    const checkpoint = cli(['audit', 'checkpoint']).stdout.trim();
    const file = join(vigie.dataDir, 'audit.checkpoint');
    const named = () => (existsSync(file) ? `${JSON.parse(readFileSync(file, 'utf8')).seq}:${JSON.parse(readFileSync(file, 'utf8')).hash}` : '');
    await until(`serve's checkpoint naming ${checkpoint}`, () => named() === checkpoint);
    expect(cli(['audit', 'verify']).stdout).toMatch(/audit trail intact: \d+ entries/);
    const rows = () => execSql(vigie.dbUrl, 'SELECT seq, outcome FROM audit_log ORDER BY seq').trim().split('\n');
    expect(rows().length).toBeGreaterThan(10);
    const [outcome, details] = execSql(vigie.dbUrl, "SELECT outcome || '|' || details FROM audit_log WHERE seq = 4").trim().split('|');

    execSql(vigie.dbUrl, "UPDATE audit_log SET outcome = 'ok' WHERE seq = 4 AND outcome <> 'ok'");
    execSql(vigie.dbUrl, "UPDATE audit_log SET details = '{\"x\":1}' WHERE seq = 4");
    let v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('BROKEN at entry 4');
    execSql(vigie.dbUrl, `UPDATE audit_log SET details = '${details}', outcome = '${outcome}' WHERE seq = 4`);
    expect(cli(['audit', 'verify']).code).toBe(0);

    // Reorder: swap the contents of entries 5 and 6.
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = -5 WHERE seq = 5');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = 5 WHERE seq = 6');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = 6 WHERE seq = -5');
    v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('BROKEN at entry 5');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = -5 WHERE seq = 5');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = 5 WHERE seq = 6');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = 6 WHERE seq = -5');
    expect(cli(['audit', 'verify']).code).toBe(0);

    // Insert a forged entry in the middle (shifting the ones after it).
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 7');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1007');
    execSql(vigie.dbUrl, "INSERT INTO audit_log (seq, at, action, object_type, object_id, request_id, outcome, details, hash) VALUES (7, '2026-01-01T00:00:00Z', 'user.create', 'user', '99', '', 'ok', '{}', 'forged')");
    v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('BROKEN at entry 7');
    execSql(vigie.dbUrl, 'DELETE FROM audit_log WHERE seq = 7');
    // Now entry 7 is missing: a deletion in the middle.
    v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('BROKEN at entry 7');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 8');
    execSql(vigie.dbUrl, 'UPDATE audit_log SET seq = seq - 1001 WHERE seq >= 1008');
    expect(cli(['audit', 'verify']).code).toBe(0);

    // Removing the newest entries leaves a chain that verifies by itself; the checkpoint catches
    // it: serve's own (the default) and one kept elsewhere alike.
    const last = checkpoint.split(':')[0];
    execSql(vigie.dbUrl, `DELETE FROM audit_log WHERE seq = ${last}`);
    v = cli(['audit', 'verify']);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`BROKEN at entry ${last}: the checkpointed entry is missing`);
    v = cli(['audit', 'verify', '--checkpoint', checkpoint]);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(`BROKEN at entry ${last}`);
  });
});
