// Field data over HTTP, on SQLite and PostgreSQL: a victim profile is refused field by field
// (bad codes, a planted identifier in the note) with nothing stored; an import's dry run lists
// exactly the bad rows planted and writes nothing, a commit with a bad row writes nothing, the
// corrected file is written whole; police and prefecture accounts see no individual record and
// no cell under 11 on any route, and only what the last release counted; the owning
// organisation sees its own figures exact and live; every read of an organisation's records by
// the coordinator is audited and shown to that organisation; signals move only along their
// workflow (409 naming the allowed moves) and an urgent one reaches the coordinator at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { execSql, startVigie, type Vigie } from '../support/vigie';

let vigie: Vigie;
let actors: PlanActors;
const COORD = 'coord@miprof.test';
const ASSO = 'a@asso.test';
const ASSO2 = 'b@autre.test';
const POLICE = 'agent@police.test';
const PREF = 'agent@pref.test';

const HEADER = [
  'contact_year', 'contact_month', 'departement', 'forms', 'exploitation_departement', 'exploitation_country', 'sector', 'sex', 'age_band',
  'minor_at_contact', 'minor_at_exploitation', 'nationality', 'ilo_indicators', 'means_of_control', 'recruitment', 'victim_status', 'support', 'operation', 'note',
];
type Row = Record<string, string>;
const good = (over: Row = {}): Row => ({
  contact_year: '2025', contact_month: '3', departement: '93', forms: 'EXP_SEX', sex: 'female', age_band: '18-24', minor_at_contact: 'false',
  nationality: 'NG', support: 'shelter|legal', note: 'Orientée par une maraude ; hébergée le soir même.', ...over,
});
const csv = (rows: Row[]) =>
  [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => `"${(r[h] ?? '').replace(/"/g, '""')}"`).join(','))].join('\r\n') + '\r\n';
const upload = (who: string, rows: Row[], check: boolean) => actors.send('POST', `/api/v1/field/import${check ? '?check=1' : ''}`, who, csv(rows), 'text/csv');

interface Problem { errors: { field: string; code: string; row?: number; column?: string; value?: string }[] }
interface Stats { release: { id: number } | null; controlled: boolean; dimensions: string[]; k: number; cells: Record<string, string | number | boolean | null>[] }
interface Signal { id: number; state: string; allowed_transitions: string[]; transitions: { from: string; to: string; by_organisation: string; at: string }[] }

const total = async (who: string) => (await actors.get('/api/v1/field/records?limit=1', who)).json<{ total: number }>().total;
const stats = async (who: string, query: string) => {
  const r = await actors.get(`/api/v1/field/stats?${query}`, who);
  expect(r.status, r.body).toBe(200);
  return r.json<Stats>();
};
const cellOf = (s: Stats, key: Record<string, string | null>) =>
  s.cells.find((c) => Object.entries(key).every(([k, v]) => c[k] === v) && s.dimensions.every((d) => d in key));
// Every count a non-owner may see: published cells are 0 or at least k; suppressed ones carry no value.
const expectNoSmallCell = (s: Stats) => {
  expect(s.controlled).toBe(true);
  for (const c of s.cells) {
    if (c.suppressed) expect(c.value).toBeNull();
    else expect(c.value === 0 || (typeof c.value === 'number' && c.value >= 11), JSON.stringify(c)).toBe(true);
  }
};

beforeAll(async () => {
  vigie = await startVigie();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('ASSO', 'association');
  actors.org('AUTRE', 'association');
  actors.org('POL', 'police');
  actors.org('PREF', 'prefecture');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(ASSO, 'ASSO', 'contributor');
  await actors.user(ASSO2, 'AUTRE', 'contributor');
  await actors.user(POLICE, 'POL', 'viewer');
  await actors.user(PREF, 'PREF', 'viewer');
});
afterAll(async () => {
  await vigie?.stop();
});

