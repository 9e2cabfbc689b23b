// The coordination edits the plan's referential: measures added, renamed, reweighted,
// reordered and retired (never deleted), actions changed, and the whole referential exchanged
// as XLSX and CSV (an export re-imports unchanged; an import with one bad row changes nothing).
// Runs on SQLite and PostgreSQL.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { startVigie, type Vigie } from '../support/vigie';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const COORD = 'coordination@miprof.test';
const DGT = 'referent@dgt.test';
let vigie: Vigie;
let actors: PlanActors;

interface Measure {
  code: string;
  title: string;
  title_en: string;
  retired: boolean;
  progress: number;
  actions: { id: number; title: string; pilots: string[]; weight: number; deadline: string | null }[];
}
interface Tree {
  axes: { code: string; measures: Measure[] }[];
}
const tree = async () => (await actors.get('/api/v1/plan', DGT)).json<Tree>();
const measures = async () => (await tree()).axes.flatMap((a) => a.measures);

// Reads an XLSX with openpyxl (an independent implementation) as rows of strings.
function readWithOpenpyxl(bytes: Buffer): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-xlsx-'));
  writeFileSync(join(dir, 'in.xlsx'), bytes);
  const script = `import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print(json.dumps([["" if c is None else (str(int(c)) if isinstance(c, float) and c.is_integer() else str(c)) for c in row] for row in ws.iter_rows(values_only=True)]))`;
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, join(dir, 'in.xlsx')]).toString());
}

// Changes one cell with openpyxl and saves the workbook (a file another program wrote).
function editWithOpenpyxl(bytes: Buffer, row: number, column: number, value: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-xlsx-'));
  writeFileSync(join(dir, 'in.xlsx'), bytes);
  const script = `import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
wb.worksheets[0].cell(row=int(sys.argv[2]), column=int(sys.argv[3])).value = sys.argv[4]
wb.save(sys.argv[1])`;
  execFileSync('/usr/bin/python3', ['-c', script, join(dir, 'in.xlsx'), String(row), String(column), value]);
  return readFileSync(join(dir, 'in.xlsx'));
}

// Runs LibreOffice Calc headless on `input`, converting to `filter`; returns the output file.
function libreOffice(input: string, extension: string, filter: string): string {
  const out = mkdtempSync(join(tmpdir(), 'vigie-lo-'));
  const profile = mkdtempSync(join(tmpdir(), 'vigie-lo-profile-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', `${extension}:${filter}`, '--outdir', out, input], { stdio: 'pipe', timeout: 120_000 });
  return join(out, input.split('/').pop()!.replace(/\.[a-z]+$/, `.${extension}`));
}

beforeAll(async () => {
  vigie = await startVigie();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('DGT', 'ministry');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(DGT, 'DGT', 'referent');
});
afterAll(async () => {
  await vigie?.stop();
});

