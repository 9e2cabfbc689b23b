// The privacy engines as their users meet them: the command line, and the form check route.
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from '../support/http';
import { startVigie, vigieBin, type Vigie } from '../support/vigie';

function scan(text: string) {
  const r = spawnSync(vigieBin, ['privacy', 'scan'], { input: text });
  return { code: r.status, json: JSON.parse(r.stdout.toString()) as { findings: { kind: string; start: number; end: number; text: string }[] } };
}

describe('vigie privacy scan', () => {
  it('finds the name and the phone number, and exits 1', () => {
    const r = scan('Mme Blessing Okafor, 06 12 34 56 78\n');
    expect(r.code).toBe(1);
    expect(r.json.findings.map((f) => [f.kind, f.text])).toEqual([
      ['person_name', 'Blessing Okafor'],
      ['phone', '06 12 34 56 78'],
    ]);
  });

  it('leaves a clean field note alone, and exits 0', () => {
    const r = scan('La préfète du 93 a reçu trois jeunes femmes de 17 à 19 ans le 12 mars 2024.\n');
    expect(r.code).toBe(0);
    expect(r.json.findings).toEqual([]);
  });

  it('exits 2 on a usage error', () => {
    expect(spawnSync(vigieBin, ['privacy', 'scan', '--no-such-flag'], { input: '' }).status).toBe(2);
  });
});

describe('vigie privacy aggregate', () => {
  const csv = ['departement,sex', ...Array(40).fill('93,F'), ...Array(3).fill('93,M'), ...Array(52).fill('75,F'), ...Array(25).fill('75,M')].join('\n');

  it('never shows a cell of 3, nor the cells that would give it away', () => {
    const out = JSON.parse(execFileSync(vigieBin, ['privacy', 'aggregate', '--k', '11', '--by', 'departement,sex'], { input: csv }).toString());
    const cell = (d: string | null, s: string | null) =>
      out.cells.find((c: { departement: string | null; sex: string | null }) => c.departement === d && c.sex === s);
    expect(cell('93', 'M')).toMatchObject({ value: null, suppressed: true, reason: 'below_k' });
    // 93 total, F total and grand total are published: 93/F and 75/M must then be hidden too.
    expect(cell('93', 'F').value).toBeNull();
    expect(cell('75', 'M').value).toBeNull();
    const published = out.cells.filter((c: { value: number | null }) => c.value !== null);
    for (const c of published) expect(c.value % 5).toBe(0);
    expect(JSON.stringify(out)).not.toMatch(/"value":3\b/);
  });

  it('refuses a dimension outside the fixed list', () => {
    const r = spawnSync(vigieBin, ['privacy', 'aggregate', '--by', 'first_name'], { input: 'first_name\nJoy\n' });
    expect(r.status).toBe(2);
    expect(r.stderr.toString()).toContain("'first_name' is not a dimension");
  });
});

describe('POST /api/v1/privacy/check', () => {
  let vigie: Vigie;
  beforeAll(async () => {
    vigie = await startVigie();
  });
  afterAll(async () => {
    await vigie?.stop();
  });

  const check = (fields: Record<string, unknown>) =>
    request(`${vigie.url}/api/v1/privacy/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields }),
    });

  it('says clean texts are clean', async () => {
    const r = await check({ narrative: 'Orientée par le 115, reçue le 12 mars 2024 par la préfète.' });
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ clean: true });
  });

  it('answers 422 naming the field, the kind, the span and what to write instead', async () => {
    const text = 'Reçue avec sa fille, prénommée Aïcha, joignable au 06 12 34 56 78.';
    const r = await check({ title: 'Premier entretien', narrative: text });
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toBe('application/problem+json');
    const body = r.json<{ errors: { field: string; code: string; kind: string; start: number; end: number; hint: { fr: string; en: string } }[] }>();
    expect(body.errors.map((e) => [e.field, e.kind])).toEqual([
      ['narrative', 'person_name'],
      ['narrative', 'phone'],
    ]);
    const name = body.errors[0];
    expect(Buffer.from(text).subarray(name.start, name.end).toString()).toBe('Aïcha');
    expect(name.code).toBe('identifier.person_name');
    expect(name.hint.fr).toContain('la personne');
  });

  it('refuses a body without fields, field by field', async () => {
    const r = await request(`${vigie.url}/api/v1/privacy/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ fields: { narrative: 42 } }),
    });
    expect(r.status).toBe(422);
    expect(r.json<{ errors: { field: string; code: string }[] }>().errors[0]).toMatchObject({ field: 'narrative', code: 'not_a_string' });
  });
});
