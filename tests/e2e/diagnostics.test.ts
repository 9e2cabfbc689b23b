// Shared diagnostics in the browser: an association publishes a "faible" diagnostic on a measure
// the ministry reports in progress at 60 %; a union does the same; the measure shows up flagged
// on the divergence board and on its field view; the ministry replies; the association sees the
// reply and its notification. A comment naming a person with a phone number is refused at the
// field, the text kept. axe-core finds no serious or critical violation on the new pages at
// desktop and at 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, PlanActors } from '../support/plan-session';
import { totp } from '../support/totp';
import { startVigie, type Vigie } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';

let vigie: Vigie;
let browser: Browser;
let actors: PlanActors;
const DGT = 'referent@dgt.test';
const ASSO = 'referente@asso.test';
const UNION = 'delegue@syndicat.test';
const COORD = 'coord@miprof.test';
let measure = ''; // piloted by the DGT alone, reported in progress at 60 %
let diagnosticPath = ''; // the association's published diagnostic
const REPLY = 'Vingt contrôles conjoints supplémentaires sont programmés au premier trimestre.';

interface Session {
  context: BrowserContext;
  page: Page;
  problems: string[];
}
const sessions: Session[] = [];
const usedCodes = new Map<string, string>(); // the last one-time code typed, by account

