// Plan follow-up as the committee uses it: the shipped plan, reports by pilots, history,
// roll-ups, the public view and the CSV export. Runs on SQLite and PostgreSQL.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { execSql, startVigie, vigieBin, type Vigie } from '../support/vigie';

let vigie: Vigie;
const PASSWORD = 'une phrase de passe assez longue';
const sessions: Record<string, { cookie: string; csrf: string }> = {};

const cli = (args: string[], input?: string) => {
  const r = spawnSync(vigieBin, [...args, '--db', vigie.dbUrl, '--data-dir', vigie.dataDir], { input });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
};

async function login(email: string) {
  const r = await request(`${vigie.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(r.status, email).toBe(200);
  return { cookie: String(r.headers['set-cookie']).split(';')[0], csrf: r.json<{ csrf_token: string }>().csrf_token };
}

const get = (path: string, who?: string) => request(`${vigie.url}${path}`, { headers: who ? { Cookie: sessions[who].cookie } : {} });
const report = (who: string, actionId: number, body: unknown) =>
  request(`${vigie.url}/api/v1/actions/${actionId}/updates`, {
    method: 'POST',
    headers: { Cookie: sessions[who].cookie, 'X-CSRF-Token': sessions[who].csrf, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

interface Tree {
  progress: number;
  rule: { fr: string };
  axes: { code: string; progress: number; measures: { code: string; status: string; progress: number; actions: { id: number; pilots: string[]; latest: { comment: string } | null }[] }[] }[];
}
let tree: Tree;
const measureOf = (code: string) => tree.axes.flatMap((a) => a.measures).find((m) => m.code === code)!;

beforeAll(async () => {
  vigie = await startVigie();
  expect(cli(['org', 'add', '--code', 'DGT', '--name', 'Direction générale du travail', '--type', 'ministry']).code).toBe(0);
  expect(cli(['org', 'add', '--code', 'ASSO', '--name', 'Association', '--type', 'association']).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'referent@dgt.test', '--org', 'DGT', '--role', 'referent', '--password-stdin'], PASSWORD).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'lecteur@dgt.test', '--org', 'DGT', '--role', 'viewer', '--password-stdin'], PASSWORD).code).toBe(0);
  expect(cli(['user', 'add', '--email', 'referent@asso.test', '--org', 'ASSO', '--role', 'referent', '--password-stdin'], PASSWORD).code).toBe(0);
  for (const who of ['referent@dgt.test', 'lecteur@dgt.test', 'referent@asso.test']) sessions[who] = await login(who);
  tree = (await get('/api/v1/plan', 'referent@asso.test')).json<Tree>();
});
afterAll(async () => {
  await vigie?.stop();
});

describe('the shipped plan', () => {
  it('holds the 6 axes and the 17 measures with their pilots, and says how progress rolls up', () => {
    expect(tree.axes.map((a) => a.code)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
    expect(tree.axes.flatMap((a) => a.measures)).toHaveLength(17);
    expect(measureOf('A1.a').actions[0].pilots).toEqual(['MIPROF']);
    expect(tree.rule.fr).toContain('moyenne pondérée');
  });

  it('is readable by members only; the public sees status and progress without comments', async () => {
    expect((await get('/api/v1/plan')).status).toBe(401);
    const pub = await get('/api/v1/public/plan');
    expect(pub.status).toBe(200);
    expect(pub.body).not.toContain('"comment"');
    expect(pub.body).not.toContain('"actions"');
    expect(pub.json<Tree>().axes).toHaveLength(6);
    // The weights are public: anyone can recompute an axis's progress from its measures'.
    const axis = pub.json<{ axes: { progress: number | string; measures: { progress: number | string; weight: number }[] }[] }>().axes[0];
    const weighted = axis.measures.reduce((sum, m) => sum + Number(m.progress) * m.weight, 0) / axis.measures.reduce((sum, m) => sum + m.weight, 0);
    expect(Math.abs(weighted - Number(axis.progress))).toBeLessThanOrEqual(0.1);
  });
});

describe('reporting progress', () => {
  const dgtMeasure = () => tree.axes.flatMap((a) => a.measures).find((m) => m.actions.some((a) => a.pilots.includes('DGT')))!;

  it('lets a referent of the pilot organisation report, and keeps every update', async () => {
    const m = dgtMeasure();
    const action = m.actions.find((a) => a.pilots.includes('DGT'))!;
    const first = await report('referent@dgt.test', action.id, { status: 'in_progress', progress: 30, comment: 'Premier point : 4 inspections conjointes.', evidence: ['https://travail-emploi.gouv.fr/'] });
    expect(first.status).toBe(201);
    const second = await report('referent@dgt.test', action.id, { status: 'delayed', progress: 45, comment: 'Recrutements en retard.' });
    expect(second.status).toBe(201);
    const detail = (await get(`/api/v1/measures/${m.code}`, 'referent@asso.test')).json<{ status: string; progress: number; history: { status: string; progress: number; author: string; comment: string }[] }>();
    expect(detail.status).toBe('delayed');
    expect(detail.progress).toBe(45);
    expect(detail.history.slice(0, 2).map((h) => [h.status, h.progress, h.author])).toEqual([
      ['delayed', 45, 'referent@dgt.test'],
      ['in_progress', 30, 'referent@dgt.test'],
    ]);
    // The roll-up moved at once.
    const after = (await get('/api/v1/plan', 'referent@asso.test')).json<Tree>();
    expect(after.progress).not.toBe(tree.progress);
  });

  it('refuses other organisations, viewers, bad input and identifiers in the comment', async () => {
    const action = dgtMeasure().actions.find((a) => a.pilots.includes('DGT'))!;
    expect((await report('referent@asso.test', action.id, { status: 'achieved', progress: 100, comment: '' })).status).toBe(403);
    expect((await report('lecteur@dgt.test', action.id, { status: 'achieved', progress: 100, comment: '' })).status).toBe(403);
    expect((await report('referent@dgt.test', 999999, { status: 'achieved', progress: 100, comment: '' })).status).toBe(404);
    const bad = await report('referent@dgt.test', action.id, { status: 'finished', progress: 120, comment: '', evidence: ['ftp://x'] });
    expect(bad.status).toBe(422);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['status', 'progress', 'evidence/0']);
    const named = await report('referent@dgt.test', action.id, { status: 'in_progress', progress: 50, comment: 'Entretien avec Mme Blessing Okafor au 06 12 34 56 78.' });
    expect(named.status).toBe(422);
    expect(named.json<{ errors: { field: string; kind: string }[] }>().errors.map((e) => [e.field, e.kind])).toEqual([
      ['comment', 'person_name'],
      ['comment', 'phone'],
    ]);
  });

  it('marks an action overdue when its deadline has passed', async () => {
    const action = dgtMeasure().actions.find((a) => a.pilots.includes('DGT'))!;
    execSql(vigie.dbUrl, `UPDATE plan_actions SET deadline = '2025-01-31' WHERE id = ${action.id}`);
    const m = (await get(`/api/v1/measures/${dgtMeasure().code}`, 'referent@asso.test')).json<{ overdue: boolean; actions: { id: number; overdue: boolean }[] }>();
    expect(m.actions.find((a) => a.id === action.id)!.overdue).toBe(true);
    expect(m.overdue).toBe(true);
  });
});

describe('reporting on several actions at once', () => {
  const batch = (who: string, updates: unknown[]) =>
    request(`${vigie.url}/api/v1/updates`, {
      method: 'POST',
      headers: { Cookie: sessions[who].cookie, 'X-CSRF-Token': sessions[who].csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ updates }),
    });
  const historyLength = async (code: string) => (await get(`/api/v1/measures/${code}`, 'referent@asso.test')).json<{ history: unknown[] }>().history.length;
  const dgtActions = () => tree.axes.flatMap((a) => a.measures).flatMap((m) => m.actions.filter((a) => a.pilots.includes('DGT')).map((a) => ({ id: a.id, measure: m.code })));
  const other = () => tree.axes.flatMap((a) => a.measures).flatMap((m) => m.actions).find((a) => !a.pilots.includes('DGT'))!;

  it('records all of them, or none with each error on its row', async () => {
    const mine = dgtActions();
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const before = await Promise.all(mine.map((a) => historyLength(a.measure)));
    const bad = await batch('referent@dgt.test', [
      { action_id: mine[0].id, status: 'in_progress', progress: 60, comment: 'Bon rythme.' },
      { action_id: mine[1].id, status: 'in_progress', progress: 150, comment: 'Appeler M. Karim Benali au 06 12 34 56 78.' },
    ]);
    expect(bad.status).toBe(422);
    const fields = bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toContain('updates/1/progress');
    expect(fields).toContain('updates/1/comment');
    expect(fields.some((f) => f.startsWith('updates/0'))).toBe(false);
    expect(await Promise.all(mine.map((a) => historyLength(a.measure)))).toEqual(before);

    // An action of another pilot in the batch: refused as a whole.
    const foreign = await batch('referent@dgt.test', [
      { action_id: mine[0].id, status: 'in_progress', progress: 60, comment: '' },
      { action_id: other().id, status: 'achieved', progress: 100, comment: '' },
    ]);
    expect(foreign.status).toBe(403);
    expect(await Promise.all(mine.map((a) => historyLength(a.measure)))).toEqual(before);

    const ok = await batch('referent@dgt.test', mine.slice(0, 2).map((a, i) => ({ action_id: a.id, status: 'in_progress', progress: 60 + i, comment: 'Point groupé.' })));
    expect(ok.status, ok.body).toBe(201);
    expect(ok.json<{ updates: unknown[] }>().updates).toHaveLength(2);
    const after = await Promise.all(mine.map((a) => historyLength(a.measure)));
    expect(after.reduce((x, y) => x + y, 0)).toBe(before.reduce((x, y) => x + y, 0) + 2);
    expect((await batch('referent@dgt.test', [])).status).toBe(422);
  });
});

describe('the export', () => {
  it('is a CSV a spreadsheet opens, one row per action, in French by default', async () => {
    const r = await get('/api/v1/plan/export.csv', 'referent@asso.test');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toContain('attachment');
    expect(r.body.startsWith('\uFEFF')).toBe(true);
    const lines = r.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe("Axe;Mesure;Intitulé de la mesure;Intitulé de la mesure (anglais);Poids de la mesure;Retirée;N° d'action;Intitulé de l'action;Poids de l'action;Pilotes;Partenaires;Échéance;Coût (euros);Financement;Texte officiel (lien);Statut;Avancement (%);En retard");
    expect(lines).toHaveLength(18);
    const english = await get('/api/v1/plan/export.csv?lang=en', 'referent@asso.test');
    const header = english.body.replace(/^\uFEFF/, '').split('\r\n')[0];
    expect(header.split(',')).toHaveLength(18);
    expect(english.body.replace(/^\uFEFF/, '').trim().split('\r\n')).toHaveLength(18);
  });
});
