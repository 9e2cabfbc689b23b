// Saisines over HTTP, on SQLite and PostgreSQL (issue 14): a filing refused field by field; a
// draft its organisation's alone; the authority kept out before the referral and another
// prefecture always (404); after the referral the prefecture reads the coordinator's summary and
// the parts marked shared, nothing else; the two threads never cross; an illegal transition
// answers 409 naming the allowed ones; the raw database holds no narrative, message or summary
// in clear; every read is audited for the filing organisation; deadline reminders go out through
// the outbox on the day the rule says, and a case overdue past the second threshold is flagged
// for the committee; the figures are exact for the coordinator, controlled for everyone else;
// in-app notifications reach exactly the parties' users, without a narrative;
// attachments are checked from their bytes, size-limited, stripped of image metadata, sealed in
// the file store and downloaded as sandboxed attachments by the case's full readers only.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanActors } from '../support/plan-session';
import { execSql, startVigie, type Vigie } from '../support/vigie';

let vigie: Vigie;
let actors: PlanActors;
const COORD = 'coord@miprof.test';
const ASSO = 'referente@asso.test';
const ASSO_ADMIN = 'admin@asso.test';
const OTHER_ASSO = 'referent@autre-asso.test';
const PREF = 'bureau@pref93.test';
const OTHER_PREF = 'bureau@pref13.test';
const PREF_VIEWER = 'lecture@pref93.test'; // a viewer: told in the application, not by e-mail

