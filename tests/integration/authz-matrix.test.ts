// The authorisation matrix (SECURITY.md T10), generated from the policy table and the route
// inventory that `vigie routes` prints: every route × every kind of caller (8 organisation
// types × 4 roles, and the platform-admin capability) × relation, against the real server.
// A route missing from this file's request builders fails the test.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type Reply } from '../support/http';
import { totp } from '../support/totp';
import { execSql, runVigie, startVigie, vigieBin, type Vigie } from '../support/vigie';

const ORG_TYPES = ['coordination', 'ministry', 'prefecture', 'parquet', 'police', 'association', 'union', 'independent_body'];
const ROLES = ['viewer', 'contributor', 'referent', 'org_admin'];
const PASSWORD = 'matrice des autorisations';

// Routes open to anyone, or to any logged-in user for their own account, by design.
const OPEN = new Set([
  'GET /healthz', 'GET /readyz', 'GET /api/v1/version', 'POST /api/v1/csp-reports',
  'POST /api/v1/privacy/check', 'POST /api/v1/auth/login', 'GET /api/v1/auth/session',
  // Reached from e-mailed links: the token is the credential.
  'GET /api/v1/invitations/{token}', 'POST /api/v1/invitations/{token}/accept',
  'POST /api/v1/password-resets', 'POST /api/v1/password-resets/{token}',
  // The OpenID Connect login round trip.
  'GET /api/v1/auth/oidc', 'GET /api/v1/auth/oidc/start', 'GET /api/v1/auth/oidc/callback',
  // The public face of the plan: axes and measures, status and progress, no comments.
  'GET /api/v1/public/plan',
]);
const SESSION_ONLY = new Set(['POST /api/v1/auth/logout', 'GET /api/v1/me']);

interface Caller {
  label: string;
  orgType: string;
  orgCode: string;
  role: string;
  platformAdmin: boolean;
  email: string;
  cookie: string;
  csrf: string;
}
interface Grant {
  action: string;
  org_type: string;
  role: string;
  platform_admin: boolean;
  relation: string;
}
interface RouteInfo {
  method: string;
  pattern: string;
  action: string | null;
  actions?: string[];
}

let vigie: Vigie;
let routes: RouteInfo[] = [];
let grants: Grant[] = [];
const callers: Caller[] = [];

const cli = (args: string[], input?: string) => {
  const r = spawnSync(vigieBin, [...args, '--db', vigie.dbUrl, '--data-dir', vigie.dataDir], { input });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
};

