// Field diagnostics over HTTP, on SQLite and PostgreSQL: a draft is seen by its organisation
// only, a coordination-only diagnostic by its organisation and the coordination only — on
// every route: the diagnostic, lists, search, the field view, the board and its export; two
// weak ratings from two actor types flag a measure the ministry reports at 60 %; the pilot's
// reply reaches the author; a published diagnostic changes only through new versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { execSql, startVigie, type Vigie } from '../support/vigie';

let vigie: Vigie;
let actors: PlanActors;
const COORD = 'coord@miprof.test';
const DGT = 'referent@dgt.test';
const ASSO = 'referente@asso.test';
const UNION = 'delegue@syndicat.test';
const POLICE = 'agent@police.test';
const year = String(new Date().getUTCFullYear());

interface Diagnostic {
  id: number;
  state: string;
  version: number;
  versions?: { id: number; state: string }[];
  reply?: { text: string } | null;
  replies?: { text: string }[];
  match?: { kind: string; snippet: { text: string; hit: boolean }[] };
}
interface Board {
  measures: { code: string; flagged: boolean; organisations: number; score: number | null }[];
}
interface FieldView {
  official: { status: string; progress: number };
  by_actor_type: { key: string; organisations: number }[];
  divergence: { flagged: boolean; organisations: number; actor_types: number; rule: { fr: string } };
  diagnostics: { id: number }[];
}

let measure = ''; // piloted by the DGT, reported at 60 %
let other = ''; // another measure, for the coordination-only diagnostic
let third = ''; // a measure nobody has written about, for the call
const create = async (who: string, body: Record<string, unknown>) => {
  const r = await actors.send('POST', '/api/v1/diagnostics', who, { territory: 'national', period: year, visibility: 'committee', ...body });
  expect(r.status, r.body).toBe(201);
  return r.json<Diagnostic>();
};
const publish = async (who: string, id: number) => {
  const r = await actors.send('POST', `/api/v1/diagnostics/${id}/publish`, who, {});
  expect(r.status, r.body).toBe(200);
  return r.json<Diagnostic>();
};
const ids = (r: { json<T>(): T }) => r.json<{ diagnostics: { id: number }[] }>().diagnostics.map((d) => d.id);

beforeAll(async () => {
  vigie = await startVigie();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('DGT', 'ministry');
  actors.org('ASSO', 'association');
  actors.org('SYND', 'union');
  actors.org('POL', 'police');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(DGT, 'DGT', 'referent');
  await actors.user(ASSO, 'ASSO', 'referent');
  await actors.user(UNION, 'SYND', 'contributor');
  await actors.user(POLICE, 'POL', 'viewer');
  const tree = (await actors.get('/api/v1/plan', COORD)).json<{ axes: { measures: { code: string; actions: { id: number; pilots: string[] }[] }[] }[] }>();
  const measures = tree.axes.flatMap((a) => a.measures);
  const dgt = measures.find((m) => m.actions.every((a) => a.pilots.includes('DGT')))!;
  measure = dgt.code;
  other = measures.find((m) => m.code !== measure)!.code;
  third = measures.find((m) => m.code !== measure && m.code !== other)!.code;
  for (const a of dgt.actions) {
    const r = await actors.send('POST', `/api/v1/actions/${a.id}/updates`, DGT, { status: 'in_progress', progress: 60, comment: '' });
    expect(r.status, r.body).toBe(201);
  }
});
afterAll(async () => {
  await vigie?.stop();
});