interface Saisine {
  id: number;
  view: 'full' | 'authority';
  state: string;
  title?: string;
  facts?: string;
  chronology?: { date: string; event: string; kind: string }[];
  expected?: string;
  summary: string;
  persons?: number | null;
  checklist?: { key: string; done: boolean }[];
  documented?: boolean;
  committee_flag: boolean;
  overdue: boolean;
  allowed_transitions: string[];
  timeline: { from: string; to: string; organisation: string; message: string | null; reason: string | null }[];
  threads: { filer: { text: string }[]; authority: { text: string }[] };
}
interface Problem {
  errors?: { field: string; code: string }[];
  allowed?: string[];
  state?: string;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const missing = (s: Saisine) => s.checklist!.filter((l) => !l.done).map((l) => l.key);
const fields = (r: { json<T>(): T }) => r.json<Problem>().errors!.map((e) => `${e.field}:${e.code}`).sort();

// A residence-permit case whose chronology lacks the complaint's date.
const filing = (extra: Record<string, unknown> = {}) => ({
  title: 'Titre de séjour bloqué après une plainte',
  category: 'residence_permit',
  authority: 'PREF93',
  departement: '93',
  measures: [] as string[],
  facts: 'La demande de titre est restée sans suite malgré le dépôt de plainte.',
  chronology: [
    { date: day(-60), event: 'Demande de titre déposée en préfecture', kind: 'authority_request' },
    { date: day(-20), event: 'Relance écrite sans réponse', kind: 'reminder' },
  ],
  persons: 2,
  steps: [{ date: day(-30), step: 'Courrier recommandé au bureau des étrangers' }],
  expected: 'Un rendez-vous au guichet dans le mois.',
  shared: ['chronology'],
  ...extra,
});

async function file(who: string, extra: Record<string, unknown> = {}): Promise<Saisine> {
  const r = await actors.send('POST', '/api/v1/saisines', who, filing(extra));
  expect(r.status, r.body).toBe(201);
  return r.json<Saisine>();
}
async function move(who: string, id: number, body: Record<string, unknown>, status = 200): Promise<Saisine> {
  const r = await actors.send('POST', `/api/v1/saisines/${id}/transitions`, who, body);
  expect(r.status, r.body).toBe(status);
  return r.json<Saisine>();
}
const read = (id: number, who: string) => actors.get(`/api/v1/saisines/${id}`, who);
const listed = async (who: string, query = '') =>
  (await actors.get(`/api/v1/saisines${query}`, who)).json<{ saisines: { id: number }[] }>().saisines.map((s) => s.id);

let measure = '';

beforeAll(async () => {
  vigie = await startVigie();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('ASSO', 'association');
  actors.org('AUTRE', 'association');
  actors.org('PREF93', 'prefecture');
  actors.org('PREF13', 'prefecture');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(ASSO, 'ASSO', 'referent');
  await actors.user(ASSO_ADMIN, 'ASSO', 'org_admin');
  await actors.user(OTHER_ASSO, 'AUTRE', 'referent');
  await actors.user(PREF, 'PREF93', 'referent');
  await actors.user(OTHER_PREF, 'PREF13', 'referent');
  await actors.user(PREF_VIEWER, 'PREF93', 'viewer');
  const tree = (await actors.get('/api/v1/plan', COORD)).json<{ axes: { measures: { code: string }[] }[] }>();
  measure = tree.axes[0].measures[0].code;
});
afterAll(async () => {
  await vigie?.stop();
});

describe('filing', () => {
  it('refuses every wrong field at once, each named', async () => {
    const r = await actors.send('POST', '/api/v1/saisines', ASSO, filing({
      category: 'housing',
      departement: '99',
      measures: ['Z9.z'],
      persons: 0,
      chronology: [{ date: day(3), event: 'Audience prévue', kind: 'appointment' }],
      steps: [{ date: '2026-02-30', step: 'Courrier' }],
      shared: ['title'],
      facts: 'Appeler Mme Aïssata Diallo au 06 12 34 56 78.',
    }));
    expect(r.status).toBe(422);
    const got = fields(r);
    expect(got.filter((f) => !f.startsWith('facts:'))).toEqual([
      'category:invalid',
      'chronology/0/date:in_future',
      'chronology/0/kind:invalid',
      'departement:invalid',
      'measures/0:unknown',
      'persons:out_of_range',
      'shared/0:invalid',
      'steps/0/date:invalid',
    ].sort());
    expect(got).toContain('facts:identifier.phone');
    expect(got.some((f) => f.startsWith('facts:identifier.person_name'))).toBe(true);
    // Identifiers in the chronology and the steps are named at their item.
    const nested = await actors.send('POST', '/api/v1/saisines', ASSO, filing({
      chronology: [{ date: day(-5), event: 'Écrire à aissata.diallo@example.org', kind: '' }],
      steps: [{ date: day(-5), step: 'Appel au 06 12 34 56 78' }],
    }));
    expect(nested.status).toBe(422);
    expect(fields(nested)).toEqual(['chronology/0/event:identifier.email', 'steps/0/step:identifier.phone']);
    // A title and a category are what a draft needs.
    const bare = await actors.send('POST', '/api/v1/saisines', ASSO, {});
    expect(fields(bare)).toEqual(['category:required', 'title:required']);
  });

  it('addresses only an authority of the directory', async () => {
    const unknown = await actors.send('POST', '/api/v1/saisines', ASSO, filing({ authority: 'NOPE' }));
    expect(fields(unknown)).toEqual(['authority:unknown']);
    const association = await actors.send('POST', '/api/v1/saisines', ASSO, filing({ authority: 'AUTRE' }));
    expect(fields(association)).toEqual(['authority:not_an_authority']);
  });

  it('keeps a draft to its organisation, with its checklist', async () => {
    const s = await file(ASSO, { measures: [measure] });
    expect(s.state).toBe('draft');
    expect(missing(s)).toEqual(['complaint_date']);
    expect(s.documented).toBe(false);
    expect((await read(s.id, ASSO)).status).toBe(200);
    for (const who of [COORD, PREF, OTHER_PREF, OTHER_ASSO]) {
      expect((await read(s.id, who)).status, who).toBe(404);
      expect(await listed(who), who).not.toContain(s.id);
      expect((await actors.send('PATCH', `/api/v1/saisines/${s.id}`, who, { persons: 3 })).status, who).toBe(404);
    }
    expect(await listed(ASSO)).toContain(s.id);
  });
});

describe('a residence-permit saisine from filing to resolution', () => {
  let s: Saisine;
  const SUMMARY = 'Demande de titre sans réponse depuis deux mois malgré la plainte.';
  const TO_FILER = 'Merci de préciser la date de la plainte.';
  const TO_AUTHORITY = 'Pouvez-vous proposer un rendez-vous au guichet ?';

  it('is submitted, then kept from the prefecture and any other organisation until referred', async () => {
    s = await file(ASSO);
    const submitted = await move(ASSO, s.id, { to: 'submitted' });
    expect(submitted.state).toBe('submitted');
    expect((await read(s.id, COORD)).status).toBe(200);
    expect(await listed(COORD, '?state=submitted')).toContain(s.id);
    for (const who of [PREF, OTHER_PREF, OTHER_ASSO]) {
      expect((await read(s.id, who)).status, who).toBe(404);
      expect((await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, who, { to: 'answered', message: 'Vu.' })).status, who).toBe(404);
      expect((await actors.send('POST', `/api/v1/saisines/${s.id}/messages`, who, { thread: 'authority', text: 'Vu.' })).status, who).toBe(404);
      expect(await listed(who), who).not.toContain(s.id);
    }
  });

  it('answers 409 naming the allowed transitions for an illegal one, 403 for a legal one not the caller’s', async () => {
    for (const [who, to] of [[ASSO, 'referred'], [COORD, 'resolved'], [COORD, 'closed']]) {
      const r = await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, who, { to });
      expect(r.status, `${who} ${to}`).toBe(409);
      expect(r.json<Problem>().allowed).toEqual(['needs_information', 'accepted', 'declined', 'withdrawn']);
      expect(r.json<Problem>().state).toBe('submitted');
    }
    expect((await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, ASSO, { to: 'accepted' })).status).toBe(403);
    expect((await read(s.id, COORD)).json<Saisine>().allowed_transitions).toEqual(['needs_information', 'accepted', 'declined']);
    expect((await read(s.id, ASSO)).json<Saisine>().allowed_transitions).toEqual(['withdrawn']);
  });

  it('lets the coordinator ask for what is missing, and the association add it', async () => {
    const noMessage = await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, COORD, { to: 'needs_information' });
    expect(fields(noMessage)).toEqual(['message:required']);
    await move(COORD, s.id, { to: 'needs_information', message: TO_FILER });
    const changed = await actors.send('PATCH', `/api/v1/saisines/${s.id}`, ASSO, {
      chronology: [...filing().chronology, { date: day(-90), event: 'Dépôt de plainte au commissariat', kind: 'complaint' }],
    });
    expect(changed.status, changed.body).toBe(200);
    expect(missing(changed.json<Saisine>())).toEqual([]);
    expect(changed.json<Saisine>().documented).toBe(true);
    await move(ASSO, s.id, { to: 'submitted' });
    // Once taken up, the filing no longer changes.
    await move(COORD, s.id, { to: 'accepted' });
    expect((await actors.send('PATCH', `/api/v1/saisines/${s.id}`, ASSO, { persons: 3 })).status).toBe(409);
  });

  it('is referred with a summary, and the prefecture then reads the summary and the shared parts only', async () => {
    const noSummary = await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, COORD, { to: 'referred' });
    expect(fields(noSummary)).toEqual(['summary:required']);
    await move(COORD, s.id, { to: 'referred', summary: SUMMARY });
    const r = await read(s.id, PREF);
    expect(r.status).toBe(200);
    const seen = r.json<Saisine>();
    expect(seen.view).toBe('authority');
    expect(seen.summary).toBe(SUMMARY);
    expect(seen.chronology!.map((e) => e.kind)).toEqual(['authority_request', 'reminder', 'complaint']); // shared
    for (const hidden of ['title', 'facts', 'expected', 'steps', 'persons', 'checklist', 'filer'])
      expect(seen, hidden).not.toHaveProperty(hidden);
    expect(r.body).not.toContain('sans suite malgré le dépôt de plainte');
    expect(r.body).not.toContain(TO_FILER);
    expect(seen.timeline.map((t) => t.to)).toEqual(['referred']);
    expect(seen.allowed_transitions).toEqual(['answered']);
    expect(await listed(PREF)).toEqual([s.id]);
    // Another prefecture still does not know it exists.
    expect((await read(s.id, OTHER_PREF)).status).toBe(404);
    expect(await listed(OTHER_PREF)).toEqual([]);
  });

  it('keeps the two threads apart', async () => {
    const post = (who: string, thread: string, text: string) => actors.send('POST', `/api/v1/saisines/${s.id}/messages`, who, { thread, text });
    expect((await post(COORD, 'filer', 'Le dossier est transmis à la préfecture.')).status).toBe(201);
    expect((await post(COORD, 'authority', TO_AUTHORITY)).status).toBe(201);
    expect((await post(PREF, 'authority', 'Un créneau est proposé la semaine prochaine.')).status).toBe(201);
    expect((await post(ASSO, 'filer', 'Merci pour le suivi.')).status).toBe(201);
    // Neither side writes in the other's thread.
    expect((await post(ASSO, 'authority', 'Une précision pour la préfecture.')).status).toBe(403);
    expect((await post(PREF, 'filer', 'Une question pour l’association.')).status).toBe(403);
    const asso = (await read(s.id, ASSO)).json<Saisine>();
    expect(asso.threads.filer.map((m) => m.text)).toEqual(['Le dossier est transmis à la préfecture.', 'Merci pour le suivi.']);
    expect(asso.threads.authority).toEqual([]);
    const pref = await read(s.id, PREF);
    expect(pref.json<Saisine>().threads.authority.map((m) => m.text)).toEqual([TO_AUTHORITY, 'Un créneau est proposé la semaine prochaine.']);
    expect(pref.json<Saisine>().threads.filer).toEqual([]);
    expect(pref.body).not.toContain('Merci pour le suivi');
    const coord = (await read(s.id, COORD)).json<Saisine>();
    expect([coord.threads.filer.length, coord.threads.authority.length]).toEqual([2, 2]);
  });

  it('is answered by the prefecture and resolved by the coordinator, each step signed on the timeline', async () => {
    const noAnswer = await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, PREF, { to: 'answered' });
    expect(fields(noAnswer)).toEqual(['message:required']);
    await move(PREF, s.id, { to: 'answered', message: 'Rendez-vous fixé au guichet.' });
    expect((await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, PREF, { to: 'resolved' })).status).toBe(403);
    const noReason = await actors.send('POST', `/api/v1/saisines/${s.id}/transitions`, COORD, { to: 'not_resolved', message: 'Refus.' });
    expect(fields(noReason)).toEqual(['reason:required']);
    await move(COORD, s.id, { to: 'resolved' });
    const closed = await move(COORD, s.id, { to: 'closed' });
    expect(closed.allowed_transitions).toEqual([]);
    expect(closed.timeline.map((t) => `${t.from}>${t.to}:${t.organisation}`)).toEqual([
      'draft>submitted:ASSO',
      'submitted>needs_information:MIPROF',
      'needs_information>submitted:ASSO',
      'submitted>accepted:MIPROF',
      'accepted>referred:MIPROF',
      'referred>answered:PREF93',
      'answered>resolved:MIPROF',
      'resolved>closed:MIPROF',
    ]);
    expect(closed.timeline[1].message).toBe(TO_FILER);
    const pref = (await read(s.id, PREF)).json<Saisine>();
    expect(pref.timeline.map((t) => t.to)).toEqual(['referred', 'answered', 'resolved', 'closed']);
  });

  it('records every read for the filing organisation, the prefecture’s included', async () => {
    const audit = (await actors.get('/api/v1/audit?what=saisines&limit=200', ASSO_ADMIN)).json<{ entries: { action: string; object_id: string; actor_organisation: string }[] }>();
    const reads = audit.entries.filter((e) => e.action === 'saisine.read' && e.object_id === String(s.id));
    expect(new Set(reads.map((e) => e.actor_organisation))).toEqual(new Set(['ASSO', 'MIPROF', 'PREF93']));
    // The other prefecture's refused reads never reached the case.
    expect(reads.some((e) => e.actor_organisation === 'PREF13')).toBe(false);
  });

  it('declines only with a reason from the list', async () => {
    const other = await file(ASSO);
    await move(ASSO, other.id, { to: 'submitted' });
    const wrong = await actors.send('POST', `/api/v1/saisines/${other.id}/transitions`, COORD, { to: 'declined', reason: 'bored' });
    expect(fields(wrong)).toEqual(['reason:invalid']);
    const declined = await move(COORD, other.id, { to: 'declined', reason: 'duplicate', message: 'Déjà suivi par ailleurs.' });
    expect(declined.timeline.at(-1)!.reason).toBe('duplicate');
  });
});