// A fresh browser context logged in through the login page (with a TOTP code when the account
// has one), in French.
async function login(email: string, viewport = { width: 1280, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(vigie.url + '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  const secret = (actors as unknown as { secrets: Record<string, string> }).secrets[email];
  if (secret) {
    // The server refuses a code already used (the set-up's API login used one): wait for the next.
    const last = usedCodes.get(email) ?? totp(secret);
    await expect.poll(() => totp(secret) !== last, { timeout: 31_000, interval: 500 }).toBe(true);
    const code = totp(secret);
    usedCodes.set(email, code);
    await page.getByLabel('Code à 6 chiffres').fill(code);
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }
  await expect.poll(() => page.getByTestId('account-organisation').textContent()).toBeTruthy();
  const s = { context, page, problems };
  sessions.push(s);
  return s;
}

// Only the expected refusals reach the console: the login page's 401 and a refused form's 422.
const unexpected = (problems: string[]) => problems.filter((p) => !/status of 4(01|22)/.test(p));

beforeAll(async () => {
  vigie = await startVigie();
  browser = await launchChromium();
  actors = new PlanActors(vigie);
  actors.org('DGT', 'ministry');
  actors.org('ASSO', 'association');
  actors.org('SYND', 'union');
  actors.org('MIPROF', 'coordination');
  await actors.user(COORD, 'MIPROF', 'referent');
  await actors.user(DGT, 'DGT', 'referent');
  await actors.user(ASSO, 'ASSO', 'referent');
  await actors.user(UNION, 'SYND', 'contributor');
  // The ministry's official report: every action of a measure it pilots alone, in progress at 60 %.
  const tree = (await actors.get('/api/v1/plan', DGT)).json<{ axes: { measures: { code: string; actions: { id: number; pilots: string[] }[] }[] }[] }>();
  const dgt = tree.axes.flatMap((a) => a.measures).find((m) => m.actions.length > 0 && m.actions.every((a) => a.pilots.includes('DGT')))!;
  measure = dgt.code;
  for (const a of dgt.actions) {
    const r = await actors.send('POST', `/api/v1/actions/${a.id}/updates`, DGT, { status: 'in_progress', progress: 60, comment: '' });
    expect(r.status, r.body).toBe(201);
  }
});
afterAll(async () => {
  for (const s of sessions) await s.context.close();
  await browser?.close();
  await vigie?.stop();
});

// Writes and publishes a "faible" diagnostic on the measure through the form; returns its page.
async function publishWeak(s: Session, obstacles: string): Promise<string> {
  const { page } = s;
  await page.goto(`${vigie.url}/plan/mesures/${measure}/terrain`);
  await page.getByRole('link', { name: 'Écrire un diagnostic sur cette mesure' }).click();
  const form = page.getByRole('form', { name: 'Écrire un diagnostic' });
  await expect.poll(() => form.getByLabel('Mesure du plan').inputValue()).toBe(measure);
  await form.getByLabel('Territoire').selectOption('national');
  // DSFR draws its own radios: a user clicks their labels.
  await form.locator('label[for="diag-rating-weak"]').click();
  await form.getByLabel('Obstacles').fill(obstacles);
  await form.getByLabel('Recommandations').fill('- Renforcer les contrôles conjoints\n- Publier un bilan **trimestriel**');
  await form.getByRole('button', { name: 'Publier', exact: true }).click();
  await expect.poll(() => page.getByTestId('diagnostic-state').textContent()).toBe('Publié');
  expect(await page.getByTestId('diagnostic-rating').textContent()).toBe('Faible');
  // The Markdown list is a list, its emphasis emphasis.
  expect(await page.locator('.vigie-markdown li strong').textContent()).toBe('trimestriel');
  return new URL(page.url()).pathname;
}

describe('the field and the official picture', () => {
  it('an association publishes a weak diagnostic through the form', async () => {
    const asso = await login(ASSO);
    diagnosticPath = await publishWeak(asso, 'Les contrôles annoncés ne sont pas menés dans notre département.');
    expect(await seriousA11yViolations(asso.page)).toEqual([]);
    await asso.page.goto(vigie.url + '/diagnostics');
    await expect.poll(() => asso.page.getByTestId('my-diagnostics').textContent()).toContain(measure);
    expect(await seriousA11yViolations(asso.page)).toEqual([]);
  });

  it('a union does the same, and the measure shows up flagged on the board and its field view', async () => {
    const union = await login(UNION);
    await publishWeak(union, 'Les salariés détachés ne sont pas informés de leurs droits.');
    const { page } = union;
    await page.goto(vigie.url + '/divergence');
    const row = page.getByTestId(`board-${measure}`);
    await expect.poll(() => row.textContent()).toContain('Divergence signalée');
    // Flagged first.
    expect(await page.locator('[data-testid^="board-"]').first().getAttribute('data-testid')).toBe(`board-${measure}`);
    expect(await row.textContent()).toContain('60 %');
    expect(await page.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).getAttribute('href')).toBe('/api/v1/divergence.csv');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // A filter lives in the address and reaches the export.
    await page.getByLabel("Type d'acteur").selectOption('union');
    await expect.poll(() => page.url()).toContain('acteur=union');
    await expect.poll(() => page.getByRole('link', { name: 'Télécharger le tableau (XLSX)' }).getAttribute('href')).toBe('/api/v1/divergence.xlsx?actor_type=union');

    // The row leads to the field view with the board's filters; all actor types again.
    await page.getByRole('link', { name: `${measure} : voir le terrain` }).click();
    await expect.poll(() => page.getByLabel("Type d'acteur").inputValue()).toBe('union');
    await page.getByLabel("Type d'acteur").selectOption('');
    await expect.poll(() => page.getByTestId('field-divergence').textContent()).toContain('Divergence signalée');
    await expect.poll(() => page.getByTestId('field-median').textContent()).toContain('2 organisations de 2 types');
    expect(await page.getByTestId('field-official').textContent()).toContain('60 %');
    await expect.poll(() => page.getByTestId('by-actor-type').textContent()).toContain('Syndicat');
    expect(await page.getByText("Comment l'écart est calculé").count()).toBe(1);
    await expect.poll(() => page.getByTestId('trend').textContent()).toContain(String(new Date().getUTCFullYear()));
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(union.problems)).toEqual([]);
  });

  it('the ministry replies, and the association sees the reply and its notification', async () => {
    const dgt = await login(DGT);
    await dgt.page.goto(vigie.url + diagnosticPath);
    const form = dgt.page.getByRole('form', { name: 'Publier la réponse' });
    await form.getByLabel('Votre réponse (pilote de la mesure)').fill(REPLY);
    await form.getByRole('button', { name: 'Publier la réponse' }).click();
    await expect.poll(() => dgt.page.getByTestId('diagnostic-reply').textContent()).toContain(REPLY);
    expect(await seriousA11yViolations(dgt.page)).toEqual([]);

    const asso = sessions[0];
    await asso.page.goto(vigie.url + '/');
    const count = asso.page.getByTestId('notifications-unread');
    await expect.poll(() => count.textContent()).toMatch(/^1/);
    // The count shows on the Diagnostics menu; the page is in that menu.
    await asso.page.getByTestId('nav-menu-diagnostics').click();
    await asso.page.getByRole('link', { name: 'Notifications', exact: true }).click();
    const item = asso.page.getByRole('link', { name: `Le pilote a répondu à un diagnostic sur la mesure ${measure}` });
    await expect.poll(() => item.count()).toBe(1);
    expect(await seriousA11yViolations(asso.page)).toEqual([]);
    await asso.page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect.poll(() => count.count()).toBe(0);
    await item.click();
    await expect.poll(() => asso.page.getByTestId('diagnostic-reply').textContent()).toContain(REPLY);
    expect(await asso.page.getByTestId('diagnostic-reply').textContent()).toContain('DGT');
    expect(unexpected(asso.problems)).toEqual([]);
    expect(unexpected(dgt.problems)).toEqual([]);
  });

  it("refuses a comment naming a person with a phone number at the field, keeping the text", async () => {
    const union = sessions[1];
    const { page } = union;
    await page.goto(vigie.url + diagnosticPath);
    const form = page.getByRole('form', { name: 'Commenter' });
    const text = 'Appeler Mme Joy Eze au 06 12 34 56 78 pour les détails.';
    await form.getByLabel('Votre commentaire').fill(text);
    await form.getByRole('button', { name: 'Commenter' }).click();
    await expect.poll(() => form.locator('.fr-error-text').count()).toBe(1);
    expect(await form.getByLabel('Votre commentaire').inputValue()).toBe(text);
    expect(await form.getByLabel('Votre commentaire').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-form-summary'))).toBe(true);
    expect(await page.getByTestId('diagnostic-comments').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await form.getByLabel('Votre commentaire').fill('Même constat dans les entreprises du bâtiment.');
    await form.getByRole('button', { name: 'Commenter' }).click();
    await expect.poll(() => page.getByTestId('diagnostic-comments').textContent()).toContain('Même constat');
    expect(unexpected(union.problems)).toEqual([]);
  });
});

describe('a call for diagnostics', () => {
  let asked = ''; // a measure nobody has diagnosed yet
  it('is opened by the coordination, every missing choice named at once', async () => {
    const tree = (await actors.get('/api/v1/plan', COORD)).json<{ axes: { measures: { code: string }[] }[] }>();
    asked = tree.axes.flatMap((a) => a.measures).find((m) => m.code !== measure)!.code;
    const coord = await login(COORD);
    const { page } = coord;
    await page.goto(vigie.url + '/diagnostics/appels');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Appels à diagnostics');
    await expect.poll(() => page.getByTestId('calls-none').count()).toBe(1);
    const form = page.getByRole('form', { name: 'Ouvrir un appel à diagnostics' });
    await form.getByRole('button', { name: 'Ouvrir un appel à diagnostics' }).click();
    const summary = page.locator('[data-form-summary]');
    await expect.poll(() => summary.locator('li').count()).toBe(4);
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-form-summary'))).toBe(true);
    await form.getByLabel("Intitulé de l'appel").fill('Vos constats avant le comité de juin');
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Date limite de réponse').fill(due);
    await form.locator(`label[for="call-measure-${asked}"]`).click();
    await form.locator('label[for="call-type-union"]').click();
    await form.getByRole('button', { name: 'Ouvrir un appel à diagnostics' }).click();
    await expect.poll(() => page.locator('[data-testid$="-count"]').first().textContent()).toBe('0 diagnostic reçu sur 1 attendu, de 1 organisation.');
    expect(await page.getByRole('heading', { name: 'Vos constats avant le comité de juin' }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(coord.problems)).toEqual([]);
  });

  it('shows the organisation asked what it owes, with a link to write it; its answer counts', async () => {
    const union = await login(UNION);
    const { page } = union;
    await page.goto(vigie.url + '/diagnostics/appels');
    // On the call itself, without opening its details: what the organisation owes, to write.
    await expect.poll(() => page.locator('[data-testid$="-mine"]').first().textContent()).toContain('Votre organisation doit son diagnostic sur 1 mesure :');
    await page.getByRole('link', { name: `Écrire le diagnostic de la mesure ${asked}` }).click();
    await expect.poll(() => page.url()).toBe(`${vigie.url}/diagnostics/nouveau?mesure=${encodeURIComponent(asked)}`);
    const form = page.getByRole('form', { name: 'Écrire un diagnostic' });
    await expect.poll(() => form.getByLabel('Mesure du plan').inputValue()).toBe(asked);
    await form.locator('label[for="diag-rating-partial"]').click();
    await form.getByRole('button', { name: 'Publier', exact: true }).click();
    await expect.poll(() => page.getByTestId('diagnostic-state').textContent()).toBe('Publié');
    await page.goto(vigie.url + '/diagnostics/appels');
    await expect.poll(() => page.locator('[data-testid$="-count"]').first().textContent()).toBe('1 diagnostic reçu sur 1 attendu, de 1 organisation.');
    await page.getByRole('button', { name: 'Qui a répondu' }).click();
    await expect.poll(() => page.locator('[data-testid$="-org-SYND"] td').last().textContent()).toBe('Rien en attente');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(union.problems)).toEqual([]);
  });
});

describe('on a phone (390 px)', () => {
  it('the new pages have no serious accessibility violation', async () => {
    const asso = await login(ASSO, { width: 390, height: 844 });
    const { page } = asso;
    for (const path of [`/plan/mesures/${measure}/terrain`, '/divergence', diagnosticPath, '/diagnostics', '/diagnostics/nouveau', '/diagnostics/appels', '/notifications']) {
      await page.goto(vigie.url + path);
      await expect.poll(() => page.locator('[data-resource-state="loading"], [role="status"]:has-text("Chargement")').count(), path).toBe(0);
      expect(await seriousA11yViolations(page), path).toEqual([]);
      // Nothing wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    expect(unexpected(asso.problems)).toEqual([]);
  });
});
