// Reporting campaigns and indicators as the committee uses them: the coordination opens a
// campaign, each pilot sees what it owes, completion moves as referents report, reminders go
// out by e-mail before the deadline and while overdue (with `vigie plan remind --today` as the
// clock), and closing freezes a snapshot. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { SmtpSink } from '../support/smtp-sink';
import { execFile } from 'node:child_process';
import { startVigie, vigieBin, type Vigie } from '../support/vigie';
import { until } from '../support/wait';

const COORD = 'coordination@miprof.test';
const DGT = 'referent@dgt.test';
const DGT_VIEWER = 'lecteur@dgt.test';
const ASSO = 'referent@asso.test';
let vigie: Vigie;
let smtp: SmtpSink;
let actors: PlanActors;

interface Campaign {
  id: number;
  label: string;
  deadline: string;
  reported: number;
  total: number;
  closed_at: string | null;
  by_organisation: { organisation: string; owed: number; reported: number }[];
  actions: { action_id: number; measure: string; pilots: string[]; reported_at: string | null }[];
  snapshot?: { reported: number; total: number; plan: { axes: { code: string }[] } };
}
interface Tree {
  axes: { measures: { code: string; actions: { id: number; pilots: string[] }[] }[] }[];
}

const day = (offset: number) => new Date(Date.now() + offset * 86400000).toISOString().slice(0, 10);
const deadline = day(20);
let campaign: Campaign;
let dgtMeasures: string[] = [];

beforeAll(async () => {
  smtp = await SmtpSink.start();
  vigie = await startVigie({ args: ['--smtp-url', smtp.url] });
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('DGT', 'ministry');
  actors.org('ASSO', 'association');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(DGT, 'DGT', 'referent');
  await actors.user(DGT_VIEWER, 'DGT', 'viewer');
  await actors.user(ASSO, 'ASSO', 'referent');
  const tree = (await actors.get('/api/v1/plan', DGT)).json<Tree>();
  dgtMeasures = tree.axes.flatMap((a) => a.measures).filter((m) => m.actions.some((a) => a.pilots.includes('DGT'))).map((m) => m.code);
});
afterAll(async () => {
  await vigie?.stop();
  smtp?.stop();
});

// The newest message to `to` whose subject holds `text`.
function mailTo(to: string, text: string) {
  return until(`an e-mail to ${to} about "${text}"`, () =>
    smtp.messages().filter((x) => x.to === to && x.subject.includes(text)).pop(),
  10_000);
}

// Two passes at once, as two processes (cron and a server) may run them.
const remindTwiceAtOnce = (today: string) =>
  Promise.all(
    [0, 1].map(
      () =>
        new Promise<{ code: number; out: string; err: string }>((resolve) =>
          execFile(vigieBin, ['plan', 'remind', '--today', today, '--db', vigie.dbUrl, '--data-dir', vigie.dataDir], (e, out, err) =>
            resolve({ code: e ? (e as { code?: number }).code ?? 1 : 0, out, err }),
          ),
        ),
    ),
  );

const remind = (today: string) => {
  const r = actors.cli(['plan', 'remind', '--today', today]);
  expect(r.code, r.stderr).toBe(0);
  return Number(/queued (\d+)/.exec(r.stdout)![1]);
};