describe('who sees a diagnostic', () => {
  it('shows a draft to its organisation only, on every route', async () => {
    const draft = await create(ASSO, { measure, rating: 'weak', obstacles: 'Les places en zanzibar manquent.' });
    expect(draft.state).toBe('draft');
    expect((await actors.get(`/api/v1/diagnostics/${draft.id}`, ASSO)).status).toBe(200);
    expect(ids(await actors.get('/api/v1/diagnostics?mine=1', ASSO))).toContain(draft.id);
    expect(ids(await actors.get('/api/v1/diagnostics?q=zanzibar', ASSO))).toEqual([draft.id]);
    for (const reader of [UNION, COORD, DGT, POLICE]) {
      expect((await actors.get(`/api/v1/diagnostics/${draft.id}`, reader)).status, reader).toBe(404);
      expect(ids(await actors.get(`/api/v1/diagnostics?measure=${measure}`, reader)), reader).not.toContain(draft.id);
      expect(ids(await actors.get('/api/v1/diagnostics?q=zanzibar', reader)), reader).toEqual([]);
      const view = (await actors.get(`/api/v1/measures/${measure}/field-view`, reader)).json<FieldView>();
      expect(view.diagnostics, reader).toEqual([]);
      expect(view.divergence.organisations, reader).toBe(0);
      const board = (await actors.get('/api/v1/divergence', reader)).json<Board>();
      expect(board.measures.find((m) => m.code === measure)!.organisations, reader).toBe(0);
      expect((await actors.get('/api/v1/divergence.csv', reader)).body, reader).not.toContain('zanzibar');
    }
    // Someone else's draft is not theirs to change or publish either: it does not exist for them.
    expect((await actors.send('PATCH', `/api/v1/diagnostics/${draft.id}`, UNION, { rating: 'effective' })).status).toBe(404);
    expect((await actors.send('POST', `/api/v1/diagnostics/${draft.id}/publish`, UNION, {})).status).toBe(404);
  });

  it('shows a coordination-only diagnostic to its organisation and the coordination only', async () => {
    const d = await publish(ASSO, (await create(ASSO, { measure: other, rating: 'weak', visibility: 'coordination', obstacles: 'Un quokka réservé à la coordination.' })).id);
    expect(d.state).toBe('published');
    for (const reader of [ASSO, COORD]) {
      expect((await actors.get(`/api/v1/diagnostics/${d.id}`, reader)).status, reader).toBe(200);
      expect(ids(await actors.get('/api/v1/diagnostics?q=quokka', reader)), reader).toEqual([d.id]);
    }
    const coordinationView = (await actors.get(`/api/v1/measures/${other}/field-view`, COORD)).json<FieldView>();
    expect(coordinationView.divergence.organisations).toBe(1);
    for (const reader of [UNION, DGT, POLICE]) {
      expect((await actors.get(`/api/v1/diagnostics/${d.id}`, reader)).status, reader).toBe(404);
      expect(ids(await actors.get('/api/v1/diagnostics?q=quokka', reader)), reader).toEqual([]);
      expect(ids(await actors.get(`/api/v1/diagnostics?measure=${other}`, reader)), reader).toEqual([]);
      const view = (await actors.get(`/api/v1/measures/${other}/field-view`, reader)).json<FieldView>();
      expect(view.divergence.organisations, reader).toBe(0);
      expect(view.diagnostics, reader).toEqual([]);
      expect((await actors.get('/api/v1/divergence.csv', reader)).body.split('\n').find((l) => l.startsWith(other))!, reader).toContain(';0;0;0');
    }
  });
});

