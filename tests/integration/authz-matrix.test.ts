// The authorisation matrix (SECURITY.md T10): every route that `vigie routes` lists × every kind
// of caller (8 organisation types × 4 roles, and the platform-admin capability) × relation,
// against the real server. What each caller must get comes from a table written here in the
// product brief's words (who reads, reports, edits, manages accounts), never from the server's
// policy: an allowed caller must get a success, a refused one exactly its refusal status (403,
// or 404 where the caller may not know the thing exists). A route missing from this file's
// request builders fails the test.
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
interface RouteInfo {
  method: string;
  pattern: string;
  action: string | null;
  actions?: string[];
}

let vigie: Vigie;
let routes: RouteInfo[] = [];
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

// What the product says each caller may do, written from ../shared/brief/PRODUCT.md ("Users and
// what they do", "Access and confidentiality"), the security brief and the README, never from
// the server's policy: a cell expects either a success or exactly the refusal status.
type Expected = 'allowed' | 403 | 404;
const refusedWith = (status: 403 | 404) => (yes: boolean): Expected => (yes ? 'allowed' : status);
const referentOrAdmin = (c: Caller) => c.role === 'referent' || c.role === 'org_admin';
const coordination = (c: Caller) => c.orgType === 'coordination';
const who = {
  // "committee member (any org) | reads the shared picture"; "platform admins manage accounts
  // but read no content".
  readsThePlan: (c: Caller) => !c.platformAdmin,
  // "ministry pilot of a measure | reports status, progress and indicator values of its
  // actions"; README: "Pilots (referents and admins of a pilot organisation) report on their
  // actions". The coordination, which "keeps the plan's referential", on any action.
  reportsOn: (c: Caller, piloted: boolean) => !c.platformAdmin && referentOrAdmin(c) && (piloted || coordination(c)),
  // "MIPROF coordinator | keeps the plan's referential, opens reporting campaigns"; README: "The
  // coordination edits the referential", "The coordination opens reporting campaigns".
  keepsTheReferential: (c: Caller) => !c.platformAdmin && coordination(c) && referentOrAdmin(c),
  // "platform admins manage accounts"; "users have a role in their organisation (viewer,
  // contributor, referent, org admin)": org admins manage their own organisation's accounts.
  managesAccountsOf: (c: Caller, own: boolean) => c.platformAdmin || (own && c.role === 'org_admin'),
  // Org admins see their own members; the coordination, which "takes [saisines] up with the
  // prefecture or parquet", reaches every organisation's members; platform admins manage them.
  seesMembersOf: (c: Caller, own: boolean) =>
    c.platformAdmin || (own && c.role === 'org_admin') || (coordination(c) && referentOrAdmin(c)),
  // The committee "is run by the national coordinator, the MIPROF": its admins and the platform
  // admins admit organisations.
  createsOrganisations: (c: Caller) => c.platformAdmin || (coordination(c) && c.role === 'org_admin'),
  // Every write is in the audit log; the coordination's referents and admins and the platform
  // admins read all of it, each organisation's admins what concerns their organisation.
  readsTheAudit: (c: Caller) => c.platformAdmin || c.role === 'org_admin' || (coordination(c) && referentOrAdmin(c)),
  // PRODUCT.md, Diagnostics: "any member organisation publishes an assessment"; a viewer reads.
  writesDiagnostics: (c: Caller) => !c.platformAdmin && c.role !== 'viewer',
  // "Diagnostics: draft visible to its organisation; once published, to all committee members
  // (or to the coordinator only, if so marked)".
  readsDiagnostic: (c: Caller, d: 'published' | 'draft' | 'coordination', authorOrg: string) =>
    !c.platformAdmin &&
    (d === 'published' || c.orgCode === authorOrg || (d === 'coordination' && coordination(c))),
  // "ministry pilot of a measure | … answers field diagnostics"; "right of reply for the pilot".
  repliesTo: (c: Caller, piloted: boolean) => !c.platformAdmin && referentOrAdmin(c) && piloted,
  // Issue 14: "any organisation (usually an association) files a saisine"; a viewer reads.
  filesSaisines: (c: Caller) => !c.platformAdmin && c.role !== 'viewer',
  // Issue 14: "the filing organisation and the coordinator see everything; the addressed
  // authority sees the saisine only once referred …; everyone else sees only controlled
  // aggregate figures. Another prefecture, or the same prefecture before referral, gets 404".
  seesSaisine: (c: Caller, relation: 'filer' | 'authority' | 'neither') => !c.platformAdmin && (relation !== 'neither' || coordination(c)),
  // Issue 14: the coordinator asks for more, accepts, refers with a summary, marks the outcome;
  // "two threads of messages (filer ⇄ coordinator, coordinator ⇄ authority)".
  coordinatesSaisines: (c: Caller) => !c.platformAdmin && coordination(c) && referentOrAdmin(c),
  // Issue 14: "answered (by the authority)"; a viewer reads.
  answersSaisines: (c: Caller) => !c.platformAdmin && c.role !== 'viewer',
  // docs/SECURITY.md: "TOTP (RFC 6238) required for coordination, prefecture, parquet, police,
  // platform admins; offered to all".
  // PRODUCT.md: "association / union / independent body | ... records anonymised victim profiles
  // and field signals"; a viewer reads.
  reportsFromTheField: (c: Caller) => !c.platformAdmin && FIELD_REPORTERS.includes(c.orgType) && c.role !== 'viewer',
  // "Victim-profile records and signals: visible to the authoring organisation and the
  // coordinator; everyone else sees only aggregates after disclosure control".
  readsFieldRecords: (c: Caller) => !c.platformAdmin && (FIELD_REPORTERS.includes(c.orgType) || coordination(c)),
  // Issue 13: "the owning organisation sees those reads in its own view".
  seesWhoReadItsRecords: (c: Caller) => !c.platformAdmin && FIELD_REPORTERS.includes(c.orgType),
  // Issue 13: "the coordinator freezes a release now"; "new → acknowledged by the coordinator →
  // shared …".
  runsTheFieldWorkflow: (c: Caller) => !c.platformAdmin && coordination(c) && referentOrAdmin(c),
  mustKeepASecondFactor: (c: Caller) => c.platformAdmin || ['coordination', 'prefecture', 'parquet', 'police'].includes(c.orgType),
};
const everybody = () => 'allowed' as const;
const FIELD_REPORTERS = ['association', 'union', 'independent_body'];