describe('a victim profile', () => {
  it('is refused field by field, naming each bad member, and nothing is stored', async () => {
    const r = await actors.send('POST', '/api/v1/field/records', ASSO, {
      contact_year: 2025, contact_month: 13, departement: 'R11', forms: ['EXP_SEX', 'EXP_NOPE'], sex: 'F', age_band: '18-24', minor_at_contact: true,
    });
    expect(r.status).toBe(422);
    expect(r.json<Problem>().errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'contact_month:out_of_range', 'departement:unknown_code', 'forms/1:unknown_code', 'sex:unknown_code', 'minor_at_contact:contradicts_age_band',
    ]);
    // A member the schema does not have (a name) is refused, not ignored.
    const named = await actors.send('POST', '/api/v1/field/records', ASSO, { ...JSON.parse(JSON.stringify({ contact_year: 2025, contact_month: 3, departement: '93', forms: ['EXP_SEX'], sex: 'female', age_band: '18-24', minor_at_contact: false })), name: 'Aminata' });
    expect(named.status).toBe(422);
    expect(named.json<Problem>().errors.map((e) => e.field)).toEqual(['name']);
    expect(await total(ASSO)).toBe(0);
  });

  it('refuses a planted identifier in the note, naming the note, and accepts the clean note', async () => {
    const body = { contact_year: 2025, contact_month: 3, departement: '93', forms: ['EXP_SEX'], sex: 'female', age_band: '18-24', minor_at_contact: false };
    const r = await actors.send('POST', '/api/v1/field/records', ASSO, { ...body, note: 'Joignable au 06 12 34 56 78 le soir.' });
    expect(r.status).toBe(422);
    const errors = r.json<Problem>().errors;
    expect(errors.map((e) => e.field)).toEqual(['note']);
    expect(errors[0].code).toMatch(/^identifier\./);
    expect(await total(ASSO)).toBe(0);
    const ok = await actors.send('POST', '/api/v1/field/records', ASSO, { ...body, note: 'Orientée vers un hébergement sécurisé.' });
    expect(ok.status, ok.body).toBe(201);
    expect(await total(ASSO)).toBe(1);
  });
});

describe('the import', () => {
  it('lists exactly the planted bad rows in a dry run and writes nothing, then all or nothing', async () => {
    const rows = Array.from({ length: 20 }, () => good());
    rows[2] = good({ departement: '999' }); // spreadsheet row 4
    rows[7] = good({ note: 'Sa sœur, Fatou Diallo, appelle au 07 81 22 33 44.' }); // row 9
    rows[13] = good({ forms: 'EXP_SEX|EXP_NOPE', contact_month: 'mars' }); // row 15, two columns
    const before = await total(ASSO);
    const dry = await upload(ASSO, rows, true);
    expect(dry.status).toBe(422);
    const listed = dry.json<Problem>().errors.map((e) => `${e.row}:${e.column}`);
    expect(listed).toEqual(['4:departement', '9:note', '15:contact_month', '15:forms']);
    // Each with its rule's code and the value at fault, for the UI to word in its language.
    const coded = dry.json<Problem>().errors.filter((e) => e.column !== 'note').map((e) => `${e.column}:${e.code}:${e.value}`);
    expect(coded).toEqual(['departement:unknown_code:999', 'contact_month:not_a_number:mars', 'forms:unknown_code:EXP_NOPE']);
    expect(await total(ASSO)).toBe(before);
    // A commit with the same file writes nothing either.
    expect((await upload(ASSO, rows, false)).status).toBe(422);
    expect(await total(ASSO)).toBe(before);
    // Corrected: the dry run passes without writing, the commit writes every row.
    rows[2] = good();
    rows[7] = good({ note: 'Sa sœur appelle l’association le soir.' });
    rows[13] = good({ forms: 'EXP_SEX|EXP_TRAV', sector: 'SEC_BTP' });
    const check = await upload(ASSO, rows, true);
    expect(check.status, check.body).toBe(200);
    expect(check.json()).toEqual({ rows: 20, written: false });
    expect(await total(ASSO)).toBe(before);
    const commit = await upload(ASSO, rows, false);
    expect(commit.status, commit.body).toBe(201);
    expect(commit.json()).toEqual({ rows: 20, written: true });
    expect(await total(ASSO)).toBe(before + 20);
  });

  it('offers a template whose example row imports as it is', async () => {
    const t = await actors.get('/api/v1/field/import/template.csv', ASSO);
    expect(t.status).toBe(200);
    const text = t.body.replace(/^\uFEFF/, '');
    expect(text.split('\r\n')[0]).toBe(HEADER.join(','));
    expect((await actors.send('POST', '/api/v1/field/import?check=1', ASSO, text, 'text/csv')).json()).toEqual({ rows: 1, written: false });
    const x = await actors.get('/api/v1/field/import/template.xlsx', ASSO);
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    // The workbook reads back as the same one valid row.
    const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const back = await actors.send('POST', '/api/v1/field/import?check=1', ASSO, x.raw, xlsx);
    expect(back.status, back.body).toBe(200);
    expect(back.json()).toEqual({ rows: 1, written: false });
  });
});

