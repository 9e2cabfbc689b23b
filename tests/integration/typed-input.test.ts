// The module kit's typed input, as a caller of the API meets it: a member of the wrong type,
// an impossible date or an unknown member is a 422 naming the field (never "absent" and a
// 200 that changed nothing); a quarter is one period however it is written; a caller who may
// not import is refused before the server reads the spreadsheet. SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { startVigie, type Vigie } from '../support/vigie';

let vigie: Vigie;
let actors: PlanActors;
const COORD = 'coord@miprof.test';
const DGT = 'referent@dgt.test';
const VIEWER = 'lecteur@asso.test';

interface FieldError {
  field: string;
  code: string;
}
const fields = (r: { json<T>(): T }) => r.json<{ errors: FieldError[] }>().errors.map((e) => `${e.field}:${e.code}`);

let dgtAction = 0;
let dgtMeasure = '';

beforeAll(async () => {
  vigie = await startVigie();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('DGT', 'ministry');
  actors.org('ASSO', 'association');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(DGT, 'DGT', 'referent');
  await actors.user(VIEWER, 'ASSO', 'viewer');
  const tree = (await actors.get('/api/v1/plan', COORD)).json<{
    axes: { measures: { code: string; actions: { id: number; pilots: string[] }[] }[] }[];
  }>();
  for (const m of tree.axes.flatMap((a) => a.measures))
    for (const a of m.actions)
      if (!dgtAction && a.pilots.includes('DGT')) {
        dgtAction = a.id;
        dgtMeasure = m.code;
      }
  expect(dgtAction).toBeGreaterThan(0);
});
afterAll(async () => {
  await vigie?.stop();
});

describe('typed input', () => {
  it('refuses a title given as a number, naming the field, and changes nothing', async () => {
    const before = (await actors.get(`/api/v1/measures/${dgtMeasure}`, COORD)).json<{ title_fr: string }>();
    const r = await actors.send('PATCH', `/api/v1/measures/${dgtMeasure}`, COORD, { title_fr: 5 });
    expect(r.status).toBe(422);
    expect(fields(r)).toEqual(['title_fr:type']);
    const after = (await actors.get(`/api/v1/measures/${dgtMeasure}`, COORD)).json<{ title_fr: string }>();
    expect(after.title_fr).toBe(before.title_fr);
  });

  it('refuses an impossible report date and one in the future', async () => {
    for (const [day, code] of [
      ['2026-99-99', 'invalid'],
      ['2026-02-30', 'invalid'],
      ['2999-01-01', 'out_of_range'],
    ]) {
      const r = await actors.send('POST', `/api/v1/actions/${dgtAction}/updates`, DGT, {
        status: 'in_progress',
        progress: 40,
        comment: '',
        reported_on: day,
      });
      expect(r.status, day).toBe(422);
      expect(fields(r), day).toEqual([`reported_on:${code}`]);
    }
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await actors.send('POST', `/api/v1/actions/${dgtAction}/updates`, DGT, {
      status: 'in_progress',
      progress: 40,
      reported_on: tomorrow,
    });
    expect(future.status).toBe(422);
    expect(fields(future)).toEqual(['reported_on:in_future']);
  });

  it('names every wrong type and unknown member at once', async () => {
    const r = await actors.send('POST', `/api/v1/actions/${dgtAction}/updates`, DGT, {
      status: 'in_progress',
      progress: 45.5,
      comment: 123,
      evidence: 'javascript:alert(1)',
      colour: 'red',
    });
    expect(r.status).toBe(422);
    expect(fields(r)).toEqual(['progress:type', 'comment:type', 'evidence:type', 'colour:unknown']);
  });

  it('refuses pilots given as numbers instead of removing every pilot', async () => {
    const r = await actors.send('PATCH', `/api/v1/actions/${dgtAction}`, COORD, { pilots: [5] });
    expect(r.status).toBe(422);
    expect(fields(r)).toEqual(['pilots/0:type']);
    const m = (await actors.get(`/api/v1/measures/${dgtMeasure}`, COORD)).json<{ actions: { id: number; pilots: string[] }[] }>();
    expect(m.actions.find((a) => a.id === dgtAction)!.pilots).toContain('DGT');
  });

  it('reads an action id of 11.9 as the wrong type, not as action 11', async () => {
    const r = await actors.send('POST', '/api/v1/updates', DGT, {
      updates: [{ action_id: 11.9, status: 'in_progress', progress: 10, comment: '' }],
    });
    expect(r.status).toBe(422);
    expect(fields(r)).toEqual(['updates/0/action_id:type']);
  });

  it('takes Q1 and T1 as one quarter: the later value replaces the earlier', async () => {
    const created = await actors.send('POST', `/api/v1/measures/${dgtMeasure}/indicators`, COORD, {
      name: 'Contrôles conjoints',
      unit: 'contrôles',
      direction: 'up',
    });
    expect(created.status).toBe(201);
    const id = created.json<{ id: number }>().id;
    const t1 = await actors.send('POST', `/api/v1/indicators/${id}/values`, DGT, { period: '2025-T1', value: 10, source: 'Bilan annuel DGT 2025' });
    expect(t1.status).toBe(201);
    expect(t1.json<{ period: string }>().period).toBe('2025-Q1');
    const q1 = await actors.send('POST', `/api/v1/indicators/${id}/values`, DGT, { period: '2025-Q1', value: 12, source: 'Bilan annuel DGT 2025' });
    expect(q1.status).toBe(201);
    const m = (await actors.get(`/api/v1/measures/${dgtMeasure}`, COORD)).json<{
      indicators: { id: number; series: { period: string; value: number }[]; entries: { period: string }[] }[];
    }>();
    const indicator = m.indicators.find((i) => i.id === id)!;
    expect(indicator.series).toEqual([expect.objectContaining({ period: '2025-Q1', value: 12 })]);
    expect(indicator.entries.map((e) => e.period)).toEqual(['2025-Q1', '2025-Q1']);
  });

  it('refuses an indicator value of 1e308', async () => {
    const created = await actors.send('POST', `/api/v1/measures/${dgtMeasure}/indicators`, COORD, { name: 'Autre', unit: 'u', direction: 'up' });
    const id = created.json<{ id: number }>().id;
    const r = await actors.send('POST', `/api/v1/indicators/${id}/values`, DGT, { period: '2025', value: 1e308, source: 'Bilan annuel DGT 2025' });
    expect(r.status).toBe(422);
    expect(fields(r)).toEqual(['value:out_of_range']);
  });
});

describe('permission before parsing', () => {
  it('refuses an import by a viewer with 403 whatever the body holds', async () => {
    const r = await actors.send('POST', '/api/v1/plan/import', VIEWER, 'this is not a spreadsheet at all', 'text/csv');
    expect(r.status).toBe(403);
    expect(r.json<{ code: string }>().code).toBe('forbidden');
  });

  it('still reads the body for the coordination, and says what is wrong with it', async () => {
    const r = await actors.send('POST', '/api/v1/plan/import', COORD, 'code;"unterminated', 'text/csv');
    expect(r.status).toBe(422);
    expect(r.json<{ code: string }>().code).toBe('unreadable-file');
  });
});