describe('encryption at rest', () => {
  it('leaves no planted narrative, summary or message in the raw database', async () => {
    const PLANTED = 'Zanzibar-quokka-7731 au bureau des étrangers';
    const s = await file(ASSO, { facts: `Les faits : ${PLANTED}.`, expected: `Attendu : ${PLANTED}.`, chronology: [{ date: day(-3), event: `Courrier ${PLANTED}`, kind: 'complaint' }] });
    await move(ASSO, s.id, { to: 'submitted', message: `Dépôt ${PLANTED}` });
    await move(COORD, s.id, { to: 'accepted' });
    await move(COORD, s.id, { to: 'referred', summary: `Résumé ${PLANTED}` });
    expect((await actors.send('POST', `/api/v1/saisines/${s.id}/messages`, COORD, { thread: 'authority', text: `Message ${PLANTED}` })).status).toBe(201);
    // What is sealed still reads back in clear for those who may read it.
    const back = await read(s.id, COORD);
    expect(back.body.split(PLANTED).length - 1).toBe(6); // facts, expected, chronology, summary, message, transition
    let raw: Buffer;
    if (vigie.dbUrl.startsWith('sqlite:')) {
      const file = vigie.dbUrl.slice('sqlite:'.length);
      raw = Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
      expect(raw.includes('saisine_messages')).toBe(true); // the file read is the database
    } else {
      raw = execFileSync('pg_dump', ['--data-only', vigie.dbUrl]);
      expect(raw.includes('saisine_messages')).toBe(true);
    }
    expect(raw.includes('Zanzibar-quokka-7731')).toBe(false);
    expect(raw.includes('quokka')).toBe(false);
    expect(execSql(vigie.dbUrl, `SELECT facts_sealed FROM saisines WHERE id = ${s.id}`).trim()).toMatch(/^sb1:/);
  });
});