describe('what police and prefectures see', () => {
  it('no individual record, no cell under 11, only the last release', async () => {
    // ASSO: 1 + 20 records in 93 so far; now 19 more in 93 (40) and 3 in 13; AUTRE 12 in 13.
    expect((await upload(ASSO, [...Array.from({ length: 19 }, () => good()), ...Array.from({ length: 3 }, () => good({ departement: '13' }))], false)).status).toBe(201);
    expect((await upload(ASSO2, Array.from({ length: 12 }, () => good({ departement: '13', sex: 'male' })), false)).status).toBe(201);
    for (const reader of [POLICE, PREF]) {
      const list = await actors.get('/api/v1/field/records', reader);
      expect(list.status, reader).toBe(403);
      expect(list.body).not.toContain('"records"');
      // The month's release was frozen when the server started, before any record: nothing to count.
      const s = await stats(reader, 'dims=departement&year=2025');
      expect(s.release?.records ?? 0).toBe(0);
      expect(s.cells.filter((c) => c.value !== 0 && c.value !== null)).toEqual([]);
      // Their own scope holds no records of theirs either.
      expect((await actors.get('/api/v1/field/stats?dims=departement&scope=mine', reader)).json<Stats>().cells.filter((c) => (c.value as number) > 0)).toEqual([]);
    }
    const release = await actors.send('POST', '/api/v1/field/releases', COORD, {});
    expect(release.status, release.body).toBe(201);
    expect(release.json<{ records: number }>().records).toBe(55);
    // A record after the release: in no controlled figure until the next one.
    expect((await upload(ASSO, Array.from({ length: 30 }, () => good({ departement: '75' })), false)).status).toBe(201);

    for (const reader of [POLICE, PREF, ASSO2]) {
      const byDep = await stats(reader, 'dims=departement&year=2025');
      expect(byDep.release!.id).toBe(release.json<{ id: number }>().id);
      expectNoSmallCell(byDep);
      expect(cellOf(byDep, { departement: '93' })!.value).toBe(40);
      expect(cellOf(byDep, { departement: '13' })!.value).toBe(15);
      expect(cellOf(byDep, { departement: '75' })).toBeUndefined();
      expect(cellOf(byDep, { departement: null })!.value).toBe(55);
      // Crossed: 13 × male is 12 and 13 × female 3 — the 3 is suppressed, and so is what would give it away.
      const crossed = await stats(reader, 'dims=departement,sex&year=2025');
      expectNoSmallCell(crossed);
      expect(cellOf(crossed, { departement: '13', sex: 'female' })!.suppressed).toBe(true);
      expect(cellOf(crossed, { departement: '13', sex: 'male' })!.suppressed).toBe(true);
      for (const dims of ['sex,age_band', 'form_of_exploitation,nationality_region', 'region,support', 'month']) expectNoSmallCell(await stats(reader, `dims=${dims}`));
      // The export holds the same controlled table: no count from 1 to 10.
      const exported = await actors.get('/api/v1/field/stats.csv?dims=departement,sex&year=2025', reader);
      expect(exported.status).toBe(200);
      for (const line of exported.body.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1)) {
        const value = line.split(',').at(-1)!;
        expect(value === '< 11' || Number(value) === 0 || Number(value) >= 11, line).toBe(true);
      }
      // Error texts name no figure either.
      const refused = await actors.get('/api/v1/field/stats?dims=note', reader);
      expect(refused.status).toBe(422);
      expect(refused.body).not.toMatch(/\b(3|12|40|55)\b/);
    }
  });

  it('the owning organisation sees its own figures exact and live; the coordinator every one', async () => {
    const mine = await stats(ASSO, 'dims=departement&year=2025&scope=mine');
    expect(mine.controlled).toBe(false);
    expect(cellOf(mine, { departement: '13' })!.value).toBe(3);
    expect(cellOf(mine, { departement: '75' })!.value).toBe(30);
    expect(cellOf(mine, { departement: null })!.value).toBe(73);
    const national = await stats(COORD, 'dims=departement,sex&year=2025');
    expect(national.controlled).toBe(false);
    expect(cellOf(national, { departement: '13', sex: 'female' })!.value).toBe(3);
    expect(cellOf(national, { departement: null, sex: null })!.value).toBe(85);
  });
});