describe('the divergence', () => {
  let first = 0;
  it('flags a measure reported at 60 % that two organisations of two types find weak', async () => {
    first = (await publish(ASSO, (await create(ASSO, { measure, rating: 'weak', obstacles: "L'hébergement d'urgence est saturé." })).id)).id;
    let board = (await actors.get('/api/v1/divergence', COORD)).json<Board>();
    expect(board.measures.find((m) => m.code === measure)!.flagged).toBe(false); // one organisation
    await publish(UNION, (await create(UNION, { measure, rating: 'not_implemented', territory: '93' })).id);
    board = (await actors.get('/api/v1/divergence', POLICE)).json<Board>();
    expect(board.measures[0].code).toBe(measure);
    expect(board.measures[0].flagged).toBe(true);
    expect(board.measures.filter((m) => m.flagged).map((m) => m.code)).toEqual([measure]);
    const view = (await actors.get(`/api/v1/measures/${measure}/field-view`, POLICE)).json<FieldView>();
    expect(view.official).toEqual(expect.objectContaining({ status: 'in_progress', progress: 60 }));
    expect(view.divergence).toEqual(expect.objectContaining({ flagged: true, organisations: 2, actor_types: 2 }));
    expect(view.by_actor_type.map((t) => t.key).sort()).toEqual(['association', 'union']);
    expect(view.divergence.rule.fr).toContain('au moins deux organisations');
    // The union's diagnostic is for Seine-Saint-Denis: a view of another département leaves it out.
    const elsewhere = (await actors.get(`/api/v1/measures/${measure}/field-view?territory=13`, POLICE)).json<FieldView>();
    expect(elsewhere.divergence.organisations).toBe(0);
    const ileDeFrance = (await actors.get(`/api/v1/measures/${measure}/field-view?territory=R11`, POLICE)).json<FieldView>();
    expect(ileDeFrance.divergence.organisations).toBe(1);
  });

  it('exports the board in French by default (headers, words, ";", decimal comma), in English with ?lang=en', async () => {
    const fr = await actors.get('/api/v1/divergence.csv', POLICE);
    expect(fr.headers['content-type']).toBe('text/csv; charset=utf-8');
    const frLines = fr.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(frLines[0]).toBe("Mesure;Axe;Intitulé;Statut officiel;Avancement officiel (%);Médiane terrain (0-4);Score de divergence;Signalée;Organisations;Types d'acteurs;Diagnostics");
    const frRow = frLines.find((l) => l.startsWith(`${measure};`))!;
    // Reported in progress at 60 %; the field: weak (1) and not implemented (0), median 0.5.
    expect(frRow).toContain(';En cours;60;0,5;');
    expect(frRow.endsWith(';oui;2;2;2')).toBe(true);
    const en = await actors.get('/api/v1/divergence.csv?lang=en', POLICE);
    const enLines = en.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(enLines[0]).toBe('Measure,Axis,Title,Official status,Official progress (%),Field median (0-4),Divergence score,Flagged,Organisations,Actor types,Diagnostics');
    const enRow = enLines.find((l) => l.startsWith(`${measure},`))!;
    expect(enRow).toContain(',In progress,60,0.5,');
    expect(enRow.endsWith(',yes,2,2,2')).toBe(true);
  });

  it('finds words whatever their accents, with the matching words marked', async () => {
    const r = (await actors.get('/api/v1/diagnostics?q=hebergement%20SATURE', POLICE)).json<{ diagnostics: Diagnostic[] }>().diagnostics;
    expect(r.map((d) => d.id)).toEqual([first]);
    expect(r[0].match!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['hébergement', 'saturé']);
  });

  it('lets the pilot answer; the author is told, in the application and by e-mail', async () => {
    expect((await actors.send('POST', `/api/v1/diagnostics/${first}/reply`, UNION, { text: 'Je ne pilote pas.' })).status).toBe(403);
    const r = await actors.send('POST', `/api/v1/diagnostics/${first}/reply`, DGT, { text: 'Trois cents places ouvrent en mars.' });
    expect(r.status, r.body).toBe(201);
    const revised = await actors.send('POST', `/api/v1/diagnostics/${first}/reply`, DGT, { text: 'Trois cents places ouvrent en avril.' });
    expect(revised.status).toBe(201);
    const d = (await actors.get(`/api/v1/diagnostics/${first}`, ASSO)).json<Diagnostic>();
    expect(d.reply!.text).toBe('Trois cents places ouvrent en avril.');
    expect(d.replies!.map((x) => x.text)).toEqual(['Trois cents places ouvrent en mars.', 'Trois cents places ouvrent en avril.']);
    const n = (await actors.get('/api/v1/diagnostics/notifications', ASSO)).json<{ unread: number; notifications: { kind: string; diagnostic: number }[] }>();
    expect(n.unread).toBe(2);
    expect(n.notifications.map((x) => x.kind)).toEqual(['reply', 'reply']);
    expect((await actors.send('POST', '/api/v1/diagnostics/notifications/read', ASSO, {})).status).toBe(204);
    expect((await actors.get('/api/v1/diagnostics/notifications', ASSO)).json<{ unread: number }>().unread).toBe(0);
    const mails = execSql(vigie.dbUrl, `SELECT count(*) FROM mail_outbox WHERE recipient = '${ASSO}' AND subject LIKE 'Réponse du pilote%'`).trim();
    expect(mails).toBe('2');
    // The pilot heard of the publication in the first place.
    const told = execSql(vigie.dbUrl, `SELECT count(*) FROM mail_outbox WHERE recipient = '${DGT}' AND subject LIKE 'Nouveau diagnostic%'`).trim();
    expect(Number(told)).toBe(2);
  });

  it('refuses a comment naming a person with their phone number, saying both', async () => {
    const r = await actors.send('POST', `/api/v1/diagnostics/${first}/comments`, UNION, { text: 'Appeler Mme Aïssata Diallo au 06 12 34 56 78.' });
    expect(r.status).toBe(422);
    const codes = r.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => `${e.field}:${e.code}`);
    expect(codes).toContain('text:identifier.phone');
    expect(codes.some((c) => c.startsWith('text:identifier.person_name'))).toBe(true);
    expect((await actors.send('POST', `/api/v1/diagnostics/${first}/comments`, UNION, { text: 'Nous confirmons en Seine-Saint-Denis.' })).status).toBe(201);
  });

  it('changes a published diagnostic only by a new version, which supersedes it once published', async () => {
    const next = await actors.send('PATCH', `/api/v1/diagnostics/${first}`, ASSO, { rating: 'partial' });
    expect(next.status).toBe(200);
    const draft = next.json<Diagnostic>();
    expect(draft.id).not.toBe(first);
    expect(draft).toEqual(expect.objectContaining({ state: 'draft', version: 2 }));
    expect((await actors.get(`/api/v1/diagnostics/${first}`, POLICE)).json<Diagnostic>().state).toBe('published');
    expect((await actors.send('PATCH', `/api/v1/diagnostics/${first}`, ASSO, { rating: 'effective' })).status).toBe(409);
    await publish(ASSO, draft.id);
    const old = (await actors.get(`/api/v1/diagnostics/${first}`, POLICE)).json<Diagnostic>();
    expect(old.state).toBe('superseded');
    expect(old.versions!.map((v) => v.state)).toEqual(['superseded', 'published']);
    // The field now reads partial (2) and not implemented (0): the median is 1, still flagged.
    const view = (await actors.get(`/api/v1/measures/${measure}/field-view`, POLICE)).json<FieldView>();
    expect(view.divergence.flagged).toBe(true);
    expect(view.diagnostics.map((d) => d.id)).not.toContain(first);
    // The pilot's replies were to version 1: their notifications now lead to version 2.
    const told = (await actors.get('/api/v1/diagnostics/notifications', ASSO)).json<{ notifications: { kind: string; diagnostic: number }[] }>();
    expect(told.notifications.filter((n) => n.kind === 'reply').map((n) => n.diagnostic)).toEqual([draft.id, draft.id]);
  });
});