describe('editing the referential', () => {
  it('adds a measure to an axis, with an action its pilot can report on', async () => {
    const r = await actors.send('POST', '/api/v1/axes/A2/measures', COORD, { code: 'A2.z', title_fr: 'Former les inspecteurs du travail', title_en: 'Train labour inspectors', pilots: ['DGT'], deadline: '2027-06-30' });
    expect(r.status, r.body).toBe(201);
    const m = (await measures()).find((x) => x.code === 'A2.z')!;
    expect(m.actions[0].pilots).toEqual(['DGT']);
    expect(m.actions[0].deadline).toBe('2027-06-30');
    expect((await actors.send('POST', `/api/v1/actions/${m.actions[0].id}/updates`, DGT, { status: 'in_progress', progress: 40, comment: '' })).status).toBe(201);
    // Codes are unique; inputs are checked field by field.
    const again = await actors.send('POST', '/api/v1/axes/A2/measures', COORD, { code: 'A2.z', title_fr: '', pilots: ['NOPE'] });
    expect(again.status).toBe(422);
    expect(again.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => [e.field, e.code])).toEqual([
      ['code', 'taken'],
      ['title_fr', 'required'],
      ['pilots', 'unknown_pilot'],
    ]);
    expect((await actors.send('POST', '/api/v1/axes/A9/measures', COORD, { code: 'A9.a', title_fr: 'x', pilots: [] })).status).toBe(404);
  });

  it('renames, reweights, reorders and retires a measure, and keeps it', async () => {
    expect((await actors.send('PATCH', '/api/v1/measures/A2.z', COORD, { title_fr: 'Former les inspecteurs', weight: 3 })).status).toBe(200);
    let axis = (await tree()).axes.find((a) => a.code === 'A2')!;
    const last = axis.measures.length - 1;
    expect(axis.measures[last].code).toBe('A2.z');
    expect(axis.measures[last].title).toBe('Former les inspecteurs');
    expect((await actors.send('PATCH', '/api/v1/measures/A2.z', COORD, { move: -1 })).status).toBe(200);
    axis = (await tree()).axes.find((a) => a.code === 'A2')!;
    expect(axis.measures[last - 1].code).toBe('A2.z');
    expect((await actors.send('PATCH', '/api/v1/measures/A2.z', COORD, { weight: 0 })).status).toBe(422);

    expect((await actors.send('PATCH', '/api/v1/measures/A2.z', COORD, { retired: true })).status).toBe(200);
    const retired = (await measures()).find((x) => x.code === 'A2.z')!;
    expect(retired.retired).toBe(true);
    // Its history stays; the public no longer sees it.
    expect((await actors.get('/api/v1/measures/A2.z', DGT)).json<{ history: unknown[] }>().history).toHaveLength(1);
    expect((await actors.get('/api/v1/public/plan')).body).not.toContain('A2.z');
  });

  it('changes an action (weight, deadline, pilots) and adds one', async () => {
    const m = (await measures()).find((x) => x.code === 'A1.a')!;
    const r = await actors.send('PATCH', `/api/v1/actions/${m.actions[0].id}`, COORD, { weight: 2, deadline: '2026-12-31', pilots: ['MIPROF', 'DGT'] });
    expect(r.status, r.body).toBe(200);
    const added = await actors.send('POST', '/api/v1/measures/A1.a/actions', COORD, { title: 'Publier le guide', pilots: ['MIPROF'], cost_eur: 12000 });
    expect(added.status, added.body).toBe(201);
    const after = (await measures()).find((x) => x.code === 'A1.a')!;
    expect(after.actions.map((a) => [a.title, a.weight, a.pilots])).toEqual([
      [m.actions[0].title, 2, ['DGT', 'MIPROF']],
      ['Publier le guide', 1, ['MIPROF']],
    ]);
    const bad = await actors.send('PATCH', `/api/v1/actions/${m.actions[0].id}`, COORD, { deadline: '2026-02-30', official_text_url: 'javascript:alert(1)' });
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['deadline', 'official_text_url']);
  });

  it('is the coordination\'s alone', async () => {
    expect((await actors.send('PATCH', '/api/v1/measures/A1.a', DGT, { title_fr: 'Piratage' })).status).toBe(403);
    expect((await actors.send('POST', '/api/v1/axes/A1/measures', DGT, { code: 'A1.y', title_fr: 'x', pilots: [] })).status).toBe(403);
    expect((await measures()).find((x) => x.code === 'A1.a')!.title).not.toBe('Piratage');
  });
});

