// Invitations and password resets, end to end through a real SMTP server.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { SmtpSink } from '../support/smtp-sink';
import { totp } from '../support/totp';
import { execSql, startVigie, vigieBin, type Vigie } from '../support/vigie';

let vigie: Vigie;
let smtp: SmtpSink;
const PASSWORD = 'une phrase de passe assez longue';

const cli = (args: string[], input?: string) => {
  const r = spawnSync(vigieBin, [...args, '--db', vigie.dbUrl, '--data-dir', vigie.dataDir], { input });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
};
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  request(`${vigie.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

async function login(email: string, password: string, code?: string) {
  const r = await post('/api/v1/auth/login', { email, password, ...(code ? { totp: code } : {}) });
  return { status: r.status, cookie: String(r.headers['set-cookie'] ?? '').split(';')[0], csrf: r.status === 200 ? r.json<{ csrf_token: string }>().csrf_token : '' };
}



beforeAll(async () => {
  smtp = await SmtpSink.start();
  vigie = await startVigie({ args: ['--smtp-url', smtp.url] });

  expect(cli(['org', 'add', '--code', 'ASSO', '--name', 'Association du test', '--type', 'association']).code).toBe(0);
  expect(cli(['org', 'add', '--code', 'AUTRE', '--name', 'Autre association', '--type', 'association']).code).toBe(0);
  expect(cli(['org', 'add', '--code', 'PREF', '--name', 'Préfecture du test', '--type', 'prefecture', '--territory', '93']).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'admin@asso.test', '--org', 'ASSO', '--role', 'org_admin', '--password-stdin'], PASSWORD).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'membre@asso.test', '--org', 'ASSO', '--role', 'contributor', '--password-stdin'], PASSWORD).code).toBe(0);
});
afterAll(async () => {
  await vigie?.stop();
  smtp?.stop();
});

describe('invitations', () => {
  it('an organisation admin invites a member, who sets a password and logs in', async () => {
    // The server's public URL defaults to 127.0.0.1:8080; links are checked by their token.
    const admin = await login('admin@asso.test', PASSWORD);
    const r = await post('/api/v1/invitations', { email: 'Nouvelle@Asso.test', role: 'contributor', display_name: 'Nina Nouvelle' }, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf });
    expect(r.status).toBe(202);
    const mail = await smtp.waitFor('nouvelle@asso.test');
    expect(mail.subject).toBe('Invitation à rejoindre Vigie');
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1];

    const info = await request(`${vigie.url}/api/v1/invitations/${token}`);
    expect(info.json()).toMatchObject({ email: 'nouvelle@asso.test', organisation: 'Association du test', role: 'contributor', requires_totp: false });

    const weak = await post(`/api/v1/invitations/${token}/accept`, { password: 'court' });
    expect(weak.status).toBe(422);
    expect(weak.json<{ errors: { field: string }[] }>().errors[0].field).toBe('password');

    const ok = await post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    expect(ok.status).toBe(201);
    expect((await login('nouvelle@asso.test', PASSWORD)).status).toBe(200);
    // Single use.
    expect((await post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD })).status).toBe(404);
    expect((await request(`${vigie.url}/api/v1/invitations/${token}`)).status).toBe(404);
  });

  it('a prefecture member enrols the second factor when accepting', async () => {
    const platform = cli(['user', 'add', '--email', 'plateforme@vigie.test', '--org', 'ASSO', '--role', 'viewer', '--platform-admin', '--password-stdin'], PASSWORD);
    const secret = /TOTP secret \(shown once\): ([A-Z2-7]+)/.exec(platform.stdout)![1];
    const admin = await login('plateforme@vigie.test', PASSWORD, totp(secret));
    expect(admin.status).toBe(200);
    expect((await post('/api/v1/invitations', { email: 'agent@pref.test', role: 'referent', org: 'PREF' }, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf })).status).toBe(202);
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec((await smtp.waitFor('agent@pref.test')).body)![1];
    const accepted = await post(`/api/v1/invitations/${token}/accept`, { password: PASSWORD });
    const body = accepted.json<{ totp_secret: string; totp_uri: string; totp_qr_svg: string }>();
    expect(body.totp_uri).toContain('otpauth://totp/Vigie:agent@pref.test');
    expect(body.totp_qr_svg).toMatch(/^<svg /);
    expect((await login('agent@pref.test', PASSWORD)).status).toBe(401);
    expect((await login('agent@pref.test', PASSWORD, totp(body.totp_secret))).status).toBe(200);
  });

  it('refuses invitations from non-admins and into other organisations', async () => {
    const member = await login('membre@asso.test', PASSWORD);
    expect((await post('/api/v1/invitations', { email: 'x@asso.test', role: 'viewer' }, { Cookie: member.cookie, 'X-CSRF-Token': member.csrf })).status).toBe(403);
    const admin = await login('admin@asso.test', PASSWORD);
    expect((await post('/api/v1/invitations', { email: 'x@autre.test', role: 'viewer', org: 'AUTRE' }, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf })).status).toBe(403);
    expect((await post('/api/v1/invitations', { email: 'x@asso.test', role: 'chef' }, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf })).status).toBe(422);
  });
});

describe('password reset', () => {
  it('sends a single-use link, sets the new password and closes open sessions', async () => {
    const before = await login('membre@asso.test', PASSWORD);
    expect((await post('/api/v1/password-resets', { email: 'membre@asso.test' })).status).toBe(202);
    const mail = await smtp.waitFor('membre@asso.test');
    expect(mail.subject).toContain('Réinitialisation');
    const token = /\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1];
    const fresh = 'un tout nouveau mot de passe';
    expect((await post(`/api/v1/password-resets/${token}`, { password: fresh })).status).toBe(204);
    expect((await request(`${vigie.url}/api/v1/me`, { headers: { Cookie: before.cookie } })).status).toBe(401);
    expect((await login('membre@asso.test', PASSWORD)).status).toBe(401);
    expect((await login('membre@asso.test', fresh)).status).toBe(200);
    expect((await post(`/api/v1/password-resets/${token}`, { password: 'encore un autre mot de passe' })).status).toBe(404);
  });

  it('answers the same for an unknown address, and sends nothing', async () => {
    const r = await post('/api/v1/password-resets', { email: 'inconnu@nulle.part' });
    expect(r.status).toBe(202);
    // A reset asked afterwards for a known address: the outbox sends in order, so once that
    // message has arrived, one for the unknown address would have arrived before it.
    const toAdmin = () => smtp.messages().filter((m) => m.to === 'admin@asso.test').length;
    const before = toAdmin();
    expect((await post('/api/v1/password-resets', { email: 'admin@asso.test' })).status).toBe(202);
    for (let i = 0; i < 100 && toAdmin() === before; i++) await new Promise((res) => setTimeout(res, 100));
    expect(toAdmin()).toBe(before + 1);
    expect(smtp.messages().some((m) => m.to === 'inconnu@nulle.part')).toBe(false);
  });
});

describe('password reset abuse (issue 10, item 6)', () => {
  it('sends at most three reset e-mails an hour to one address, and only the newest link works', async () => {
    expect(cli(['user', 'add', '--email', 'souvent@asso.test', '--org', 'ASSO', '--role', 'contributor', '--password-stdin'], PASSWORD).code).toBe(0);
    for (let i = 0; i < 11; i++) expect((await post('/api/v1/password-resets', { email: 'souvent@asso.test' })).status).toBe(202);
    // The outbox sends in order: once a later message to another address has arrived, every
    // reset e-mail of the eleven requests has too.
    const marker = smtp.messages().filter((m) => m.to === 'admin@asso.test').length;
    expect((await post('/api/v1/password-resets', { email: 'admin@asso.test' })).status).toBe(202);
    for (let i = 0; i < 100 && smtp.messages().filter((m) => m.to === 'admin@asso.test').length === marker; i++) await new Promise((res) => setTimeout(res, 100));
    const mails = smtp.messages().filter((m) => m.to === 'souvent@asso.test');
    expect(mails).toHaveLength(3);
    const tokens = mails.map((m) => /\/mot-de-passe\/([A-Za-z0-9_-]{43})/.exec(m.body)![1]);
    expect(new Set(tokens).size).toBe(3);
    const fresh = 'le mot de passe le plus récent';
    expect((await post(`/api/v1/password-resets/${tokens[0]}`, { password: fresh })).status).toBe(404);
    expect((await post(`/api/v1/password-resets/${tokens[1]}`, { password: fresh })).status).toBe(404);
    expect((await post(`/api/v1/password-resets/${tokens[2]}`, { password: fresh })).status).toBe(204);
  });

  it('does the same writes for an unknown address as for a known one', async () => {
    const count = (table: string) => Number(execSql(vigie.dbUrl, `SELECT count(*) FROM ${table}`).trim());
    const tables = ['audit_log', 'password_reset_requests'];
    const before = tables.map(count);
    expect((await post('/api/v1/password-resets', { email: 'personne@nulle.part' })).status).toBe(202);
    const afterUnknown = tables.map(count);
    expect((await post('/api/v1/password-resets', { email: 'admin@asso.test' })).status).toBe(202);
    const afterKnown = tables.map(count);
    expect(afterUnknown.map((n, i) => n - before[i])).toEqual([1, 1]);
    expect(afterKnown.map((n, i) => n - afterUnknown[i])).toEqual([1, 1]);
    // The decoy weighs what the e-mail would have.
    const decoy = Number(execSql(vigie.dbUrl, 'SELECT length(decoy) FROM password_reset_requests WHERE decoy IS NOT NULL ORDER BY id DESC LIMIT 1').trim());
    expect(decoy).toBeGreaterThan(300);
  });
});

describe('inviting an address that already has an account (issue 10, item 7)', () => {
  it('answers as for any invitation and tells the existing user by e-mail instead', async () => {
    const admin = await login('admin@asso.test', PASSWORD);
    const before = smtp.messages().filter((m) => m.to === 'membre@asso.test').length;
    const r = await post('/api/v1/invitations', { email: 'membre@asso.test', role: 'viewer', display_name: 'Déjà là' }, { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrf });
    expect(r.status).toBe(202);
    expect(r.body).toBe('');
    for (let i = 0; i < 100 && smtp.messages().filter((m) => m.to === 'membre@asso.test').length === before; i++) await new Promise((res) => setTimeout(res, 100));
    const mail = smtp.messages().filter((m) => m.to === 'membre@asso.test').pop()!;
    expect(mail.body).toContain('Vous avez déjà un compte Vigie');
    expect(mail.body).not.toMatch(/\/invitation\//);
    expect(execSql(vigie.dbUrl, "SELECT count(*) FROM invitations WHERE email = 'membre@asso.test'").trim()).toBe('0');
  });
});