describe('a cross-cutting theme', () => {
  it('takes diagnostics as a whole: a transversal axis is accepted, a thematic one is not', async () => {
    const tree = (await actors.get('/api/v1/plan', COORD)).json<{ axes: { code: string; kind: string; progress: number; status: string }[] }>();
    // The shipped plan's transversal axes (data/plan-2024-2027.json).
    expect(tree.axes.filter((a) => a.kind === 'transversal').map((a) => a.code)).toEqual(['A1', 'A2', 'A6']);
    const thematic = tree.axes.find((a) => a.kind === 'thematic')!.code;
    const refused = await actors.send('POST', '/api/v1/diagnostics', ASSO, { measure: thematic, territory: 'national', period: year, rating: 'weak', visibility: 'committee' });
    expect(refused.status).toBe(422);
    expect(refused.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => `${e.field}:${e.code}`)).toEqual(['measure:unknown']);
    const theme = tree.axes.find((a) => a.kind === 'transversal' && a.code !== measure.split('.')[0])!;
    const d = await publish(ASSO, (await create(ASSO, { measure: theme.code, rating: 'partial' })).id);
    const view = (await actors.get(`/api/v1/measures/${theme.code}/field-view`, POLICE)).json<FieldView & { measure: { theme: boolean } }>();
    expect(view.measure.theme).toBe(true);
    expect(view.official).toEqual(expect.objectContaining({ status: theme.status, progress: Math.round(theme.progress) }));
    expect(view.diagnostics.map((x) => x.id)).toEqual([d.id]);
    const board = (await actors.get('/api/v1/divergence', POLICE)).json<{ measures: { code: string; theme: boolean; organisations: number }[] }>();
    expect(board.measures.find((m) => m.code === theme.code)).toEqual(expect.objectContaining({ theme: true, organisations: 1 }));
    expect(board.measures.filter((m) => m.theme).map((m) => m.code).sort()).toEqual(['A1', 'A2', 'A6']);
  });
});