describe('spreadsheet exchange', () => {
  it('exports for a French user: ";" and a BOM, French headers and values, a file name that says what it holds', async () => {
    const r = await actors.get('/api/v1/plan/export.csv', DGT);
    expect(r.status).toBe(200);
    expect(r.body.startsWith('\uFEFF')).toBe(true);
    expect(r.headers['content-disposition']).toBe('attachment; filename="referentiel-plan-2024-2027.csv"');
    const lines = r.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe("Axe;Mesure;Intitulé de la mesure;Intitulé de la mesure (anglais);Poids de la mesure;Retirée;N° d'action;Intitulé de l'action;Poids de l'action;Pilotes;Partenaires;Échéance;Coût (euros);Financement;Texte officiel (lien);Statut;Avancement (%);En retard");
    const statuses = new Set(lines.slice(1).map((l) => l.split(';').at(-3)));
    for (const s of statuses) expect(['Non démarrée', 'En cours', 'Réalisée', 'En retard', 'Abandonnée']).toContain(s);
    expect(lines.slice(1).every((l) => /;(oui|non)$/.test(l))).toBe(true);
    const en = await actors.get('/api/v1/plan/export.csv?lang=en', DGT);
    expect(en.headers['content-disposition']).toBe('attachment; filename="plan-referential-2024-2027.csv"');
    expect(en.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Axis,Measure,Measure title \(French\),Measure title,/);
    expect((await actors.get('/api/v1/plan/export.xlsx', DGT)).headers['content-disposition']).toBe('attachment; filename="referentiel-plan-2024-2027.xlsx"');
    // The import reads back either export.
    for (const body of [r.body, en.body]) {
      const back = await actors.send('POST', '/api/v1/plan/import', COORD, body, 'text/csv');
      expect(back.status, back.body).toBe(200);
      expect(back.json<{ rows_unchanged: number }>().rows_unchanged).toBe(lines.length - 1);
    }
  });

  it('exports an XLSX that another program reads, with the same rows as the CSV', async () => {
    const x = await actors.get('/api/v1/plan/export.xlsx?lang=en', DGT);
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toBe(XLSX);
    const rows = readWithOpenpyxl(x.raw);
    const csv = (await actors.get('/api/v1/plan/export.csv?lang=en', DGT)).body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0].join(',')).toBe(csv[0]);
    expect(rows).toHaveLength(csv.length);
    const a1a = rows.filter((r) => r[1] === 'A1.a');
    expect(a1a).toHaveLength(2);
    expect(a1a[0][9]).toBe('DGT MIPROF');
    expect(a1a[1][12]).toBe('12000');
  });

  it('opens in LibreOffice Calc with the CSV export\'s cells, and re-imports unchanged once LibreOffice saved it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-xlsx-'));
    writeFileSync(join(dir, 'plan.xlsx'), (await actors.get('/api/v1/plan/export.xlsx?lang=en', DGT)).raw);
    const csv = (await actors.get('/api/v1/plan/export.csv?lang=en', DGT)).body.replace(/^\uFEFF/, '');
    // Comma-separated, quoted text, UTF-8 (76): what our CSV export writes.
    const calc = libreOffice(join(dir, 'plan.xlsx'), 'csv', 'Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false');
    writeFileSync(join(dir, 'ours.csv'), csv);
    // Both files read by Python's csv module: the same cells, row for row.
    const cells = (file: string) => JSON.parse(execFileSync('/usr/bin/python3', ['-c', 'import csv, json, sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))))', file]).toString());
    const parse = (text: string) => text.trim().split(/\r?\n/);
    expect(cells(calc)).toEqual(cells(join(dir, 'ours.csv')));
    const resaved = readFileSync(libreOffice(join(dir, 'plan.xlsx'), 'xlsx', 'Calc MS Excel 2007 XML'));
    const r = await actors.send('POST', '/api/v1/plan/import', COORD, resaved, XLSX);
    expect(r.status, r.body).toBe(200);
    expect(r.json()).toMatchObject({ measures_created: 0, measures_updated: 0, actions_created: 0, actions_updated: 0, rows_unchanged: parse(csv).length - 1 });
  }, 120_000);

  it('re-imports its own XLSX and CSV exports unchanged', async () => {
    const before = await actors.get('/api/v1/plan/export.csv?lang=en', DGT);
    const x = await actors.get('/api/v1/plan/export.xlsx?lang=en', DGT);
    const fromXlsx = await actors.send('POST', '/api/v1/plan/import?apply=true', COORD, x.raw, XLSX);
    expect(fromXlsx.status, fromXlsx.body).toBe(200);
    const rows = before.body.trim().split('\r\n').length - 1;
    expect(fromXlsx.json()).toEqual({ applied: false, measures_created: 0, measures_updated: 0, actions_created: 0, actions_updated: 0, rows_unchanged: rows });
    const fromCsv = await actors.send('POST', '/api/v1/plan/import?apply=true', COORD, before.body, 'text/csv');
    expect(fromCsv.json<{ rows_unchanged: number }>().rows_unchanged).toBe(rows);
    expect((await actors.get('/api/v1/plan/export.csv?lang=en', DGT)).body).toBe(before.body);
  });

  it('shows every bad row and changes nothing until all are valid', async () => {
    const before = (await actors.get('/api/v1/plan/export.csv?lang=en', DGT)).body;
    const lines = before.replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0];
    const bad = [
      header,
      'A1,A1.v,Une mesure valide,,1,no,,Action,1,DGT,,2026-01-01,,,,,,',
      'A9,A9.a,Titre,,1,no,,Action,1,DGT,,2026-01-01,,,,,,',
      'A1,A1.n,Nouvelle mesure,,1,no,,Action,1,INCONNU,,2026-13-01,-5,,ftp://x,,,',
    ].join('\r\n');
    const r = await actors.send('POST', '/api/v1/plan/import?apply=true', COORD, bad, 'text/csv');
    expect(r.status).toBe(422);
    const errors = r.json<{ errors: { row: number; column: string }[] }>().errors.map((e) => `${e.row}:${e.column}`);
    expect(errors).toEqual(['3:axis', '4:pilots', '4:deadline', '4:cost_eur', '4:official_text_url']);
    expect((await actors.get('/api/v1/plan/export.csv?lang=en', DGT)).body).toBe(before);
    const header_only = await actors.send('POST', '/api/v1/plan/import', COORD, 'a,b\r\n', 'text/csv');
    expect(header_only.status).toBe(422);
    expect((await actors.send('POST', '/api/v1/plan/import', COORD, Buffer.from('PK\x03\x04 not really'), XLSX)).status).toBe(422);
  });

  it('applies a workbook edited elsewhere: a check first, then the import', async () => {
    const x = await actors.get('/api/v1/plan/export.xlsx', DGT);
    const rows = readWithOpenpyxl(x.raw);
    const row = rows.findIndex((r) => r[1] === 'A3.a') + 1;
    const edited = editWithOpenpyxl(x.raw, row, 3, 'Titre revu en comité');
    const check = await actors.send('POST', '/api/v1/plan/import', COORD, edited, XLSX);
    expect(check.status, check.body).toBe(200);
    expect(check.json()).toMatchObject({ applied: false, measures_updated: 1, actions_updated: 0 });
    expect((await measures()).find((m) => m.code === 'A3.a')!.title).not.toBe('Titre revu en comité');
    const applied = await actors.send('POST', '/api/v1/plan/import?apply=true', COORD, edited, XLSX);
    expect(applied.json()).toMatchObject({ applied: true, measures_updated: 1 });
    expect((await measures()).find((m) => m.code === 'A3.a')!.title).toBe('Titre revu en comité');
    expect((await actors.send('POST', '/api/v1/plan/import?apply=true', DGT, edited, XLSX)).status).toBe(403);
  });
});
