// A saisine in the browser, as issue 14's "Done when" tells it: an association files a
// residence-permit saisine; the checklist shows the complaint's date missing; the coordinator
// asks for it; the association adds it; the coordinator refers the case to the prefecture with a
// summary; the prefecture sees only the summary (and the part shared) and answers; the
// coordinator marks it unblocked; the figures change. The association sees the unread count of
// the coordinator's request in the header and the notification on its list; the figures page
// shows the map of recurring blocks and its table (uncoloured where suppressed). A file renamed
// to .pdf is refused, a PDF is attached and the prefecture does not see it. axe-core finds no serious or critical
// violation on the pages at 1280 px, nor on the association's pages at 390 px, where nothing is
// wider than the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PASSWORD, PlanActors } from '../support/plan-session';
import { totp } from '../support/totp';
import { startVigie, type Vigie } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';

let vigie: Vigie;
let browser: Browser;
let actors: PlanActors;
const COORD = 'coord@miprof.test';
const ASSO = 'referente@asso.test';
const PREF = 'bureau@pref93.test';
const FACTS = 'La demande de titre de séjour déposée en préfecture reste sans réponse malgré la plainte.';
const SUMMARY = 'Demande de titre sans réponse depuis deux mois ; la plainte est déposée.';
const ASKED = 'Merci d’indiquer la date du dépôt de plainte.';
const ANSWER = 'Un rendez-vous au guichet est fixé dans les quinze jours.';
let casePath = '';

interface Session {
  context: BrowserContext;
  page: Page;
  problems: string[];
}
const sessions: Session[] = [];
const usedCodes = new Map<string, string>();
const secretOf = (email: string) => (actors as unknown as { secrets: Record<string, string> }).secrets[email];

// A code opens one login only: wait for a code the server has not seen for this account.
async function freshCode(email: string): Promise<string> {
  const secret = secretOf(email);
  await expect.poll(() => totp(secret) !== usedCodes.get(email), { timeout: 31_000, interval: 500 }).toBe(true);
  const code = totp(secret);
  usedCodes.set(email, code);
  return code;
}

async function login(email: string, viewport = { width: 1280, height: 900 }): Promise<Session> {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(vigie.url + '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  if (secretOf(email)) {
    await page.getByLabel('Code à 6 chiffres').fill(await freshCode(email));
    await page.getByRole('button', { name: 'Se connecter' }).click();
  }
  await expect.poll(() => page.getByTestId('account-organisation').textContent()).toBeTruthy();
  const s = { context, page, problems };
  sessions.push(s);
  return s;
}

// Only the expected refusals reach the console: the login page's 401, a refused file's 422, and
// (as in the field e2e) the map component's inline styles, which the CSP blocks on purpose.
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/status of 4(01|22)/.test(p) && !p.includes("Applying inline style violates the following Content Security Policy directive 'style-src 'self''"));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const stateOf = (page: Page) => page.getByTestId('saisine-state').getAttribute('data-state');
const settled = (page: Page) => expect.poll(() => page.locator('[data-resource-state="loading"]').count()).toBe(0);

async function act(page: Page, button: string, fields: Record<string, string> = {}) {
  await page.getByTestId('saisine-transitions').getByRole('button', { name: button, exact: true }).click();
  const form = page.getByTestId('saisine-transition-form');
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole('button', { name: `Confirmer : ${button}` }).click();
}

beforeAll(async () => {
  vigie = await startVigie();
  browser = await launchChromium();
  actors = new PlanActors(vigie);
  actors.org('MIPROF', 'coordination');
  actors.org('ASSO', 'association');
  actors.org('PREF93', 'prefecture');
  await actors.user(COORD, 'MIPROF', 'referent');
  usedCodes.set(COORD, totp(secretOf(COORD)));
  await actors.user(ASSO, 'ASSO', 'referent');
  await actors.user(PREF, 'PREF93', 'referent');
  usedCodes.set(PREF, totp(secretOf(PREF)));
});
afterAll(async () => {
  for (const s of sessions) await s.context.close();
  await browser?.close();
  await vigie?.stop();
});