describe('who read my records', () => {
  it('audits every read of an organisation records by the coordinator and shows it to that organisation only', async () => {
    expect((await actors.get('/api/v1/field/reads', ASSO)).json<{ reads: unknown[] }>().reads).toEqual([]);
    // The association reading its own records is no read by others.
    await actors.get('/api/v1/field/records', ASSO);
    expect((await actors.get('/api/v1/field/reads', ASSO)).json<{ reads: unknown[] }>().reads).toEqual([]);
    const page = (await actors.get('/api/v1/field/records?limit=1000', COORD)).json<{ total: number; records: { organisation: string }[] }>();
    expect(page.total).toBe(85);
    const ofAsso = page.records.filter((r) => r.organisation === 'ASSO').length;
    expect(ofAsso).toBe(73);
    const reads = (await actors.get('/api/v1/field/reads', ASSO)).json<{ reads: { reader_organisation: string; records: number }[] }>().reads;
    expect(reads.map((r) => [r.reader_organisation, r.records])).toEqual([['MIPROF', 73]]);
    const other = (await actors.get('/api/v1/field/reads', ASSO2)).json<{ reads: { reader_organisation: string; records: number }[] }>().reads;
    expect(other.map((r) => [r.reader_organisation, r.records])).toEqual([['MIPROF', 12]]);
    // And in the audit trail, owned by the organisation read.
    const audit = execSql(vigie.dbUrl, "SELECT count(*) FROM audit_log WHERE action = 'field.records_read'");
    expect(Number(audit.trim())).toBe(2);
    expect((await actors.get('/api/v1/field/reads', POLICE)).status).toBe(403);
  });
});

describe('field alerts', () => {
  it('shows the coordinator the count rule for today\'s 93 and nobody else any alert', async () => {
    const r = await actors.get('/api/v1/field/alerts', COORD);
    expect(r.status).toBe(200);
    const body = r.json<{ rules: { fr: string; en: string }; alerts: { rule: string; departement: string; value: number }[] }>();
    expect(body.rules.en).toContain('at least 20 profiles and signals');
    // Recorded today in 93: ASSO's 1 + 20 + 19 (every import above), and no signal there yet.
    expect(body.alerts.find((a) => a.rule === 'count' && a.departement === '93')?.value).toBe(40);
    for (const reader of [POLICE, PREF, ASSO]) expect((await actors.get('/api/v1/field/alerts', reader)).status, reader).toBe(403);
  });
});