describe('deadlines', () => {
  const remind = (offset: number) => {
    const r = actors.cli(['plan', 'remind', '--today', day(offset)]);
    expect(r.code, r.stderr).toBe(0);
  };
  const notices = (id: number) => execSql(vigie.dbUrl, `SELECT kind || '@' || sent_on FROM saisine_notices WHERE saisine_id = ${id} ORDER BY sent_on, kind`).trim().split('\n').filter(Boolean);
  const mails = (to: string, like: string) => Number(execSql(vigie.dbUrl, `SELECT count(*) FROM mail_outbox WHERE recipient = '${to}' AND subject LIKE '${like}%'`).trim());

  it('reminds the coordinator before and after the triage deadline, then flags the case for the committee', async () => {
    const s = await file(ASSO);
    await move(ASSO, s.id, { to: 'submitted' });
    const due = (await read(s.id, COORD)).json<{ triage_due: string }>().triage_due;
    expect(due).toBe(day(10));
    const before = mails(COORD, 'Saisine à examiner');
    remind(5); // within the week before the deadline
    remind(5); // once a day at most
    expect(notices(s.id)).toEqual([`triage.before@${day(5)}`]);
    expect(mails(COORD, 'Saisine à examiner') - before).toBe(1);
    remind(10); // the deadline itself: nothing new
    expect(notices(s.id)).toHaveLength(1);
    remind(11);
    expect(notices(s.id)).toEqual([`triage.before@${day(5)}`, `triage.overdue@${day(11)}`]);
    expect(mails(COORD, 'Saisine en retard')).toBeGreaterThanOrEqual(1);
    expect((await read(s.id, COORD)).json<Saisine>().committee_flag).toBe(false);
    remind(25); // 15 days past the deadline: not yet beyond the second threshold
    expect((await read(s.id, COORD)).json<Saisine>().committee_flag).toBe(false);
    remind(26);
    expect((await read(s.id, COORD)).json<Saisine>().committee_flag).toBe(true);
    // The overdue list follows the clock of the server: backdate the submission.
    expect(await listed(COORD, '?overdue=1')).not.toContain(s.id);
    execSql(vigie.dbUrl, `UPDATE saisines SET submitted_at = '${day(-11)}T08:00:00Z' WHERE id = ${s.id}`);
    expect(await listed(COORD, '?overdue=1')).toEqual([s.id]);
    expect((await read(s.id, COORD)).json<Saisine>().overdue).toBe(true);
    // Triage stops the clock and lifts the flag.
    const accepted = await move(COORD, s.id, { to: 'accepted' });
    expect([accepted.overdue, accepted.committee_flag]).toEqual([false, false]);
  });

  it('reminds the authority of its answer once overdue, and not the filer', async () => {
    const s = await file(ASSO);
    await move(ASSO, s.id, { to: 'submitted' });
    await move(COORD, s.id, { to: 'accepted' });
    await move(COORD, s.id, { to: 'referred', summary: 'Demande sans réponse.' });
    const asso = mails(ASSO, 'Réponse');
    remind(31);
    expect(notices(s.id)).toEqual([`answer.overdue@${day(31)}`]);
    expect(mails(PREF, `Réponse en retard%n° ${s.id}`)).toBe(1);
    expect(mails(ASSO, 'Réponse') - asso).toBe(0);
    await move(PREF, s.id, { to: 'answered', message: 'Le dossier est réexaminé.' });
    remind(38);
    expect(notices(s.id)).toHaveLength(1); // answered: nothing more is owed
  });
});