describe('a residence-permit saisine, from filing to unblocking', () => {
  it('the association files it, and the checklist shows the complaint date missing', async () => {
    const asso = await login(ASSO);
    const { page } = asso;
    await page.goto(vigie.url + '/saisines');
    await page.getByRole('link', { name: 'Déposer une saisine' }).click();
    const form = page.getByRole('form', { name: 'Déposer une saisine' });
    await form.getByLabel('Intitulé').fill('Titre de séjour bloqué après une plainte');
    await form.getByLabel('Catégorie').selectOption('residence_permit');
    await form.getByLabel('Autorité concernée').selectOption('PREF93');
    await form.getByLabel('Département').selectOption('93');
    await form.getByLabel('Nombre de personnes concernées').fill('1');
    await form.getByRole('textbox', { name: 'Les faits' }).fill(FACTS);
    await form.getByRole('button', { name: 'Ajouter un événement' }).click();
    await form.getByLabel("Date de l'événement 1").fill(day(-60));
    await form.getByLabel("Nature de l'événement 1").selectOption('authority_request');
    await form.getByLabel('Événement 1', { exact: true }).fill('Demande de titre déposée en préfecture');
    await form.getByRole('button', { name: 'Ajouter un événement' }).click();
    // Focus is in the new row, not left on the button (which the new row pushes down).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sais-event-1-date');
    await form.getByLabel("Date de l'événement 2").fill(day(-20));
    await form.getByLabel("Nature de l'événement 2").selectOption('reminder');
    await form.getByLabel('Événement 2', { exact: true }).fill('Relance écrite restée sans réponse');
    await form.getByRole('button', { name: 'Ajouter une démarche' }).click();
    await form.getByLabel('Démarche 1', { exact: true }).fill('Courrier recommandé au bureau des étrangers');
    await form.getByRole('textbox', { name: 'Résultat attendu' }).fill('Un rendez-vous au guichet dans le mois.');
    await form.locator('label[for="sais-shared-chronology"]').click();
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    const checklist = page.getByTestId('saisine-checklist');
    await expect.poll(() => checklist.getByTestId('check-complaint_date').getAttribute('data-done')).toBe('no');
    expect(await checklist.locator('[data-done="no"]').count()).toBe(1);
    expect(await page.getByTestId('saisine-checklist-summary').textContent()).toBe('1 élément manque.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Soumettre à la coordination' }).click();
    await expect.poll(() => stateOf(page)).toBe('submitted');
    casePath = new URL(page.url()).pathname;
    expect(casePath).toMatch(/^\/saisines\/\d+$/);
    // A text renamed to .pdf is refused with its reason; a real PDF is attached.
    await page.locator('#sais-file').setInputFiles({ name: 'plainte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('Ceci n’est pas un PDF.') });
    await expect.poll(() => page.locator('#sais-file-error').textContent()).toContain("Ce type de fichier n'est pas accepté");
    await page.locator('#sais-file').setInputFiles({ name: 'recepisse.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n') });
    await expect.poll(() => page.getByTestId('saisine-files').getByRole('link').textContent()).toBe('recepisse.pdf');
    expect(await page.locator('#sais-file-error').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(asso.problems)).toEqual([]);
  });

  it('the coordinator finds it in the triage queue and asks for the complaint date', async () => {
    const coord = await login(COORD);
    const { page } = coord;
    await page.goto(vigie.url + '/saisines');
    const queue = page.getByTestId('saisine-queue');
    await expect.poll(() => queue.textContent()).toContain('Titre de séjour bloqué après une plainte');
    expect(await queue.getByText('7 sur 8').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await queue.getByRole('link', { name: 'Titre de séjour bloqué après une plainte' }).click();
    await expect.poll(() => page.getByTestId('check-complaint_date').getAttribute('data-done')).toBe('no');
    await act(page, 'Demander des informations', { 'Ce qui manque': ASKED });
    await expect.poll(() => stateOf(page)).toBe('needs_information');
    expect(await page.getByTestId('saisine-timeline').textContent()).toContain(ASKED);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(coord.problems)).toEqual([]);
  });

  it('the association adds the date of its complaint and submits again', async () => {
    const asso = sessions[0];
    const { page } = asso;
    // The coordinator's request is told in the application: the header's count, the list's link.
    await page.goto(vigie.url + '/saisines');
    await expect.poll(() => page.getByTestId('saisines-unread').textContent()).toMatch(/^1\b/);
    const told = page.getByTestId('saisine-notifications');
    await expect.poll(() => told.locator('a').count()).toBe(1);
    expect(await told.locator('a').textContent()).toContain('Informations demandées');
    expect(await told.locator('a').getAttribute('href')).toBe(casePath);
    expect(await page.content()).not.toContain(ASKED); // no narrative in a notification
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    await expect.poll(() => page.getByTestId('saisines-unread').count()).toBe(0);
    await told.locator('a').click();
    await expect.poll(() => page.getByTestId('saisine-timeline').textContent()).toContain(ASKED);
    await page.getByRole('link', { name: 'Compléter la saisine' }).click();
    const form = page.getByRole('form', { name: 'Compléter la saisine' });
    await expect.poll(() => form.getByLabel('Intitulé').inputValue()).toBe('Titre de séjour bloqué après une plainte');
    await form.getByRole('button', { name: 'Ajouter un événement' }).click();
    await form.getByLabel("Date de l'événement 3").fill(day(-90));
    await form.getByLabel("Nature de l'événement 3").selectOption('complaint');
    await form.getByLabel('Événement 3', { exact: true }).fill('Dépôt de plainte au commissariat');
    await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
    await expect.poll(() => page.getByTestId('check-complaint_date').getAttribute('data-done')).toBe('yes');
    expect(await page.getByTestId('saisine-checklist-summary').textContent()).toBe('Tout y est.');
    await form.getByRole('button', { name: 'Soumettre à la coordination' }).click();
    await expect.poll(() => stateOf(page)).toBe('submitted');
    expect(unexpected(asso.problems)).toEqual([]);
  });

  it('the coordinator accepts it and refers it to the prefecture with a summary', async () => {
    const coord = sessions[1];
    const { page } = coord;
    await page.goto(vigie.url + casePath);
    await settled(page);
    await act(page, 'Accepter');
    await expect.poll(() => stateOf(page)).toBe('accepted');
    await act(page, "Transmettre à l'autorité", { "Résumé pour l'autorité": SUMMARY });
    await expect.poll(() => stateOf(page)).toBe('referred');
    expect(await page.getByTestId('saisine-summary').textContent()).toBe(SUMMARY);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the prefecture sees only the summary and the shared chronology, and answers', async () => {
    const pref = await login(PREF);
    const { page } = pref;
    // The home page says what the prefecture owes.
    await page.goto(vigie.url + '/');
    await expect.poll(() => page.getByTestId('home-saisines-owed').textContent()).toBe('1 saisine attend la réponse de votre organisation');
    await page.goto(vigie.url + '/saisines');
    const inbox = page.getByTestId('saisine-inbox');
    await expect.poll(() => inbox.locator('a').count()).toBe(1);
    await inbox.locator('a').click();
    await expect.poll(() => page.getByTestId('saisine-summary').textContent()).toBe(SUMMARY);
    expect(await page.getByTestId('saisine-title').textContent()).toMatch(/^Saisine n° \d+$/);
    expect(await page.getByTestId('saisine-facts').count()).toBe(0);
    expect(await page.getByTestId('saisine-checklist').count()).toBe(0);
    expect(await page.getByTestId('sais-thread-filer').count()).toBe(0);
    expect(await page.getByTestId('saisine-files').count()).toBe(0);
    expect(await page.getByTestId('saisine-chronology').textContent()).toContain('Dépôt de plainte au commissariat');
    expect(await page.content()).not.toContain(FACTS);
    expect(await page.content()).not.toContain(ASKED);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await act(page, 'Répondre', { 'Votre réponse': ANSWER });
    await expect.poll(() => stateOf(page)).toBe('answered');
    expect(await page.getByTestId('saisine-timeline').textContent()).toContain(ANSWER);
    expect(unexpected(pref.problems)).toEqual([]);
  });

  it('the coordinator marks it unblocked, and the figures change', async () => {
    const coord = sessions[1];
    const { page } = coord;
    await page.goto(vigie.url + '/saisines/chiffres');
    const overall = page.getByTestId('figure-overall-total');
    await expect.poll(() => overall.getByTestId('figure-unblocked').textContent()).toBe('—');
    expect(await overall.getByTestId('figure-cases').textContent()).toBe('1');
    expect(await page.getByTestId('saisine-figures-control').textContent()).toBe('Chiffres exacts (coordination nationale).');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.goto(vigie.url + casePath);
    await settled(page);
    await act(page, 'Marquer comme débloquée');
    await expect.poll(() => stateOf(page)).toBe('resolved');
    expect(await page.getByTestId('saisine-timeline').locator('li').count()).toBe(7);
    await page.goto(vigie.url + '/saisines/chiffres');
    await expect.poll(() => overall.getByTestId('figure-unblocked').textContent()).toBe('100 %');
    expect(await page.getByTestId('figure-category-residence_permit').getByTestId('figure-unblocked').textContent()).toBe('100 %');
    // The map of recurring blocks, and its table: exact for the coordinator.
    const map = page.getByTestId('saisine-map');
    await expect.poll(() => map.getByTestId('map-dep').locator('map-chart').count(), { timeout: 15_000 }).toBe(1);
    expect(await map.getByTestId('map-row-93').textContent()).toBe('93 — Seine-Saint-Denis1');
    expect(await map.getByTestId('saisine-map-legend').textContent()).toContain('Légende');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await map.getByLabel('Catégorie').selectOption('shelter');
    await expect.poll(() => map.getByTestId('saisine-map-empty').count()).toBe(1);
    expect(await map.getByTestId('map-row-93').count()).toBe(0);
    await map.getByLabel('Catégorie').selectOption('residence_permit');
    await expect.poll(() => map.getByTestId('map-row-93').textContent()).toBe('93 — Seine-Saint-Denis1');
    expect(unexpected(coord.problems)).toEqual([]);
  });
});

describe('on a phone (390 px)', () => {
  it("the association's pages have no serious accessibility violation and fit the screen", async () => {
    const asso = await login(ASSO, { width: 390, height: 844 });
    const { page } = asso;
    for (const path of ['/saisines', '/saisines/nouvelle', casePath, '/saisines/chiffres']) {
      await page.goto(vigie.url + path);
      await settled(page);
      expect(await seriousA11yViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    // The association's figures are controlled: one saisine is below the threshold.
    await page.goto(vigie.url + '/saisines/chiffres');
    await expect.poll(() => page.getByTestId('figure-overall-total').textContent()).toContain('non publié');
    // On the map too: the suppressed département is neither coloured nor given a figure.
    const map = page.getByTestId('saisine-map');
    await expect.poll(() => map.getByTestId('map-row-93').textContent()).toContain('non publié');
    expect(await map.getByTestId('saisine-map-empty').count()).toBe(1);
    expect(await map.locator('map-chart').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(unexpected(asso.problems)).toEqual([]);
  });
});