describe('a reporting campaign', () => {
  it('is opened by the coordination, on chosen measures', async () => {
    const scope = [...dgtMeasures, 'A1.a'];
    const r = await actors.send('POST', '/api/v1/campaigns', COORD, { label: 'Point semestriel', deadline, measures: scope });
    expect(r.status, r.body).toBe(201);
    campaign = r.json<Campaign>();
    expect(campaign.reported).toBe(0);
    expect(campaign.total).toBe(scope.length);
    expect(campaign.by_organisation.find((o) => o.organisation === 'DGT')!.owed).toBe(dgtMeasures.length);
    const bad = await actors.send('POST', '/api/v1/campaigns', COORD, { label: '', deadline: '2020-01-01', measures: ['Z9.z'] });
    expect(bad.json<{ errors: { field: string; code: string }[] }>().errors.map((e) => [e.field, e.code])).toEqual([
      ['label', 'required'],
      ['deadline', 'past'],
      ['measures', 'unknown_measure'],
    ]);
    expect((await actors.send('POST', '/api/v1/campaigns', DGT, { label: 'x', deadline })).status).toBe(403);
    // The pilots' referents hear of it at once; viewers and other organisations do not.
    const notice = await mailTo(DGT, 'Nouvelle campagne de suivi');
    expect(notice.body).toContain(dgtMeasures[0]);
    expect(notice.body).toContain('/reporting');
    expect(smtp.messages().some((m) => m.to === DGT_VIEWER || m.to === ASSO)).toBe(false);
  });

  it('reminds the owing referents from a week before the deadline, once', async () => {
    expect(remind(day(5))).toBe(0);
    // Two passes at once: both succeed, and between them the reminders go out once.
    const both = await remindTwiceAtOnce(day(15));
    for (const r of both) expect(r.code, r.err).toBe(0);
    const sent = both.map((r) => Number(/queued (\d+)/.exec(r.out)![1])).reduce((a, b) => a + b, 0);
    expect(sent).toBe(2); // the DGT referent and the coordination referent, nobody else
    const mail = await mailTo(DGT, 'attendu avant le');
    expect(mail.subject).toContain('Point semestriel');
    expect(mail.body).toContain(dgtMeasures[0]);
    expect(smtp.messages().some((m) => m.to === DGT_VIEWER)).toBe(false);
    expect(remind(day(16))).toBe(0);
  });

  it('shows each pilot what it owes, and completion moves as referents report', async () => {
    const mine = (await actors.get('/api/v1/reporting/mine', DGT)).json<{ campaigns: Campaign[] }>();
    expect(mine.campaigns).toHaveLength(1);
    const owed = mine.campaigns[0].actions;
    expect(owed.map((a) => a.measure).sort()).toEqual([...dgtMeasures].sort());
    expect(owed.every((a) => a.reported_at === null)).toBe(true);
    expect((await actors.get('/api/v1/reporting/mine', ASSO)).json<{ campaigns: Campaign[] }>().campaigns).toEqual([]);

    const r = await actors.send('POST', `/api/v1/actions/${owed[0].action_id}/updates`, DGT, { status: 'in_progress', progress: 50, comment: 'Point de campagne.' });
    expect(r.status).toBe(201);
    const now = (await actors.get(`/api/v1/campaigns/${campaign.id}`, ASSO)).json<Campaign>();
    expect(now.reported).toBe(1);
    expect(now.actions.find((a) => a.action_id === owed[0].action_id)!.reported_at).not.toBeNull();
    const list = (await actors.get('/api/v1/campaigns', ASSO)).json<{ campaigns: Campaign[] }>().campaigns;
    expect(list[0].reported).toBe(1);
  });

  it('reminds again once overdue, every seven days, only those still owing', async () => {
    const overdue = remind(day(21));
    expect(overdue).toBe(2); // both still owe: the DGT reported on one of its actions only
    // Delivered by the server's sender: wait for every overdue reminder to arrive.
    const overdueMails = () => smtp.messages().filter((m) => m.subject.includes('en retard'));
    for (let i = 0; i < 100 && overdueMails().length < overdue; i++) await new Promise((r) => setTimeout(r, 100));
    expect(overdueMails()).toHaveLength(overdue);
    expect(overdueMails().some((m) => m.to === DGT_VIEWER || m.to === ASSO)).toBe(false);
    expect(remind(day(24))).toBe(0);
    expect(remind(day(28))).toBe(overdue);
  });

  it('closes into a snapshot that later reports do not change', async () => {
    expect((await actors.send('POST', `/api/v1/campaigns/${campaign.id}/close`, DGT)).status).toBe(403);
    const closed = await actors.send('POST', `/api/v1/campaigns/${campaign.id}/close`, COORD);
    expect(closed.status, closed.body).toBe(200);
    const c = closed.json<Campaign>();
    expect(c.closed_at).not.toBeNull();
    expect(c.snapshot!.reported).toBe(1);
    expect(c.snapshot!.total).toBe(campaign.total);
    expect(c.snapshot!.plan.axes).toHaveLength(6);
    const action = c.actions.find((a) => a.reported_at === null && a.pilots.includes('DGT'));
    if (action) await actors.send('POST', `/api/v1/actions/${action.action_id}/updates`, DGT, { status: 'achieved', progress: 100, comment: '' });
    expect((await actors.get(`/api/v1/campaigns/${campaign.id}`, ASSO)).json<Campaign>().reported).toBe(1);
    expect((await actors.send('POST', `/api/v1/campaigns/${campaign.id}/close`, COORD)).status).toBe(409);
    // The closed campaign as a spreadsheet for the committee: one row per action, the snapshot's.
    const csv = await actors.get(`/api/v1/campaigns/${campaign.id}/export.csv`, ASSO);
    expect(csv.status).toBe(200);
    // For a French user: ";", French headers and values, a file name saying what it holds.
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="campagne-[a-z0-9-]+-suivi-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe("Mesure;Intitulé de la mesure;N° d'action;Intitulé de l'action;Pilotes;Renseignée;Renseignée le");
    expect(lines).toHaveLength(campaign.total + 1);
    expect(lines.slice(1).filter((l) => /;oui;\d{4}-\d{2}-\d{2}$/.test(l))).toHaveLength(1);
    expect(lines.slice(1).filter((l) => /;non;$/.test(l))).toHaveLength(campaign.total - 1);
    const en = await actors.get(`/api/v1/campaigns/${campaign.id}/export.csv?lang=en`, ASSO);
    expect(en.headers['content-disposition']).toMatch(/filename="campaign-[a-z0-9-]+-follow-up-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(en.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Measure,Measure title,Action no.,Action title,Pilots,Reported,Reported on');
    expect(remind(day(35))).toBe(0);
    expect((await actors.get('/api/v1/reporting/mine', DGT)).json<{ campaigns: Campaign[] }>().campaigns).toEqual([]);
  });
});

describe('indicators', () => {
  let id = 0;
  it('are defined by the coordination on a measure', async () => {
    const r = await actors.send('POST', `/api/v1/measures/${dgtMeasures[0]}/indicators`, COORD, { name: 'Contrôles conjoints', unit: 'contrôles', direction: 'up', baseline: 120, target: 300, target_date: '2027-12-31' });
    expect(r.status, r.body).toBe(201);
    id = r.json<{ id: number }>().id;
    expect((await actors.send('POST', `/api/v1/measures/${dgtMeasures[0]}/indicators`, DGT, { name: 'x', unit: 'x', direction: 'up' })).status).toBe(403);
    const bad = await actors.send('POST', `/api/v1/measures/${dgtMeasures[0]}/indicators`, COORD, { name: '', unit: '', direction: 'sideways' });
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['name', 'unit', 'direction']);
  });

  it('take values per period from the pilots, the latest per period counting', async () => {
    for (const [period, value] of [['2025', 150], ['2026-S1', 90], ['2025', 160]] as const) {
      const r = await actors.send('POST', `/api/v1/indicators/${id}/values`, DGT, { period, value, source: 'Bilan annuel DGT 2025' });
      expect(r.status, r.body).toBe(201);
    }
    expect((await actors.send('POST', `/api/v1/indicators/${id}/values`, ASSO, { period: '2025', value: 1, source: 'x' })).status).toBe(403);
    const bad = await actors.send('POST', `/api/v1/indicators/${id}/values`, DGT, { period: '25', source: '' });
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['period', 'value', 'source']);
    const m = (await actors.get(`/api/v1/measures/${dgtMeasures[0]}`, ASSO)).json<{ indicators: { target: number; series: { period: string; value: number }[]; entries: unknown[] }[] }>();
    expect(m.indicators[0].target).toBe(300);
    expect(m.indicators[0].series).toEqual([
      { period: '2025', value: 160, source: 'Bilan annuel DGT 2025' },
      { period: '2026-S1', value: 90, source: 'Bilan annuel DGT 2025' },
    ]);
    expect(m.indicators[0].entries).toHaveLength(3);
  });
});