describe('figures', () => {
  it('are exact for the coordinator and controlled for everyone else', async () => {
    const exact = (await actors.get('/api/v1/saisines/stats', COORD)).json<{ controlled: boolean; overall: { cases: number; share_unblocked: number | null }; by_category: { key: string; cases: number | null }[] }>();
    expect(exact.controlled).toBe(false);
    // Submitted in this suite: the journey, the declined one, the planted one, two deadline cases.
    expect(exact.overall.cases).toBe(5);
    expect(exact.overall.share_unblocked).toBe(100); // one concluded, resolved
    expect(exact.by_category).toEqual([expect.objectContaining({ key: 'residence_permit', cases: 5 })]);
    for (const who of [ASSO, PREF, OTHER_ASSO]) {
      const controlled = (await actors.get('/api/v1/saisines/stats', who)).json<typeof exact>();
      expect(controlled.controlled, who).toBe(true);
      expect(controlled.overall.cases, who).toBeNull(); // fewer than 11 cases
      expect(controlled.by_category, who).toEqual([expect.objectContaining({ key: 'residence_permit', cases: null })]);
    }
  });
});

describe('attachments', () => {
  // An 8×8 JPEG (written by libjpeg), into which an EXIF segment with a GPS position is spliced.
  const JPEG = Buffer.from(
    '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgyIRwhMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjL/wAARCAAIAAgDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwD0iiiigD//2Q==',
    'base64',
  );
  const GPS = 'GPSLatitude 48.8566N GPSLongitude 2.3522E';
  const exif = Buffer.concat([Buffer.from('Exif\0\0MM\0*\0\0\0\x08', 'latin1'), Buffer.from(GPS, 'latin1')]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]), exif]);
  const photo = Buffer.concat([JPEG.subarray(0, 2), app1, JPEG.subarray(2)]);
  const PLANTED = 'Okapi-ornithorynque-5519';
  const pdf = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${PLANTED}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
  const form = (name: string, data: Buffer) => {
    const boundary = 'vigie-test-boundary-14';
    return {
      body: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      type: `multipart/form-data; boundary=${boundary}`,
    };
  };
  const attach = (who: string, id: number, name: string, data: Buffer) => {
    const f = form(name, data);
    return actors.send('POST', `/api/v1/saisines/${id}/attachments`, who, f.body, f.type);
  };
  let s: Saisine;
  let pdfId = 0;

  it('keeps a PDF sealed in the file store and gives it back, as a sandboxed attachment, to the whole case’s readers only', async () => {
    s = await file(ASSO);
    await move(ASSO, s.id, { to: 'submitted' });
    const r = await attach(ASSO, s.id, 'plainte.pdf', pdf);
    expect(r.status, r.body).toBe(201);
    expect(r.json<{ media_type: string; size: number; metadata_removed: boolean }>()).toEqual(expect.objectContaining({ media_type: 'application/pdf', size: pdf.length, metadata_removed: false }));
    pdfId = r.json<{ id: number }>().id;
    const listed = (await read(s.id, COORD)).json<{ attachments: { id: number; name: string }[] }>().attachments;
    expect(listed.map((a) => a.name)).toEqual(['plainte.pdf']);
    const got = await actors.get(`/api/v1/saisines/${s.id}/attachments/${pdfId}`, COORD);
    expect(got.status).toBe(200);
    expect(got.raw.equals(pdf)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(String(got.headers['content-disposition'])).toMatch(/^attachment; filename="plainte\.pdf"/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(String(got.headers['content-security-policy'])).toMatch(/^sandbox; /);
    // The file store and the database hold no byte of it in clear.
    const dir = join(vigie.dataDir, 'saisine-files');
    const stored = readdirSync(dir);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatch(/^[0-9a-f]{32}$/);
    for (const f of stored) expect(readFileSync(join(dir, f)).includes(PLANTED)).toBe(false);
    if (vigie.dbUrl.startsWith('sqlite:')) expect(readFileSync(vigie.dbUrl.slice(7)).includes('plainte.pdf')).toBe(false);
    // Before the referral, the prefecture does not know the file exists; another organisation
    // never; nor does the prefecture after the referral (it reads the summary and the shared parts).
    for (const who of [PREF, OTHER_PREF, OTHER_ASSO])
      expect((await actors.get(`/api/v1/saisines/${s.id}/attachments/${pdfId}`, who)).status, who).toBe(404);
    expect((await attach(PREF, s.id, 'reponse.pdf', pdf)).status).toBe(404);
    await move(COORD, s.id, { to: 'accepted' });
    await move(COORD, s.id, { to: 'referred', summary: 'Résumé.' });
    expect((await actors.get(`/api/v1/saisines/${s.id}/attachments/${pdfId}`, PREF)).status).toBe(404);
    expect((await read(s.id, PREF)).json<Record<string, unknown>>()).not.toHaveProperty('attachments');
    // Each read is in the filing organisation's audit trail.
    const audit = (await actors.get('/api/v1/audit?what=saisines&limit=200', ASSO_ADMIN)).json<{ entries: { action: string; actor_organisation: string }[] }>();
    expect(audit.entries.filter((e) => e.action === 'saisine.attachment_read').map((e) => e.actor_organisation)).toEqual(['MIPROF']);
  });

  it('refuses a file whose name lies about its content, a type it does not take, and an oversized file, saying which', async () => {
    const fake = await attach(ASSO, s.id, 'plainte.pdf', Buffer.from('Ceci est un simple texte, pas un PDF.\n'));
    expect(fake.status).toBe(422);
    expect(fields(fake)).toEqual(['file:type_not_allowed']);
    const renamed = await attach(ASSO, s.id, 'photo.pdf', JPEG);
    expect(fields(renamed)).toEqual(['file:type_mismatch']);
    expect(renamed.json<{ errors: { message: string }[] }>().errors[0].message).toContain('image/jpeg');
    const big = await attach(ASSO, s.id, 'gros.pdf', Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.status).toBe(422);
    expect(fields(big)).toEqual(['file:too_large']);
    expect(readdirSync(join(vigie.dataDir, 'saisine-files'))).toHaveLength(1); // nothing stored
  });

  it('re-encodes an image without its metadata: no EXIF, no GPS position', async () => {
    expect(photo.includes(GPS)).toBe(true);
    const r = await attach(ASSO, s.id, 'photo.jpg', photo);
    expect(r.status, r.body).toBe(201);
    expect(r.json<{ metadata_removed: boolean; media_type: string }>()).toEqual(expect.objectContaining({ metadata_removed: true, media_type: 'image/jpeg' }));
    const got = await actors.get(`/api/v1/saisines/${s.id}/attachments/${r.json<{ id: number }>().id}`, ASSO);
    expect(got.status).toBe(200);
    expect(got.raw.subarray(0, 2).equals(Buffer.from([0xff, 0xd8]))).toBe(true);
    expect(got.raw.includes('Exif')).toBe(false);
    expect(got.raw.includes('GPSLatitude')).toBe(false);
    expect(got.raw.includes(Buffer.from([0xff, 0xe1]))).toBe(false); // no APP1 segment at all
  });
});

