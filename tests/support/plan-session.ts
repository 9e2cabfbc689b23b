// Accounts and sessions for the plan tests: organisations and users created with the `vigie`
// CLI, logged in over HTTP (with a TOTP code for the accounts that need one).
import { spawnSync } from 'node:child_process';
import { expect } from 'vitest';
import { request, type Reply } from './http';
import { totp } from './totp';
import { vigieBin, type Vigie } from './vigie';

export const PASSWORD = 'une phrase de passe assez longue';

export interface Session {
  cookie: string;
  csrf: string;
}

export class PlanActors {
  readonly sessions: Record<string, Session> = {};
  private readonly secrets: Record<string, string> = {};
  constructor(private readonly vigie: Vigie) {}

  cli(args: string[], input?: string, env: Record<string, string> = {}) {
    const r = spawnSync(vigieBin, [...args, '--db', this.vigie.dbUrl, '--data-dir', this.vigie.dataDir], { input, env: { ...process.env, ...env } });
    return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
  }

  org(code: string, type: string) {
    const r = this.cli(['org', 'add', '--code', code, '--name', `Organisation ${code}`, '--type', type]);
    expect(r.code, r.stderr).toBe(0);
  }

  async user(email: string, org: string, role: string) {
    const r = this.cli(['user', 'add', '--email', email, '--org', org, '--role', role, '--password-stdin'], PASSWORD);
    expect(r.code, r.stderr).toBe(0);
    const secret = /TOTP secret \(shown once\): ([A-Z2-7]+)/.exec(r.stdout)?.[1];
    if (secret) this.secrets[email] = secret;
    const login = await request(`${this.vigie.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD, ...(secret ? { totp: totp(secret, Date.now()) } : {}) }),
    });
    expect(login.status, `login ${email}`).toBe(200);
    this.sessions[email] = { cookie: String(login.headers['set-cookie']).split(';')[0], csrf: login.json<{ csrf_token: string }>().csrf_token };
  }

  get(path: string, who?: string): Promise<Reply> {
    return request(`${this.vigie.url}${path}`, { headers: who ? { Cookie: this.sessions[who].cookie } : {} });
  }

  send(method: string, path: string, who: string, body?: unknown, contentType = 'application/json'): Promise<Reply> {
    const s = this.sessions[who];
    const headers: Record<string, string> = { Cookie: s.cookie, 'X-CSRF-Token': s.csrf };
    if (body !== undefined) headers['Content-Type'] = contentType;
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
    return request(`${this.vigie.url}${path}`, { method, headers, body: payload });
  }
}