describe('evidence', () => {
  it('is a link, or a figure with its source; each missing part is named at its own item', async () => {
    const bad = await actors.send('POST', '/api/v1/diagnostics', UNION, {
      measure: other, territory: 'national', period: year, rating: 'weak', visibility: 'committee',
      evidence: [
        { label: 'Nothing to show' },
        { label: 'Refusals at the desk', figure: '12 refus en 2026' },
        { label: 'A report', url: 'ftp://example.org/x' },
      ],
    });
    expect(bad.status).toBe(422);
    const codes = bad.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => `${e.field}:${e.code}`);
    expect(codes.sort()).toEqual(['evidence/0/url:required', 'evidence/1/source:required', 'evidence/2/url:invalid']);
    const ok = await create(UNION, {
      measure: other, rating: 'weak',
      evidence: [{ label: 'refus de dépôt de plainte constatés', figure: '12 en 2026', source: 'permanences syndicales, relevé interne' }],
    });
    const back = (await actors.get(`/api/v1/diagnostics/${ok.id}`, UNION)).json<{ evidence: Record<string, string>[] }>();
    expect(back.evidence).toEqual([{ url: '', label: 'refus de dépôt de plainte constatés', figure: '12 en 2026', source: 'permanences syndicales, relevé interne' }]);
    const named = await actors.send('PATCH', `/api/v1/diagnostics/${ok.id}`, UNION, {
      evidence: [{ label: 'relevé', figure: '3', source: 'appel de Mme Aïssata Diallo au 06 12 34 56 78' }],
    });
    expect(named.status).toBe(422);
    expect(named.json<{ errors: { field: string; code: string }[] }>().errors.some((e) => e.field === 'evidence/0/source' && e.code === 'identifier.phone')).toBe(true);
  });
});

describe('a call for diagnostics', () => {
  it('asks organisations by name or type, shows who answered, and reminds only those who owe', async () => {
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    expect((await actors.send('POST', '/api/v1/diagnostic-calls', ASSO, { label: 'Appel', deadline: soon, measures: [measure], org_types: ['association'] })).status).toBe(403);
    const opened = await actors.send('POST', '/api/v1/diagnostic-calls', COORD, { label: 'Hébergement : vos constats', deadline: soon, measures: [third], organisations: ['SYND'], org_types: ['association'] });
    expect(opened.status, opened.body).toBe(201);
    const call = opened.json<{ id: number; organisations: number; owed: number; answered: number }>();
    expect(call).toEqual(expect.objectContaining({ organisations: 2, owed: 2, answered: 0 }));
    const notices = (to: string, like: string) =>
      Number(execSql(vigie.dbUrl, `SELECT count(*) FROM mail_outbox WHERE recipient = '${to}' AND subject LIKE '${like}%'`).trim());
    expect(notices(ASSO, 'Appel à diagnostics')).toBe(1);
    expect(notices(UNION, 'Appel à diagnostics')).toBe(0); // a contributor: the referents are told
    // The association answers; the union does not.
    await publish(ASSO, (await create(ASSO, { measure: third, rating: 'partial' })).id);
    const view = (await actors.get(`/api/v1/diagnostic-calls/${call.id}`, POLICE)).json<{ answered: number; by_organisation: { organisation: string; owed: string[] }[] }>();
    expect(view.answered).toBe(1);
    expect(view.by_organisation).toEqual([
      { organisation: 'ASSO', answered: [third], owed: [] },
      { organisation: 'SYND', answered: [], owed: [third] },
    ]);
    // Each organisation's own debt in the list (its home page reads it); none for one not asked.
    const owedIn = async (who: string) =>
      (await actors.get('/api/v1/diagnostic-calls', who)).json<{ calls: { id: number; owed_by_my_organisation: string[] }[] }>().calls.find((c) => c.id === call.id)!.owed_by_my_organisation;
    expect(await owedIn(UNION)).toEqual([third]);
    expect(await owedIn(ASSO)).toEqual([]);
    expect(await owedIn(POLICE)).toEqual([]);
    // A week before the deadline, only the organisation that owes is reminded (it has no
    // referent: nobody to write to, but the notice is recorded); once overdue, weekly.
    const remind = (day: string) => actors.cli(['plan', 'remind', '--today', day]);
    const before = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
    expect(remind(before).code).toBe(0);
    const recorded = (kind: string) =>
      execSql(vigie.dbUrl, `SELECT org_code FROM diagnostic_call_notices WHERE call_id = ${call.id} AND kind = '${kind}' ORDER BY org_code`).trim();
    expect(recorded('before')).toBe('SYND');
    expect(remind(before).code).toBe(0);
    expect(recorded('before')).toBe('SYND'); // once
    const late = new Date(Date.now() + 22 * 86_400_000).toISOString().slice(0, 10);
    expect(remind(late).code).toBe(0);
    expect(recorded('overdue')).toBe('SYND');
    expect((await actors.send('POST', `/api/v1/diagnostic-calls/${call.id}/close`, COORD, {})).status).toBe(200);
    expect((await actors.send('POST', `/api/v1/diagnostic-calls/${call.id}/close`, COORD, {})).status).toBe(409);
  });
});