describe('in-app notifications', () => {
  const EVERYONE = [COORD, ASSO, ASSO_ADMIN, OTHER_ASSO, PREF, PREF_VIEWER, OTHER_PREF];
  const PLANTED = 'Phrase-témoin des notifications 7Q2';
  interface Notifications {
    unread: number;
    notifications: { id: number; saisine: number; kind: string; state: string; created_at: string; read: boolean }[];
  }
  const mine = async (who: string) => {
    const r = await actors.get('/api/v1/saisines/notifications', who);
    expect(r.status, who).toBe(200);
    expect(r.body, who).not.toContain(PLANTED);
    return r.json<Notifications>();
  };
  const markRead = async (who: string) => expect((await actors.send('POST', '/api/v1/saisines/notifications/read', who, {})).status).toBe(204);
  // For each user, the events of case `id` they were told of, oldest first.
  const told = async (id: number) => {
    const out: Record<string, string[]> = {};
    for (const who of EVERYONE)
      out[who] = (await mine(who)).notifications.filter((n) => n.saisine === id).reverse().map((n) => `${n.kind}:${n.state}`);
    return out;
  };

  it('tells each transition and message to every user of the parties, the authority once referred, nobody else', async () => {
    for (const who of EVERYONE) await markRead(who);
    const s = await file(ASSO, { facts: `${PLANTED} dans les faits.` });
    await move(ASSO, s.id, { to: 'submitted' });
    await move(COORD, s.id, { to: 'needs_information', message: `${PLANTED} dans la demande.` });
    expect((await mine(ASSO)).unread).toBe(1);
    const posted = await actors.send('POST', `/api/v1/saisines/${s.id}/messages`, ASSO, { thread: 'filer', text: `${PLANTED} dans le fil.` });
    expect(posted.status, posted.body).toBe(201);
    await move(ASSO, s.id, { to: 'submitted' });
    await move(COORD, s.id, { to: 'accepted' });
    let got = await told(s.id);
    // Before the referral the prefecture hears nothing of the case.
    expect(got).toEqual({
      [COORD]: ['transition:submitted', 'message:needs_information', 'transition:submitted'],
      [ASSO]: ['transition:needs_information', 'transition:accepted'],
      [ASSO_ADMIN]: ['transition:needs_information', 'transition:accepted'],
      [OTHER_ASSO]: [], [PREF]: [], [PREF_VIEWER]: [], [OTHER_PREF]: [],
    });
    await move(COORD, s.id, { to: 'referred', summary: `${PLANTED} dans le résumé.` });
    const toAuthority = await actors.send('POST', `/api/v1/saisines/${s.id}/messages`, COORD, { thread: 'authority', text: `${PLANTED} pour la préfecture.` });
    expect(toAuthority.status, toAuthority.body).toBe(201);
    got = await told(s.id);
    expect(got[PREF]).toEqual(['transition:referred', 'message:referred']);
    expect(got[PREF_VIEWER]).toEqual(['transition:referred', 'message:referred']);
    expect(got[ASSO]).toEqual(['transition:needs_information', 'transition:accepted', 'transition:referred']);
    expect(got[ASSO_ADMIN]).toEqual(got[ASSO]);
    expect(got[COORD]).toHaveLength(3); // the coordinator's own acts are not told to it
    expect(got[OTHER_ASSO]).toEqual([]);
    expect(got[OTHER_PREF]).toEqual([]);
    // Newest first, each with the case's id, never its narrative (checked by mine()).
    const asso = await mine(ASSO);
    expect(asso.unread).toBe(3);
    expect(Object.keys(asso.notifications[0]).sort()).toEqual(['created_at', 'id', 'kind', 'read', 'saisine', 'state']);
    expect(asso.notifications[0].state).toBe('referred');
    expect(asso.notifications.map((n) => n.id)).toEqual([...asso.notifications.map((n) => n.id)].sort((a, b) => b - a));
    // Nor in the raw table.
    expect(execSql(vigie.dbUrl, `SELECT * FROM saisine_notifications`)).not.toContain(PLANTED);

    await markRead(ASSO);
    const after = await mine(ASSO);
    expect(after.unread).toBe(0);
    expect(after.notifications.filter((n) => n.saisine === s.id).every((n) => n.read)).toBe(true);
    // One's own only: the association's admin still has hers unread.
    expect((await mine(ASSO_ADMIN)).unread).toBe(3);
  });
});