describe('field signals', () => {
  it('answer every field error of a signal at once, those of the body reader with those of the rules', async () => {
    // A territory too long for the reader (a name instead of a code), a week that is not one and
    // an unknown kind: three errors in one answer, none of them doubled by a "required".
    const bad = await actors.send('POST', '/api/v1/field/signals', ASSO, {
      week: 'semaine 48', territory: 'Seine-Saint-Denis', kind: 'rumour', severity: 'info', description: 'Des annonces de recrutement sur une messagerie.',
    });
    expect(bad.status).toBe(422);
    const errors = bad.json<Problem>().errors;
    expect(errors.map((e) => e.field).sort()).toEqual(['kind', 'territory', 'week']);
    expect(errors).toHaveLength(3);
  });

  it('move along their workflow only, dated and signed; an urgent one reaches the coordinator at once', async () => {
    const outboxBefore = Number(execSql(vigie.dbUrl, `SELECT count(*) FROM mail_outbox WHERE recipient = '${COORD}'`).trim());
    const bad = await actors.send('POST', '/api/v1/field/signals', ASSO, { week: '2026-W60', kind: 'rumour', severity: 'urgent', description: 'Appeler Mme Kowalski au 06 12 34 56 78.' });
    expect(bad.status).toBe(422);
    expect([...new Set(bad.json<Problem>().errors.map((e) => e.field))]).toEqual(['week', 'kind', 'description']);
    const created = await actors.send('POST', '/api/v1/field/signals', ASSO, {
      week: '2026-W09', territory: '93', forms: ['EXP_SEX'], kind: 'recruitment_channel', severity: 'urgent',
      description: 'Des annonces de « massage » recrutent des mineures sur une messagerie.',
    });
    expect(created.status, created.body).toBe(201);
    const signal = created.json<Signal>();
    expect(signal.state).toBe('new');
    const notes = (await actors.get('/api/v1/field/notifications', COORD)).json<{ unread: number; notifications: { id: number }[] }>();
    expect(notes.unread).toBe(1);
    expect(notes.notifications.map((n) => n.id)).toEqual([signal.id]);
    expect(Number(execSql(vigie.dbUrl, `SELECT count(*) FROM mail_outbox WHERE recipient = '${COORD}'`).trim())).toBe(outboxBefore + 1);
    // Not shared yet: police and the other association do not see it; they may not move it.
    for (const reader of [POLICE, ASSO2]) expect((await actors.get('/api/v1/field/signals', reader)).json<{ signals: Signal[] }>().signals).toEqual([]);
    expect((await actors.send('POST', `/api/v1/field/signals/${signal.id}/transitions`, POLICE, { to: 'acknowledged' })).status).toBe(404);
    expect((await actors.send('POST', `/api/v1/field/signals/${signal.id}/transitions`, ASSO, { to: 'acknowledged' })).status).toBe(404);

    const move = (to: string, extra: Record<string, unknown> = {}) => actors.send('POST', `/api/v1/field/signals/${signal.id}/transitions`, COORD, { to, ...extra });
    const early = await move('shared', { with: ['POL'] });
    expect(early.status).toBe(409);
    expect(early.json<{ allowed: string[] }>().allowed).toEqual(['acknowledged']);
    expect((await move('acknowledged')).status).toBe(200);
    const unknownOrg = await move('shared', { with: ['NOPE'] });
    expect(unknownOrg.status).toBe(422);
    expect(unknownOrg.json<Problem>().errors.map((e) => e.field)).toEqual(['with/0']);
    const shared = await move('shared', { with: ['POL'] });
    expect(shared.status, shared.body).toBe(200);
    expect((await actors.get('/api/v1/field/signals', POLICE)).json<{ signals: Signal[] }>().signals.map((s) => s.id)).toEqual([signal.id]);
    expect((await actors.get('/api/v1/field/signals', PREF)).json<{ signals: Signal[] }>().signals).toEqual([]);
    const closed = await move('closed');
    expect(closed.status).toBe(200);
    const final = closed.json<Signal>();
    expect(final.transitions.map((t) => `${t.from}>${t.to}:${t.by_organisation}`)).toEqual(['new>acknowledged:MIPROF', 'acknowledged>shared:MIPROF', 'shared>closed:MIPROF']);
    for (const t of final.transitions) expect(t.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await move('closed');
    expect(again.status).toBe(409);
    expect(again.json<{ allowed: string[] }>().allowed).toEqual([]);
  });
});

describe('live figures kept in memory', () => {
  it('move with the very next record: the coordinator and the owning organisation never read a stale table', async () => {
    // Read twice, so that the tables are kept, then add one record in 13 and read again.
    for (let i = 0; i < 2; ++i) {
      expect(cellOf(await stats(ASSO, 'dims=departement&year=2025&scope=mine'), { departement: '13' })!.value).toBe(3);
      expect(cellOf(await stats(COORD, 'dims=departement,sex&year=2025'), { departement: '13', sex: 'female' })!.value).toBe(3);
    }
    const r = await actors.send('POST', '/api/v1/field/records', ASSO, {
      contact_year: 2025, contact_month: 4, departement: '13', forms: ['EXP_SEX'], sex: 'female', age_band: '18-24', minor_at_contact: false,
    });
    expect(r.status, r.body).toBe(201);
    expect(cellOf(await stats(ASSO, 'dims=departement&year=2025&scope=mine'), { departement: '13' })!.value).toBe(4);
    expect(cellOf(await stats(COORD, 'dims=departement,sex&year=2025'), { departement: '13', sex: 'female' })!.value).toBe(4);
    expect(cellOf(await stats(COORD, 'dims=departement,sex&year=2025'), { departement: null, sex: null })!.value).toBe(86);
  });
});