// `expect`: the answer each caller must get. Inputs are valid, so an allowed caller gets a 2xx.
type Case = { relation: string; send: (c: Caller) => Promise<Reply>; expect: (c: Caller) => Expected; check?: (c: Caller, r: Reply) => void };
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
const other = (c: Caller) => (c.orgCode === 'ORG-UNION' ? 'ORG-POLICE' : 'ORG-UNION');

// Sets up a second factor for the caller (the set-up, then its confirmation with a right code)
// and remembers the new secret for their next logins. Returns the first reply that is not 200.
async function enrolSecondFactor(c: Caller): Promise<Reply> {
  const begin = await postOwn('/api/v1/me/totp', {})(c);
  if (begin.status !== 200) return begin;
  const secret = begin.json<{ secret: string }>().secret;
  const confirmed = await postOwn('/api/v1/me/totp/confirm', { code: totp(secret) })(c);
  if (confirmed.status === 200) secrets.set(c.email, secret);
  return confirmed;
}

// How to exercise each route as a given caller, under which relation, and what must come back.
const readPlan = (path: string | (() => string), refusal: 403 | 404 = 403): Case[] => [
  { relation: 'none', send: (c) => get(typeof path === 'string' ? path : path())(c), expect: (c) => refusedWith(refusal)(who.readsThePlan(c)) },
];
const editReferential = (send: (c: Caller) => Promise<Reply>): Case[] => [
  { relation: 'none', send, expect: (c) => refusedWith(403)(who.keepsTheReferential(c)) },
];
// A diagnostic the caller may not see: the same 404 as none; one it sees but may not act on: 403.
const diagnosticRefusal = (c: Caller, d: 'published' | 'draft' | 'coordination', author: string): 403 | 404 =>
  who.readsDiagnostic(c, d, author) ? 403 : 404;