// `at`: the time whose TOTP code to use. A code opens one login only, so a second login in
// the same 30 seconds uses the next step's code (accepted: one step of drift).
async function login(email: string, secret: string, at = Date.now()): Promise<{ cookie: string; csrf: string }> {
  const r = await request(`${vigie.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, ...(secret ? { totp: totp(secret, at) } : {}) }),
  });
  expect(r.status, `login ${email}`).toBe(200);
  return { cookie: String(r.headers['set-cookie']).split(';')[0], csrf: r.json<{ csrf_token: string }>().csrf_token };
}

function allowed(c: Caller, route: RouteInfo, relation: string): boolean {
  const actions = route.actions ?? [];
  return grants.some(
    (g) =>
      actions.includes(g.action) &&
      g.relation === relation &&
      g.org_type === c.orgType &&
      g.role === c.role &&
      g.platform_admin === c.platformAdmin,
  );
}

// `passed`: statuses meaning the policy let the request through (input checks may still refuse it).
type Case = { relation: string; send: (c: Caller) => Promise<Reply>; check?: (c: Caller, r: Reply) => void; passed?: number[] };
const postOwn = (path: string, body: unknown) => (c: Caller) =>
  request(`${vigie.url}${path}`, {
    method: 'POST',
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const sendOwn = (method: string, path: string, body: unknown) => (c: Caller) =>
  request(`${vigie.url}${path}`, {
    method,
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const get = (path: string) => (c: Caller) => request(`${vigie.url}${path}`, { headers: { Cookie: c.cookie } });

// How to exercise each route as a given caller, and under which relation.
const CASES: Record<string, Case[]> = {
  'GET /api/v1/organisations': [{ relation: 'none', send: get('/api/v1/organisations') }],
  'GET /api/v1/me/sessions': [{ relation: 'own_organisation', send: get('/api/v1/me/sessions') }],
  'DELETE /api/v1/me/sessions/{id}': [
    {
      // One of the caller's own sessions (a second login made for the purpose).
      relation: 'own_organisation',
      send: async (c) => {
        if (!c.cookie) return request(`${vigie.url}/api/v1/me/sessions/0123456789abcdef`, { method: 'DELETE' });
        const spare = await login(c.email, secretOf(c), Date.now() + 30_000);
        const list = await request(`${vigie.url}/api/v1/me/sessions`, { headers: { Cookie: spare.cookie } });
        const id = list.json<{ sessions: { id: string; current: boolean }[] }>().sessions.find((s) => s.current)!.id;
        return request(`${vigie.url}/api/v1/me/sessions/${id}`, { method: 'DELETE', headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf } });
      },
    },
    {
      // Somebody else's session: the same 404 as a session that does not exist.
      relation: 'none',
      send: async (c) => {
        const other = callers.find((o) => o.email !== c.email)!;
        const list = await request(`${vigie.url}/api/v1/me/sessions`, { headers: { Cookie: other.cookie } });
        const id = list.json<{ sessions: { id: string }[] }>().sessions[0].id;
        return request(`${vigie.url}/api/v1/me/sessions/${id}`, { method: 'DELETE', headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf } });
      },
    },
  ],
  'POST /api/v1/invitations': [
    { relation: 'own_organisation', send: (c) => invite(c, '') },
    { relation: 'none', send: (c) => invite(c, c.orgCode === 'ORG-UNION' ? 'ORG-POLICE' : 'ORG-UNION') },
  ],
  'POST /api/v1/organisations': [
    { relation: 'none', send: (c) => postOwn('/api/v1/organisations', { code: `MX-${++created}`, name: 'Organisation du test', type: 'association' })(c) },
  ],
  'GET /api/v1/organisations/{code}/members': [
    { relation: 'own_organisation', send: (c) => get(`/api/v1/organisations/${c.orgCode}/members`)(c) },
    { relation: 'none', send: (c) => get(`/api/v1/organisations/${c.orgCode === 'ORG-UNION' ? 'ORG-POLICE' : 'ORG-UNION'}/members`)(c) },
  ],
  'POST /api/v1/users/{id}/disable': [
    { relation: 'own_organisation', send: (c) => postOwn(`/api/v1/users/${victimIn(c.orgCode)}/disable`, {})(c) },
    { relation: 'none', send: (c) => postOwn(`/api/v1/users/${victimIn(c.orgCode === 'ORG-UNION' ? 'ORG-POLICE' : 'ORG-UNION')}/disable`, {})(c) },
  ],
  'GET /api/v1/plan': [{ relation: 'none', send: get('/api/v1/plan') }],
  'GET /api/v1/measures/{code}': [{ relation: 'none', send: get('/api/v1/measures/A1.a') }],
  'GET /api/v1/plan/export.csv': [{ relation: 'none', send: get('/api/v1/plan/export.csv') }],
  'POST /api/v1/actions/{id}/updates': [
    // Action 1 is piloted by every matrix organisation (set up below); action 2 by none of them.
    { relation: 'own_organisation', send: (c) => postOwn('/api/v1/actions/1/updates', { status: 'in_progress', progress: 10, comment: '' })(c) },
    { relation: 'none', send: (c) => postOwn('/api/v1/actions/2/updates', { status: 'in_progress', progress: 10, comment: '' })(c) },
  ],
  'GET /api/v1/plan/export.xlsx': [{ relation: 'none', send: get('/api/v1/plan/export.xlsx') }],
  'POST /api/v1/axes/{code}/measures': [{ relation: 'none', send: (c) => postOwn('/api/v1/axes/A6/measures', { code: `MX${++created}`, title_fr: 'Mesure du test', pilots: [] })(c) }],
  'PATCH /api/v1/measures/{code}': [{ relation: 'none', send: sendOwn('PATCH', '/api/v1/measures/A1.b', { weight: 2 }) }],
  'POST /api/v1/measures/{code}/actions': [{ relation: 'none', send: postOwn('/api/v1/measures/A1.b/actions', { title: 'Action du test' }) }],
  'PATCH /api/v1/actions/{id}': [{ relation: 'none', send: sendOwn('PATCH', '/api/v1/actions/2', { weight: 1 }) }],
  'POST /api/v1/measures/{code}/indicators': [{ relation: 'none', send: postOwn('/api/v1/measures/A1.b/indicators', { name: 'Indicateur', unit: 'n', direction: 'up' }) }],
  'POST /api/v1/indicators/{id}/values': [
    // The first indicator is on action 1's measure (piloted by every matrix organisation), the
    // second on action 2's.
    { relation: 'own_organisation', send: (c) => postOwn(`/api/v1/indicators/${indicators[0]}/values`, { period: '2025', value: 1, source: 'Bilan annuel' })(c) },
    { relation: 'none', send: (c) => postOwn(`/api/v1/indicators/${indicators[1]}/values`, { period: '2025', value: 1, source: 'Bilan annuel' })(c) },
  ],
  'POST /api/v1/plan/import': [
    {
      relation: 'none',
      send: (c) =>
        request(`${vigie.url}/api/v1/plan/import`, {
          method: 'POST',
          headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'text/csv' },
          body: 'axis,measure,measure_title_fr,measure_title_en,measure_weight,retired,action_id,action_title,action_weight,pilots,partners,deadline,cost_eur,funding,official_text_url\r\n',
        }),
    },
  ],
  'GET /api/v1/campaigns': [{ relation: 'none', send: get('/api/v1/campaigns') }],
  'GET /api/v1/campaigns/{id}': [{ relation: 'none', send: (c) => get(`/api/v1/campaigns/${openCampaign()}`)(c) }],
  'GET /api/v1/campaigns/{id}/export.csv': [{ relation: 'none', send: (c) => get(`/api/v1/campaigns/${openCampaign()}/export.csv`)(c) }],
  'GET /api/v1/reporting/mine': [{ relation: 'none', send: get('/api/v1/reporting/mine') }],
  'POST /api/v1/campaigns': [{ relation: 'none', send: postOwn('/api/v1/campaigns', { label: 'Campagne du test', deadline: '2099-12-31', measures: ['A1.a'] }) }],
  'POST /api/v1/campaigns/{id}/close': [{ relation: 'none', send: (c) => request(`${vigie.url}/api/v1/campaigns/${openCampaign()}/close`, { method: 'POST', headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf } }) }],
  'POST /api/v1/updates': [
    { relation: 'own_organisation', send: postOwn('/api/v1/updates', { updates: [{ action_id: 1, status: 'in_progress', progress: 10, comment: '' }] }) },
    { relation: 'none', send: postOwn('/api/v1/updates', { updates: [{ action_id: 2, status: 'in_progress', progress: 10, comment: '' }] }) },
  ],
  'POST /api/v1/me/totp': [{ relation: 'own_organisation', send: postOwn('/api/v1/me/totp', {}) }],
  // A wrong code: allowed callers get 422 (or 409 when no set-up is waiting), others 403.
  'POST /api/v1/me/totp/confirm': [{ relation: 'own_organisation', send: postOwn('/api/v1/me/totp/confirm', { code: '000000' }), passed: [409, 422] }],
  'POST /api/v1/me/totp/disable': [{ relation: 'own_organisation', send: postOwn('/api/v1/me/totp/disable', { code: '000000' }), passed: [403, 422] }],
  'GET /api/v1/audit': [
    {
      relation: 'own_organisation',
      send: get('/api/v1/audit?limit=200'),
      check: (c, r) => {
        const body = r.json<{ scope: string; entries: { organisation: string }[] }>();
        // Canary: an organisation's admin never sees entries about another organisation.
        if (body.scope === 'own_organisation') for (const e of body.entries) expect(e.organisation).toBe(c.orgCode);
      },
    },
  ],
};

// A fresh open campaign, written straight into the table, so each cell closes an open one.
function openCampaign(): string {
  return execSql(
    vigie.dbUrl,
    `INSERT INTO plan_campaigns (label, deadline, scope_all, opened_at) VALUES ('Matrice', '2099-12-31', 1, '2026-01-01T00:00:00Z') RETURNING id`,
  )
    .trim()
    .split('\n')[0];
}
const indicators: string[] = [];

let invitations = 0;
let created = 0;
// A fresh member of `org` to be disabled, so each cell acts on an enabled account.
let victims = 0;
// Written straight into the table: it never logs in, and hashing a password per cell would
// make the matrix slow under the sanitizers.
function victimIn(org: string): string {
  const email = `victime${++victims}@matrix.test`;
  return execSql(
    vigie.dbUrl,
    `INSERT INTO users (email, display_name, organisation_id, role, platform_admin, password_hash, created_at) ` +
      `VALUES ('${email}', 'Victime', (SELECT id FROM organisations WHERE code = '${org}'), 'viewer', 0, '-', '2026-01-01T00:00:00Z') RETURNING id`,
  )
    .trim()
    .split('\n')[0];
}
const invite = (c: Caller, org: string) =>
  request(`${vigie.url}/api/v1/invitations`, {
    method: 'POST',
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: `invite${++invitations}@matrix.test`, role: 'viewer', ...(org ? { org } : {}) }),
  });

const secrets = new Map<string, string>();
const secretOf = (c: Caller) => secrets.get(c.email) ?? '';

beforeAll(async () => {
  vigie = await startVigie();
  for (const type of ORG_TYPES) {
    const code = `ORG-${type.toUpperCase().replace('_', '-')}`;
    expect(cli(['org', 'add', '--code', code, '--name', `Organisation ${type}`, '--type', type]).code).toBe(0);
    for (const role of ROLES) {
      const email = `${role}@${type}.test`.replace('_', '-');
      const r = cli(['user', 'add', '--email', email, '--org', code, '--role', role, '--password-stdin'], PASSWORD);
      expect(r.code, r.stderr).toBe(0);
      const m = /TOTP secret \(shown once\): ([A-Z2-7]+)/.exec(r.stdout);
      if (m) secrets.set(email, m[1]);
      callers.push({ label: `${type}/${role}`, orgType: type, orgCode: code, role, platformAdmin: false, email, cookie: '', csrf: '' });
    }
  }
  const admin = cli(['user', 'add', '--email', 'admin@platform.test', '--org', 'ORG-ASSOCIATION', '--role', 'viewer', '--platform-admin', '--password-stdin'], PASSWORD);
  secrets.set('admin@platform.test', /TOTP secret \(shown once\): ([A-Z2-7]+)/.exec(admin.stdout)![1]);
  callers.push({ label: 'platform admin', orgType: 'association', orgCode: 'ORG-ASSOCIATION', role: 'viewer', platformAdmin: true, email: 'admin@platform.test', cookie: '', csrf: '' });
  for (const c of callers) Object.assign(c, await login(c.email, secretOf(c)));
  for (const type of ORG_TYPES)
    execSql(vigie.dbUrl, `INSERT INTO plan_action_pilots (action_id, org_code) VALUES (1, 'ORG-${type.toUpperCase().replace('_', '-')}')`);
  for (const action of [1, 2])
    indicators.push(
      execSql(
        vigie.dbUrl,
        `INSERT INTO plan_indicators (measure_id, name, unit, direction, created_at) VALUES ((SELECT measure_id FROM plan_actions WHERE id = ${action}), 'Indicateur', 'n', 'up', '2026-01-01T00:00:00Z') RETURNING id`,
      )
        .trim()
        .split('\n')[0],
    );
  const inventory = JSON.parse(runVigie(['routes', '--db', vigie.dbUrl, '--data-dir', vigie.dataDir]).stdout);
  routes = inventory.routes;
  grants = inventory.grants;
}, 120000);
afterAll(async () => {
  await vigie?.stop();
});

describe('the route inventory', () => {
  it('has a policy action, or is deliberately open, for every route', () => {
    const unclassified = routes
      .map((r) => `${r.method} ${r.pattern}`)
      .filter((k, i) => routes[i].action === null && !OPEN.has(k) && !SESSION_ONLY.has(k));
    expect(unclassified).toEqual([]);
  });

  it('has a request builder here for every route with an action', () => {
    const missing = routes.filter((r) => r.action !== null && !CASES[`${r.method} ${r.pattern}`]).map((r) => `${r.method} ${r.pattern}`);
    expect(missing).toEqual([]);
  });
});

describe('every route × every caller × relation', () => {
  it('answers exactly what the policy table says', async () => {
    const failures: string[] = [];
    let cells = 0;
    let denied = 0;
    for (const route of routes.filter((r) => r.action !== null)) {
      const key = `${route.method} ${route.pattern}`;
      for (const kase of CASES[key]) {
        const anonymous = await kase.send({ ...callers[0], cookie: '', csrf: '' });
        if (anonymous.status !== 401 && anonymous.status !== 403) failures.push(`${key} anonymous → ${anonymous.status}`);
        for (const c of callers) {
          cells++;
          const want = allowed(c, route, kase.relation);
          denied += want ? 0 : 1;
          const r = await kase.send(c);
          const passed = (r.status >= 200 && r.status < 300) || (kase.passed ?? []).includes(r.status);
          const ok = want ? passed : r.status === 403 || r.status === 404;
          if (!ok) failures.push(`${key} [${kase.relation}] as ${c.label}: expected ${want ? '2xx' : '403/404'}, got ${r.status}`);
          if (ok && want && kase.check) kase.check(c, r);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThanOrEqual(5 * 33);
    expect(denied).toBeGreaterThan(33);  // the table does refuse: not a matrix of yeses
  }, 180_000);
});