describe('the map of recurring blocks', () => {
  it('breaks one category down by département, through disclosure control beyond the coordinator', async () => {
    type Stats = { by_departement: { key: string; cases: number | null }[] };
    const of = async (who: string, query: string) => (await actors.get(`/api/v1/saisines/stats${query}`, who)).json<Stats>().by_departement;
    const total = (await actors.get('/api/v1/saisines/stats', COORD)).json<{ overall: { cases: number } }>().overall.cases;
    expect(total).toBeGreaterThan(5); // every case of this suite so far, all in the 93
    const all = await of(COORD, '');
    expect(all).toEqual([expect.objectContaining({ key: '93', cases: total })]);
    expect(await of(COORD, '?category=residence_permit')).toEqual(all);
    expect(await of(COORD, '?category=shelter')).toEqual([]);
    const controlled = await of(ASSO, '?category=residence_permit');
    expect(controlled).toEqual([expect.objectContaining({ key: '93', cases: null })]); // fewer than 11
  });

  it('never publishes both the map of all and the map of one category where they would give away a small cell', async () => {
    type Stats = { by_departement: { key: string; cases: number | null }[] };
    const cell = async (who: string, query: string) => (await actors.get(`/api/v1/saisines/stats${query}`, who)).json<Stats>().by_departement.find((r) => r.key === '93')?.cases ?? null;
    // At least 12 residence-permit cases and exactly 1 shelter case, all in the 93.
    const before = (await cell(COORD, ''))!;
    for (let i = 0; i < 6; i++) await move(ASSO, (await file(ASSO)).id, { to: 'submitted' });
    await move(ASSO, (await file(ASSO, { category: 'shelter' })).id, { to: 'submitted' });
    expect(await cell(COORD, '')).toBe(before + 7);
    expect(await cell(COORD, '?category=residence_permit')).toBe(before + 6);
    expect(before + 6).toBeGreaterThanOrEqual(11); // publishable on its own
    expect(await cell(COORD, '?category=shelter')).toBe(1);
    for (const who of [ASSO, PREF]) {
      const all = await cell(who, '');
      const residence = await cell(who, '?category=residence_permit');
      expect(await cell(who, '?category=shelter'), who).toBeNull();
      // Both published, their difference would be the shelter case: one of them is suppressed.
      expect(all === null || residence === null, `${who}: ${all} and ${residence}`).toBe(true);
    }
  });
});