const readDiagnostics = (path: string): Case[] => [
  { relation: 'none', send: get(path), expect: (c) => refusedWith(403)(who.readsThePlan(c)) },
];
// Saisines, made through the API (their texts are sealed: no SQL can write them): filed by
// `filer`, addressed to `authority`, taken as far as `upTo` by the matrix's coordinator.
const AUTHORITY_TYPES = ['prefecture', 'parquet', 'police', 'ministry'];
const isAuthority = (c: Caller) => AUTHORITY_TYPES.includes(c.orgType) && !c.platformAdmin;
const contributorOf = (org: string) => callers.find((o) => o.orgCode === org && o.role === 'contributor' && !o.platformAdmin)!;
const saisineCoordinator = () => callers.find((o) => o.orgType === 'coordination' && o.role === 'referent')!;
let fieldFiler: Caller; // a contributor of ORG-FIELD, outside the matrix's callers
const saisines = new Map<string, string>();
async function saisineBy(filer: Caller, authority: string, upTo: 'draft' | 'submitted' | 'referred', fresh = false): Promise<string> {
  const key = `${filer.email}/${authority}/${upTo}`;
  if (!fresh && saisines.has(key)) return saisines.get(key)!;
  const filed = await postOwn('/api/v1/saisines', { title: 'Saisine de la matrice', category: 'other', authority, departement: '93', persons: 1, facts: 'Des faits datés.' })(filer);
  expect(filed.status, filed.body).toBe(201);
  const id = String(filed.json<{ id: number }>().id);
  const step = async (who: Caller, body: unknown) => expect((await postOwn(`/api/v1/saisines/${id}/transitions`, body)(who)).status).toBe(200);
  if (upTo !== 'draft') await step(filer, { to: 'submitted' });
  if (upTo === 'referred') {
    await step(saisineCoordinator(), { to: 'accepted' });
    await step(saisineCoordinator(), { to: 'referred', summary: 'Résumé de la coordination.' });
  }
  saisines.set(key, id);
  return id;
}
// A small PDF sent as multipart/form-data, as the attachment form sends it.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const BOUNDARY = 'matrix-boundary';
const PDF_FORM = Buffer.concat([
  Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="piece.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
  PDF,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);
const attachAs = (path: string) => (c: Caller) =>
  request(`${vigie.url}${path}`, {
    method: 'POST',
    headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: PDF_FORM,
  });
// A file attached by the saisine's filer, once per saisine.
const attachmentsOf = new Map<string, string>();
async function attachmentOn(filer: Caller, saisine: string): Promise<string> {
  if (!attachmentsOf.has(saisine)) {
    const r = await attachAs(`/api/v1/saisines/${saisine}/attachments`)(filer);
    expect(r.status, r.body).toBe(201);
    attachmentsOf.set(saisine, String(r.json<{ id: number }>().id));
  }
  return attachmentsOf.get(saisine)!;
}
// The caller's own organisation's filer (a platform admin's: its organisation's contributor).
const ownFiler = (c: Caller) => contributorOf(c.orgCode);
// Referred to the caller's organisation when it is an authority; else to ORG-PREFECTURE.
const addressedTo = (c: Caller) => (isAuthority(c) ? c.orgCode : 'ORG-PREFECTURE');
const addressedRelation = (c: Caller) => (isAuthority(c) ? 'authority' : 'neither') as 'authority' | 'neither';
// Seen but not the caller's to act on: 403; not seen: 404.
const saisineRefusal = (c: Caller, relation: 'filer' | 'authority' | 'neither'): 403 | 404 => (who.seesSaisine(c, relation) ? 403 : 404);

const CASES: Record<string, Case[]> = {
  'POST /api/v1/saisines': [
    { relation: 'none', send: postOwn('/api/v1/saisines', { title: 'Saisine du test', category: 'shelter' }), expect: (c) => refusedWith(403)(who.filesSaisines(c)) },
  ],
  'GET /api/v1/saisines': [{ relation: 'none', send: get('/api/v1/saisines'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  'GET /api/v1/saisines/stats': [{ relation: 'none', send: get('/api/v1/saisines/stats'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  // One's own notifications: whoever may read the list (saisine.list).
  'GET /api/v1/saisines/notifications': [{ relation: 'none', send: get('/api/v1/saisines/notifications'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  'POST /api/v1/saisines/notifications/read': [
    { relation: 'none', send: postOwn('/api/v1/saisines/notifications/read', {}), expect: (c) => refusedWith(403)(who.readsThePlan(c)) },
  ],
  'GET /api/v1/saisines/{id}': [
    { relation: 'own_organisation', send: async (c) => get(`/api/v1/saisines/${await saisineBy(ownFiler(c), 'ORG-PREFECTURE', 'submitted')}`)(c), expect: (c) => refusedWith(404)(who.seesSaisine(c, 'filer')) },
    { relation: 'addressed_to_me', send: async (c) => get(`/api/v1/saisines/${await saisineBy(fieldFiler, addressedTo(c), 'referred')}`)(c), expect: (c) => refusedWith(404)(who.seesSaisine(c, addressedRelation(c))) },
    // Addressed to ORG-PREFECTURE but not yet referred: the prefecture does not know it either.
    { relation: 'none', send: async (c) => get(`/api/v1/saisines/${await saisineBy(fieldFiler, 'ORG-PREFECTURE', 'submitted')}`)(c), expect: (c) => refusedWith(404)(who.seesSaisine(c, 'neither')) },
  ],
  'PATCH /api/v1/saisines/{id}': [
    { relation: 'own_organisation', send: async (c) => sendOwn('PATCH', `/api/v1/saisines/${await saisineBy(ownFiler(c), 'ORG-PREFECTURE', 'draft')}`, { persons: 2 })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.filesSaisines(c))) },
    { relation: 'none', send: async (c) => sendOwn('PATCH', `/api/v1/saisines/${await saisineBy(fieldFiler, 'ORG-PREFECTURE', 'submitted')}`, { persons: 2 })(c), expect: (c) => saisineRefusal(c, 'neither') },
  ],
  'POST /api/v1/saisines/{id}/transitions': [
    { relation: 'own_organisation', send: async (c) => postOwn(`/api/v1/saisines/${await saisineBy(ownFiler(c), 'ORG-PREFECTURE', 'draft', true)}/transitions`, { to: 'submitted' })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.filesSaisines(c))) },
    { relation: 'addressed_to_me', send: async (c) => postOwn(`/api/v1/saisines/${await saisineBy(fieldFiler, addressedTo(c), 'referred', true)}/transitions`, { to: 'answered', message: 'Réponse de l’autorité.' })(c), expect: (c) => (isAuthority(c) ? refusedWith(403)(who.answersSaisines(c)) : saisineRefusal(c, 'neither')) },
    { relation: 'none', send: async (c) => postOwn(`/api/v1/saisines/${await saisineBy(fieldFiler, 'ORG-PREFECTURE', 'submitted', true)}/transitions`, { to: 'accepted' })(c), expect: (c) => (who.coordinatesSaisines(c) ? 'allowed' : saisineRefusal(c, 'neither')) },
  ],
  'POST /api/v1/saisines/{id}/attachments': [
    { relation: 'own_organisation', send: async (c) => attachAs(`/api/v1/saisines/${await saisineBy(ownFiler(c), 'ORG-PREFECTURE', 'submitted')}/attachments`)(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.filesSaisines(c))) },
    // Issue 14: the authority reads the summary and the shared parts, it adds no file.
    { relation: 'addressed_to_me', send: async (c) => attachAs(`/api/v1/saisines/${await saisineBy(fieldFiler, addressedTo(c), 'referred')}/attachments`)(c), expect: (c) => (isAuthority(c) ? 403 : who.coordinatesSaisines(c) ? 'allowed' : saisineRefusal(c, 'neither')) },
    { relation: 'none', send: async (c) => attachAs(`/api/v1/saisines/${await saisineBy(fieldFiler, 'ORG-PREFECTURE', 'submitted')}/attachments`)(c), expect: (c) => (who.coordinatesSaisines(c) ? 'allowed' : saisineRefusal(c, 'neither')) },
  ],
  'GET /api/v1/saisines/{id}/attachments/{attachment}': [
    {
      relation: 'own_organisation',
      send: async (c) => {
        const id = await saisineBy(ownFiler(c), 'ORG-PREFECTURE', 'submitted');
        return get(`/api/v1/saisines/${id}/attachments/${await attachmentOn(ownFiler(c), id)}`)(c);
      },
      expect: (c) => refusedWith(404)(who.seesSaisine(c, 'filer')),
    },
    {
      // Referred to the caller's organisation: still not the authority's to read.
      relation: 'addressed_to_me',
      send: async (c) => {
        const id = await saisineBy(fieldFiler, addressedTo(c), 'referred');
        return get(`/api/v1/saisines/${id}/attachments/${await attachmentOn(fieldFiler, id)}`)(c);
      },
      expect: (c) => (isAuthority(c) ? 404 : refusedWith(404)(who.seesSaisine(c, 'neither'))),
    },
    {
      relation: 'none',
      send: async (c) => {
        const id = await saisineBy(fieldFiler, 'ORG-PREFECTURE', 'submitted');
        return get(`/api/v1/saisines/${id}/attachments/${await attachmentOn(fieldFiler, id)}`)(c);
      },
      expect: (c) => refusedWith(404)(who.seesSaisine(c, 'neither')),
    },
  ],
  'POST /api/v1/saisines/{id}/messages': [
    { relation: 'own_organisation', send: async (c) => postOwn(`/api/v1/saisines/${await saisineBy(ownFiler(c), 'ORG-PREFECTURE', 'submitted')}/messages`, { thread: 'filer', text: 'Une précision.' })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.filesSaisines(c))) },
    { relation: 'addressed_to_me', send: async (c) => postOwn(`/api/v1/saisines/${await saisineBy(fieldFiler, addressedTo(c), 'referred')}/messages`, { thread: 'authority', text: 'Une précision.' })(c), expect: (c) => (isAuthority(c) ? refusedWith(403)(who.answersSaisines(c)) : who.coordinatesSaisines(c) ? 'allowed' : saisineRefusal(c, 'neither')) },
    { relation: 'none', send: async (c) => postOwn(`/api/v1/saisines/${await saisineBy(fieldFiler, 'ORG-PREFECTURE', 'submitted')}/messages`, { thread: 'filer', text: 'Une précision.' })(c), expect: (c) => (who.coordinatesSaisines(c) ? 'allowed' : saisineRefusal(c, 'neither')) },
  ],
  'POST /api/v1/diagnostics': [
    {
      relation: 'none',
      send: postOwn('/api/v1/diagnostics', { measure: 'A1.a', territory: '93', period: '2026', rating: 'weak', visibility: 'committee' }),
      expect: (c) => refusedWith(403)(who.writesDiagnostics(c)),
    },
  ],
  'GET /api/v1/diagnostics': readDiagnostics('/api/v1/diagnostics'),
  'GET /api/v1/diagnostics/{id}': [
    { relation: 'none', send: (c) => get(`/api/v1/diagnostics/${fieldDiagnostic('published', 1)}`)(c), expect: (c) => refusedWith(404)(who.readsDiagnostic(c, 'published', 'ORG-FIELD')) },
    { relation: 'own_organisation', send: (c) => get(`/api/v1/diagnostics/${diagnosticOf('ORG-ASSOCIATION', 'association', 'draft', 'committee', 1)}`)(c), expect: (c) => refusedWith(404)(who.readsDiagnostic(c, 'draft', 'ORG-ASSOCIATION')) },
    { relation: 'own_organisation', send: (c) => get(`/api/v1/diagnostics/${diagnosticOf('ORG-ASSOCIATION', 'association', 'published', 'coordination', 1)}`)(c), expect: (c) => refusedWith(404)(who.readsDiagnostic(c, 'coordination', 'ORG-ASSOCIATION')) },
  ],
  'PATCH /api/v1/diagnostics/{id}': [
    // The caller's organisation's own draft.
    { relation: 'own_organisation', send: (c) => sendOwn('PATCH', `/api/v1/diagnostics/${diagnosticOf(c.orgCode, c.orgType, 'draft', 'committee', 1)}`, { rating: 'partial' })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.writesDiagnostics(c))) },
    // Another organisation's published diagnostic.
    { relation: 'none', send: (c) => sendOwn('PATCH', `/api/v1/diagnostics/${fieldDiagnostic('published', 1)}`, { rating: 'partial' })(c), expect: (c) => diagnosticRefusal(c, 'published', 'ORG-FIELD') },
  ],
  'POST /api/v1/diagnostics/{id}/publish': [
    { relation: 'own_organisation', send: (c) => postOwn(`/api/v1/diagnostics/${diagnosticOf(c.orgCode, c.orgType, 'draft', 'committee', 1)}/publish`, {})(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.writesDiagnostics(c))) },
    { relation: 'none', send: (c) => postOwn(`/api/v1/diagnostics/${fieldDiagnostic('draft', 1)}/publish`, {})(c), expect: (c) => 404 },
  ],
  'POST /api/v1/diagnostics/{id}/reply': [
    // On a measure that every matrix organisation pilots (action 1's), and on one none pilots.
    { relation: 'pilot', send: (c) => postOwn(`/api/v1/diagnostics/${fieldDiagnostic('published', 1)}/reply`, { text: 'Réponse du pilote.' })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.repliesTo(c, true))) },
    { relation: 'none', send: (c) => postOwn(`/api/v1/diagnostics/${fieldDiagnostic('published', 2)}/reply`, { text: 'Réponse du pilote.' })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.repliesTo(c, false))) },
  ],
  'POST /api/v1/diagnostics/{id}/comments': [
    { relation: 'none', send: (c) => postOwn(`/api/v1/diagnostics/${fieldDiagnostic('published', 2)}/comments`, { text: 'Un commentaire.' })(c), expect: (c) => (c.platformAdmin ? 404 : refusedWith(403)(who.writesDiagnostics(c))) },
  ],
  'GET /api/v1/diagnostics/notifications': readDiagnostics('/api/v1/diagnostics/notifications'),
  'POST /api/v1/diagnostics/notifications/read': [
    { relation: 'none', send: postOwn('/api/v1/diagnostics/notifications/read', {}), expect: (c) => refusedWith(403)(who.readsThePlan(c)) },
  ],
  'POST /api/v1/diagnostic-calls': editReferential(postOwn('/api/v1/diagnostic-calls', { label: 'Appel du test', deadline: '2099-12-31', measures: ['A1.a'], org_types: ['union'] })),
  'GET /api/v1/diagnostic-calls': readDiagnostics('/api/v1/diagnostic-calls'),
  'GET /api/v1/diagnostic-calls/{id}': [
    { relation: 'none', send: (c) => get(`/api/v1/diagnostic-calls/${openCall()}`)(c), expect: (c) => refusedWith(404)(who.readsThePlan(c)) },
  ],
  'POST /api/v1/diagnostic-calls/{id}/close': editReferential((c) => postOwn(`/api/v1/diagnostic-calls/${openCall()}/close`, {})(c)),
  'GET /api/v1/measures/{code}/field-view': readDiagnostics('/api/v1/measures/A1.a/field-view'),
  'GET /api/v1/divergence': readDiagnostics('/api/v1/divergence'),
  'GET /api/v1/divergence.csv': readDiagnostics('/api/v1/divergence.csv'),
  'GET /api/v1/divergence.xlsx': readDiagnostics('/api/v1/divergence.xlsx'),
  // Field data (issue 13).
  'POST /api/v1/field/records': [
    {
      relation: 'none',
      send: postOwn('/api/v1/field/records', { contact_year: 2025, contact_month: 3, departement: '93', forms: ['EXP_SEX'], sex: 'female', age_band: '18-24', minor_at_contact: false }),
      expect: (c) => refusedWith(403)(who.reportsFromTheField(c)),
    },
  ],
  'GET /api/v1/field/records': [
    {
      relation: 'own_organisation',
      send: get('/api/v1/field/records'),
      expect: (c) => refusedWith(403)(who.readsFieldRecords(c)),
      check: (c, r) => {
        // Canary: an organisation other than the coordinator sees its own records only.
        if (!coordination(c)) for (const rec of r.json<{ records: { organisation: string }[] }>().records) expect(rec.organisation).toBe(c.orgCode);
      },
    },
  ],
  'GET /api/v1/field/reads': [{ relation: 'own_organisation', send: get('/api/v1/field/reads'), expect: (c) => refusedWith(403)(who.seesWhoReadItsRecords(c)) }],
  'GET /api/v1/field/import/template.csv': [{ relation: 'none', send: get('/api/v1/field/import/template.csv'), expect: (c) => refusedWith(403)(who.reportsFromTheField(c)) }],
  'GET /api/v1/field/import/template.xlsx': [{ relation: 'none', send: get('/api/v1/field/import/template.xlsx'), expect: (c) => refusedWith(403)(who.reportsFromTheField(c)) }],
  'POST /api/v1/field/import': [
    {
      relation: 'none',
      send: (c) =>
        request(`${vigie.url}/api/v1/field/import?check=1`, {
          method: 'POST',
          headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'text/csv' },
          body:
            'contact_year,contact_month,departement,forms,exploitation_departement,exploitation_country,sector,sex,age_band,minor_at_contact,minor_at_exploitation,nationality,ilo_indicators,means_of_control,recruitment,victim_status,support,operation,note\r\n' +
            '2025,3,93,EXP_SEX,,,,female,18-24,false,,,,,,,,,\r\n',
        }),
      expect: (c) => refusedWith(403)(who.reportsFromTheField(c)),
    },
  ],
  'POST /api/v1/field/releases': [{ relation: 'none', send: postOwn('/api/v1/field/releases', {}), expect: (c) => refusedWith(403)(who.runsTheFieldWorkflow(c)) }],
  'GET /api/v1/field/stats': [
    {
      relation: 'own_organisation',
      send: get('/api/v1/field/stats?dims=departement'),
      expect: (c) => refusedWith(403)(who.readsThePlan(c)),
      check: (c, r) => {
        // Canary: no cell under 11 reaches anyone but the coordinator.
        if (!coordination(c)) for (const cell of r.json<{ cells: { value: number | null }[] }>().cells) expect(cell.value === null || cell.value === 0 || cell.value >= 11).toBe(true);
      },
    },
  ],
  'GET /api/v1/field/stats.csv': [{ relation: 'own_organisation', send: get('/api/v1/field/stats.csv?dims=sex'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  'GET /api/v1/field/codes': [{ relation: 'own_organisation', send: get('/api/v1/field/codes'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  'POST /api/v1/field/signals': [
    {
      relation: 'none',
      send: postOwn('/api/v1/field/signals', { week: '2026-W10', territory: '93', forms: ['EXP_SEX'], kind: 'place', severity: 'info', description: 'Un nouveau lieu de racolage près de la gare.' }),
      expect: (c) => refusedWith(403)(who.reportsFromTheField(c)),
    },
  ],
  // Every member reads the signals of its own organisation and those shared with it.
  'GET /api/v1/field/signals': [{ relation: 'own_organisation', send: get('/api/v1/field/signals'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  // Alerts count every organisation's profiles exactly: the coordinator's alone.
  'GET /api/v1/field/alerts': [{ relation: 'none', send: get('/api/v1/field/alerts'), expect: (c) => refusedWith(403)(!c.platformAdmin && coordination(c)) }],
  'GET /api/v1/field/notifications': [{ relation: 'own_organisation', send: get('/api/v1/field/notifications'), expect: (c) => refusedWith(403)(who.readsThePlan(c)) }],
  'POST /api/v1/field/signals/{id}/transitions': [
    // A new signal of another association: not shared, so whoever may not move it is not told it exists.
    { relation: 'none', send: (c) => postOwn(`/api/v1/field/signals/${newSignal()}/transitions`, { to: 'acknowledged' })(c), expect: (c) => refusedWith(404)(who.runsTheFieldWorkflow(c)) },
  ],
  'GET /api/v1/organisations': [{ relation: 'none', send: get('/api/v1/organisations'), expect: everybody }],
  'GET /api/v1/me/sessions': [{ relation: 'own_organisation', send: get('/api/v1/me/sessions'), expect: everybody }],
  'PUT /api/v1/me/language': [
    {
      relation: 'own_organisation',
      send: sendOwn('PUT', '/api/v1/me/language', { language: 'fr' }),
      expect: everybody,
    },
  ],
  'GET /api/v1/me/previous-visit': [{ relation: 'own_organisation', send: get('/api/v1/me/previous-visit'), expect: everybody }],
  'POST /api/v1/me/password': [
    {
      // Everybody changes their own password (and this puts it back, for the next cases).
      relation: 'own_organisation',
      send: async (c) => {
        const r = await postOwn('/api/v1/me/password', { current_password: PASSWORD, password: `${PASSWORD} (changé)` })(c);
        if (r.status === 204) {
          const back = await postOwn('/api/v1/me/password', { current_password: `${PASSWORD} (changé)`, password: PASSWORD })(c);
          if (back.status !== 204) throw new Error(`could not put ${c.label}'s password back: ${back.status}`);
        }
        return r;
      },
      expect: everybody,
    },
  ],
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
      expect: everybody,
    },
    {
      // Somebody else's session: the same 404 as a session that does not exist.
      relation: 'none',
      send: async (c) => {
        const someoneElse = callers.find((o) => o.email !== c.email)!;
        const list = await request(`${vigie.url}/api/v1/me/sessions`, { headers: { Cookie: someoneElse.cookie } });
        const id = list.json<{ sessions: { id: string }[] }>().sessions[0].id;
        return request(`${vigie.url}/api/v1/me/sessions/${id}`, { method: 'DELETE', headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf } });
      },
      expect: () => 404,
    },
  ],
  'POST /api/v1/invitations': [
    { relation: 'own_organisation', send: (c) => invite(c, ''), expect: (c) => refusedWith(403)(who.managesAccountsOf(c, true)) },
    { relation: 'none', send: (c) => invite(c, other(c)), expect: (c) => refusedWith(403)(who.managesAccountsOf(c, false)) },
  ],
  'POST /api/v1/organisations': [
    {
      relation: 'none',
      send: (c) => postOwn('/api/v1/organisations', { code: `MX-${++created}`, name: 'Organisation du test', type: 'association' })(c),
      expect: (c) => refusedWith(403)(who.createsOrganisations(c)),
    },
  ],
  'GET /api/v1/organisations/{code}/members': [
    // Every organisation is in the committee directory: a refusal does not hide that it exists.
    { relation: 'own_organisation', send: (c) => get(`/api/v1/organisations/${c.orgCode}/members`)(c), expect: (c) => refusedWith(403)(who.seesMembersOf(c, true)) },
    { relation: 'none', send: (c) => get(`/api/v1/organisations/${other(c)}/members`)(c), expect: (c) => refusedWith(403)(who.seesMembersOf(c, false)) },
  ],
  'POST /api/v1/users/{id}/disable': [
    // Somebody the caller may not manage: the same 404 as nobody.
    { relation: 'own_organisation', send: (c) => postOwn(`/api/v1/users/${victimIn(c.orgCode)}/disable`, {})(c), expect: (c) => refusedWith(404)(who.managesAccountsOf(c, true)) },
    { relation: 'none', send: (c) => postOwn(`/api/v1/users/${victimIn(other(c))}/disable`, {})(c), expect: (c) => refusedWith(404)(who.managesAccountsOf(c, false)) },
  ],
  'GET /api/v1/plan': readPlan('/api/v1/plan'),
  'GET /api/v1/measures/{code}': readPlan('/api/v1/measures/A1.a'),
  'GET /api/v1/plan/export.csv': readPlan('/api/v1/plan/export.csv'),
  'GET /api/v1/plan/export.xlsx': readPlan('/api/v1/plan/export.xlsx'),
  // "My reporting lists what their organisation owes in the open campaigns" (README).
  'GET /api/v1/reporting/mine': readPlan('/api/v1/reporting/mine'),
  'GET /api/v1/campaigns': readPlan('/api/v1/campaigns'),
  // A campaign is not public: whoever may not read it is not told it exists.
  'GET /api/v1/campaigns/{id}': readPlan(() => `/api/v1/campaigns/${openCampaign()}`, 404),
  'GET /api/v1/campaigns/{id}/export.csv': readPlan(() => `/api/v1/campaigns/${openCampaign()}/export.csv`, 404),
  'POST /api/v1/actions/{id}/updates': [
    // Action 1 is piloted by every matrix organisation (set up below); action 2 by none of them.
    { relation: 'own_organisation', send: postOwn('/api/v1/actions/1/updates', { status: 'in_progress', progress: 10, comment: '' }), expect: (c) => refusedWith(403)(who.reportsOn(c, true)) },
    { relation: 'none', send: postOwn('/api/v1/actions/2/updates', { status: 'in_progress', progress: 10, comment: '' }), expect: (c) => refusedWith(403)(who.reportsOn(c, false)) },
  ],
  'POST /api/v1/updates': [
    { relation: 'own_organisation', send: postOwn('/api/v1/updates', { updates: [{ action_id: 1, status: 'in_progress', progress: 10, comment: '' }] }), expect: (c) => refusedWith(403)(who.reportsOn(c, true)) },
    { relation: 'none', send: postOwn('/api/v1/updates', { updates: [{ action_id: 2, status: 'in_progress', progress: 10, comment: '' }] }), expect: (c) => refusedWith(403)(who.reportsOn(c, false)) },
  ],
  'POST /api/v1/indicators/{id}/values': [
    // The first indicator is on action 1's measure (piloted by every matrix organisation), the
    // second on action 2's.
    { relation: 'own_organisation', send: (c) => postOwn(`/api/v1/indicators/${indicators[0]}/values`, { period: '2025', value: 1, source: 'Bilan annuel' })(c), expect: (c) => refusedWith(403)(who.reportsOn(c, true)) },
    { relation: 'none', send: (c) => postOwn(`/api/v1/indicators/${indicators[1]}/values`, { period: '2025', value: 1, source: 'Bilan annuel' })(c), expect: (c) => refusedWith(403)(who.reportsOn(c, false)) },
  ],
  'POST /api/v1/axes/{code}/measures': editReferential((c) => postOwn('/api/v1/axes/A6/measures', { code: `MX${++created}`, title_fr: 'Mesure du test', pilots: [] })(c)),
  'PATCH /api/v1/measures/{code}': editReferential(sendOwn('PATCH', '/api/v1/measures/A1.b', { weight: 2 })),
  'POST /api/v1/measures/{code}/actions': editReferential(postOwn('/api/v1/measures/A1.b/actions', { title: 'Action du test' })),
  'PATCH /api/v1/actions/{id}': editReferential(sendOwn('PATCH', '/api/v1/actions/2', { weight: 1 })),
  'POST /api/v1/measures/{code}/indicators': editReferential(postOwn('/api/v1/measures/A1.b/indicators', { name: 'Indicateur', unit: 'n', direction: 'up' })),
  'POST /api/v1/plan/import': editReferential((c) =>
    request(`${vigie.url}/api/v1/plan/import`, {
      method: 'POST',
      headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf, 'Content-Type': 'text/csv' },
      body: 'axis,measure,measure_title_fr,measure_title_en,measure_weight,retired,action_id,action_title,action_weight,pilots,partners,deadline,cost_eur,funding,official_text_url\r\n',
    }),
  ),
  'POST /api/v1/campaigns': editReferential(postOwn('/api/v1/campaigns', { label: 'Campagne du test', deadline: '2099-12-31', measures: ['A1.a'] })),
  'POST /api/v1/campaigns/{id}/close': editReferential((c) =>
    request(`${vigie.url}/api/v1/campaigns/${openCampaign()}/close`, { method: 'POST', headers: { Cookie: c.cookie, 'X-CSRF-Token': c.csrf } }),
  ),
  // The second factor is "offered to all".
  'POST /api/v1/me/totp': [{ relation: 'own_organisation', send: postOwn('/api/v1/me/totp', {}), expect: everybody }],
  'POST /api/v1/me/totp/confirm': [
    {
      relation: 'own_organisation',
      send: (c) => (c.cookie ? enrolSecondFactor(c) : postOwn('/api/v1/me/totp/confirm', { code: '000000' })(c)),
      expect: everybody,
    },
  ],
  'POST /api/v1/me/totp/disable': [
    {
      // With a right code (after setting one up for accounts that have none): only accounts
      // that must keep their second factor are refused.
      relation: 'own_organisation',
      send: async (c) => {
        if (!c.cookie) return postOwn('/api/v1/me/totp/disable', { code: '000000' })(c);
        if (!secretOf(c)) {
          const enrolled = await enrolSecondFactor(c);
          if (enrolled.status !== 200) return enrolled;
        }
        const r = await postOwn('/api/v1/me/totp/disable', { code: totp(secretOf(c)) })(c);
        if (r.status >= 200 && r.status < 300) secrets.delete(c.email);
        return r;
      },
      expect: (c) => refusedWith(403)(!who.mustKeepASecondFactor(c)),
    },
  ],
  'GET /api/v1/audit': [
    {
      relation: 'own_organisation',
      send: get('/api/v1/audit?limit=200'),
      expect: (c) => refusedWith(403)(who.readsTheAudit(c)),
      check: (c, r) => {
        const body = r.json<{ scope: string; entries: { organisation: string }[] }>();
        // Canary: an organisation's admin never sees entries about another organisation.
        if (body.scope === 'own_organisation') for (const e of body.entries) expect(e.organisation).toBe(c.orgCode);
      },
    },
  ],
  'GET /api/v1/audit/export.csv': [
    {
      relation: 'own_organisation',
      send: get('/api/v1/audit/export.csv?lang=en'),
      expect: (c) => refusedWith(403)(who.readsTheAudit(c)),
      check: (c, r) => {
        // Canary: the export holds no more than the viewer shows (the 6th column: organisation concerned).
        const rows = r.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1);
        if (!(c.platformAdmin || (coordination(c) && referentOrAdmin(c)))) for (const line of rows) expect(line.split(',')[5]).toBe(c.orgCode);
      },
    },
  ],
};

// A diagnostic written straight into the table, on the measure of action 1 (piloted by every
// matrix organisation) or 2 (by none): fresh for each cell that changes it.
function diagnosticOf(org: string, type: string, state: string, visibility: string, action: number): string {
  const id = execSql(
    vigie.dbUrl,
    `INSERT INTO diagnostics (lineage_id, version, author_org_id, author_org_code, author_org_type, author_user_id, measure_code, territory, period, rating, strengths, obstacles, recommendations, evidence, visibility, state, created_at, updated_at, published_at) ` +
      `VALUES (0, 1, (SELECT id FROM organisations WHERE code = '${org}'), '${org}', '${type}', 1, (SELECT m.code FROM plan_measures m JOIN plan_actions a ON a.measure_id = m.id WHERE a.id = ${action}), '93', '2026', 'weak', '', 'Des obstacles.', '', '[]', '${visibility}', '${state}', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', ${state === 'published' ? "'2026-01-02T00:00:00Z'" : 'NULL'}) RETURNING id`,
  )
    .trim()
    .split('\n')[0];
  execSql(vigie.dbUrl, `UPDATE diagnostics SET lineage_id = id WHERE id = ${id}`);
  return id;
}
// A fresh new signal of an association outside the matrix's callers, written into the table.
function newSignal(): string {
  return execSql(
    vigie.dbUrl,
    `INSERT INTO field_signals (org_id, org_code, author_user_id, week, territory, forms, kind, severity, description, state, shared_with, created_at, updated_at) ` +
      `VALUES ((SELECT id FROM organisations WHERE code = 'ORG-FIELD'), 'ORG-FIELD', 1, '2026-W10', '93', 'EXP_SEX', 'place', 'info', 'Un lieu.', 'new', '', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id`,
  )
    .trim()
    .split('\n')[0];
}
// A fresh open call for diagnostics, written straight into the tables.
function openCall(): string {
  const id = execSql(
    vigie.dbUrl,
    `INSERT INTO diagnostic_calls (label, deadline, measures, opened_by, opened_at) VALUES ('Matrice', '2099-12-31', '["A1.a"]', 1, '2026-01-01T00:00:00Z') RETURNING id`,
  )
    .trim()
    .split('\n')[0];
  execSql(vigie.dbUrl, `INSERT INTO diagnostic_call_targets (call_id, org_id, org_code) VALUES (${id}, (SELECT id FROM organisations WHERE code = 'ORG-FIELD'), 'ORG-FIELD')`);
  return id;
}
// By an association outside the matrix's callers.
const fieldDiagnostics = new Map<string, string>();
function fieldDiagnostic(state: string, action: number): string {
  const key = `${state}/${action}`;
  if (!fieldDiagnostics.has(key)) fieldDiagnostics.set(key, diagnosticOf('ORG-FIELD', 'association', state, 'committee', action));
  return fieldDiagnostics.get(key)!;
}

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
  expect(cli(['org', 'add', '--code', 'ORG-FIELD', '--name', 'Association de terrain', '--type', 'association']).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'filer@field.test', '--org', 'ORG-FIELD', '--role', 'contributor', '--password-stdin'], PASSWORD).code).toBe(0);
  const admin = cli(['user', 'add', '--email', 'admin@platform.test', '--org', 'ORG-ASSOCIATION', '--role', 'viewer', '--platform-admin', '--password-stdin'], PASSWORD);
  secrets.set('admin@platform.test', /TOTP secret \(shown once\): ([A-Z2-7]+)/.exec(admin.stdout)![1]);
  callers.push({ label: 'platform admin', orgType: 'association', orgCode: 'ORG-ASSOCIATION', role: 'viewer', platformAdmin: true, email: 'admin@platform.test', cookie: '', csrf: '' });
  for (const c of callers) Object.assign(c, await login(c.email, secretOf(c)));
  fieldFiler = { label: 'field filer', orgType: 'association', orgCode: 'ORG-FIELD', role: 'contributor', platformAdmin: false, email: 'filer@field.test', ...(await login('filer@field.test', '')) };
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
  it('answers each caller what the product says: a success when allowed, the exact refusal otherwise', async () => {
    const failures: string[] = [];
    let cells = 0;
    let refused = 0;
    let expectedCells = 0;
    const guarded = routes.filter((r) => r.action !== null);
    for (const route of guarded) expectedCells += (CASES[`${route.method} ${route.pattern}`] ?? []).length * callers.length;
    for (const route of guarded) {
      const key = `${route.method} ${route.pattern}`;
      for (const kase of CASES[key] ?? []) {
        const anonymous = await kase.send({ ...callers[0], cookie: '', csrf: '' });
        if (anonymous.status !== 401) failures.push(`${key} [${kase.relation}] anonymous: expected 401, got ${anonymous.status}`);
        for (const c of callers) {
          cells++;
          const want = kase.expect(c);
          if (want !== 'allowed') refused++;
          const r = await kase.send(c);
          const ok = want === 'allowed' ? r.status >= 200 && r.status < 300 : r.status === want;
          if (!ok) failures.push(`${key} [${kase.relation}] as ${c.label}: expected ${want === 'allowed' ? '2xx' : want}, got ${r.status}`);
          if (ok && want === 'allowed' && kase.check) kase.check(c, r);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(expectedCells);
    expect(refused).toBeGreaterThan(33); // the product does refuse: not a matrix of yeses
  }, 180_000);
});
