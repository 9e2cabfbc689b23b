// The plan and account pages as a new user finds them (issue 11): a keyboard-only login with a
// second factor, links to a place in a page, a deep link after login, focus after navigation,
// shareable filters, the guard's findings all at once, the comment's limit, the bulk form, an
// unknown page (HTTP 404) or measure, the phone layout, and the weight of a first visit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { request } from '../support/http';
import { totp } from '../support/totp';
import { execSql, startVigie, type Vigie, demoTotpSecret } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';
import { DEMO_PASSWORD, openAs } from './demo-login';

let vigie: Vigie;
let browser: Browser;
let measure = '';
let actionId = '';

beforeAll(async () => {
  vigie = await startVigie({ args: ['--demo'], skipKeys: true });
  browser = await launchChromium();
  [measure, actionId] = execSql(
    vigie.dbUrl,
    "SELECT m.code || '|' || a.id FROM plan_measures m JOIN plan_actions a ON a.measure_id = m.id JOIN plan_action_pilots p ON p.action_id = a.id WHERE p.org_code = 'DGT' ORDER BY m.code, a.id LIMIT 1",
  )
    .trim()
    .split('|');
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
});

const unexpected = (problems: string[]) => problems.filter((p) => !/status of (401|404|422)/.test(p));
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || '');
// Second-factor secrets are sealed in the database: the demo prints them at start.
const secretOf = (email: string) => demoTotpSecret(vigie, email);
// A code opens one login only (the server refuses a replay): before another login of the same
// account, wait for the authenticator's next code.
const usedCodes = new Map<string, string>();
async function freshCode(email: string): Promise<string> {
  const secret = secretOf(email);
  await expect.poll(() => totp(secret) !== usedCodes.get(email), { timeout: 31_000, interval: 500 }).toBe(true);
  const code = totp(secret);
  usedCodes.set(email, code);
  return code;
}
async function openWithCode(email: string) {
  const code = await freshCode(email);
  return openAs(browser, vigie, email, secretOf(email), code);
}

describe('logging in with the keyboard only', () => {
  it('puts focus in the code field when the second factor is asked for, so the code goes there', async () => {
    const { context, page, problems } = await openAs(browser, vigie);
    await page.goto(vigie.url + '/connexion');
    await page.locator('#login-email').focus();
    await page.keyboard.type('agent@ocrteh.demo');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('login-password');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('login-totp');
    await page.keyboard.type(await freshCode('agent@ocrteh.demo'));
    expect(await page.locator('#login-password').inputValue()).toBe(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toContain('Office central');
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe('a deep link opened while logged out', () => {
  it('comes back to the page asked for, with its fragment, and /connexion sends a member on', async () => {
    const { context, page } = await openAs(browser, vigie);
    await page.goto(vigie.url + '/campagnes');
    await expect.poll(() => page.url()).toBe(vigie.url + '/connexion?retour=%2Fcampagnes');
    await page.getByLabel('Adresse électronique').fill('referent@dgt.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.url()).toBe(vigie.url + '/campagnes');
    // Logged in, the login page is no place to stay.
    await page.goto(vigie.url + '/connexion?retour=%2Fplan');
    await expect.poll(() => page.url()).toBe(vigie.url + '/plan');
    await context.close();
  });
});

describe('links to a place in a page', () => {
  it('"Faire le point" opens the measure at the action, and a fragment survives a page load', async () => {
    const { context, page, problems } = await openAs(browser, vigie, 'referent@dgt.demo');
    await page.goto(`${vigie.url}/plan/mesures/${measure}#action-${actionId}`);
    await expect.poll(() => focused(page)).toBe(`action-${actionId}`);
    expect(page.url()).toContain(`#action-${actionId}`);
    const top = await page.locator(`#action-${actionId}`).evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(200);
    // From My reporting, by client navigation.
    await page.goto(vigie.url + '/reporting');
    const link = page.locator(`a[href$="#action-${actionId}"]`).first();
    if (await link.count()) {
      await link.click();
      await expect.poll(() => focused(page)).toBe(`action-${actionId}`);
    }
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('the skip links move focus to the content and to the footer', async () => {
    const { context, page } = await openAs(browser, vigie);
    await page.goto(vigie.url + '/plan');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Contenu');
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('content');
    await page.getByRole('link', { name: 'Pied de page' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page)).toBe('footer');
    await context.close();
  });
});

describe('the header', () => {
  it("fits one line at 1280 px for the account with the most entries, each module's entries in its menu", async () => {
    const { context, page } = await openWithCode('coordination@miprof.demo');
    await page.goto(vigie.url + '/');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await expect.poll(() => nav.getByRole('button', { name: /^Saisines/ }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    // Every top-level item on one line: the same top for all.
    const tops = await nav.locator(':scope > ul > li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(tops.length).toBe(7); // Accueil, Plan, Diagnostics, Données de terrain, Saisines, Annuaire, Journal d'audit
    expect(new Set(tops).size).toBe(1);
    // A menu opens on its button, and its links are reached by keyboard.
    await nav.getByRole('button', { name: /^Saisines/ }).click();
    await expect.poll(() => nav.getByRole('button', { name: /^Saisines/ }).getAttribute('aria-expanded')).toBe('true');
    // The DSFR opens the menu with a transition: its links take focus once shown.
    await expect.poll(() => nav.getByRole('link', { name: 'Chiffres des saisines' }).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Saisines');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Chiffres des saisines');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(vigie.url + '/saisines/chiffres');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('after a client navigation', () => {
  it("focus is on the new page's heading, not on the menu link", async () => {
    const { context, page } = await openAs(browser, vigie, 'referent@dgt.demo');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await nav.getByRole('button', { name: 'Plan' }).click();
    await nav.getByRole('link', { name: 'Plan', exact: true }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await context.close();
  });
});

describe("the plan's filters", () => {
  it('live in the address: a filtered view survives a reload and can be shared', async () => {
    const { context, page } = await openAs(browser, vigie, 'referent@dgt.demo');
    await page.goto(vigie.url + '/plan');
    await page.locator('#plan-pilot').selectOption('DGT');
    await page.getByLabel('Rechercher une mesure').fill('travail');
    await expect.poll(() => page.url()).toContain('recherche=travail');
    expect(page.url()).toContain('pilote=DGT');
    const rows = await page.locator('tbody tr').count();
    await page.reload();
    await expect.poll(() => page.locator('#plan-pilot').inputValue()).toBe('DGT');
    expect(await page.getByLabel('Rechercher une mesure').inputValue()).toBe('travail');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(rows);
    await context.close();
  });
});

describe('reporting progress on a measure', () => {
  it('45.5 gets "a whole number from 0 to 100", and several identifiers are named at once, quoted and highlighted', async () => {
    const { context, page, problems } = await openAs(browser, vigie, 'referent@dgt.demo');
    await page.goto(`${vigie.url}/plan/mesures/${measure}`);
    const form = page.getByRole('form', { name: "Déclarer l'avancement" }).first();
    await form.getByLabel('Avancement (%)').fill('45.5');
    await form.getByRole('button', { name: "Déclarer l'avancement" }).click();
    await expect.poll(() => form.locator('.fr-error-text').first().textContent()).toBe('Un nombre entier de 0 à 100.');
    expect(await form.getByLabel('Avancement (%)').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Avancement (%)').fill('45');
    const comment = form.getByLabel('Commentaire');
    await comment.fill('Entretien avec Mme Joy Eze, joignable au 06 12 34 56 78.');
    await form.getByRole('button', { name: "Déclarer l'avancement" }).click();
    const error = form.locator(`#report-${actionId}-comment-error`);
    await expect.poll(() => error.count()).toBe(1);
    const text = (await error.textContent()) ?? '';
    expect(text).toContain('« 06 12 34 56 78 »');
    expect(text).toMatch(/« (Mme )?Joy Eze »/);
    expect(await form.getByTestId(`report-${actionId}-comment-findings`).locator('mark').allTextContents()).toEqual([expect.stringMatching(/Joy Eze/), '06 12 34 56 78']);
    expect(await comment.inputValue()).toBe('Entretien avec Mme Joy Eze, joignable au 06 12 34 56 78.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('shows the comment limit and counts down as the user types, before the server refuses', async () => {
    const { context, page } = await openAs(browser, vigie, 'referent@dgt.demo');
    await page.goto(`${vigie.url}/plan/mesures/${measure}`);
    const form = page.getByRole('form', { name: "Déclarer l'avancement" }).first();
    const counter = form.getByTestId(`report-${actionId}-comment-count`);
    expect(await counter.textContent()).toBe('4\u202f000 caractères restants sur 4\u202f000.');
    await form.getByLabel('Commentaire').fill('Réunion');
    await expect.poll(() => counter.textContent()).toBe('3\u202f993 caractères restants sur 4\u202f000.');
    await form.getByLabel('Commentaire').fill('x'.repeat(4001));
    await expect.poll(() => counter.textContent()).toBe('1 caractère de trop : 4\u202f000 au plus.');
    expect(await form.getByLabel('Commentaire').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });
});

describe('the language', () => {
  it('chosen once is kept in the account: a new browser opens in English after login', async () => {
    const first = await openAs(browser, vigie, 'admin@passerelles.demo');
    await first.page.locator('[data-vigie-lang="en"]').first().evaluate((el: HTMLElement) => el.click());
    await expect.poll(() => first.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => execSql(vigie.dbUrl, "SELECT language FROM users WHERE email = 'admin@passerelles.demo'").trim()).toBe('en');
    await first.context.close();
    const second = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await second.newPage();
    await page.goto(vigie.url + '/connexion');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await page.getByLabel('Adresse électronique').fill('admin@passerelles.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('My account');
    execSql(vigie.dbUrl, "UPDATE users SET language = NULL WHERE email = 'admin@passerelles.demo'");
    await second.close();
  });
});

describe('the audit log', () => {
  it('reads in words, filters by who, what, when and outcome, and exports what it shows as CSV', async () => {
    const { context, page, problems } = await openWithCode('coordination@miprof.demo');
    await page.goto(vigie.url + '/journal');
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.isVisible()).toBe(true);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('Connexion');
    expect(text).toContain('Réussi');
    expect(text).not.toContain('auth.login');
    await page.getByLabel('Quoi').selectOption('connexions');
    await page.getByLabel('Résultat').selectOption('ok');
    await page.getByLabel('Qui').fill('coordination@miprof.demo');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await expect.poll(() => page.getByTestId('audit-export').getAttribute('href')).toContain('what=connexions');
    await expect.poll(async () => [...new Set(await table.locator('tbody tr td:nth-child(4)').allTextContents())]).toEqual(['Connexion']);
    // The download icon is an arrow (a masked SVG), not a solid square (no mask).
    const mask = await page.getByTestId('audit-export').evaluate((el) => getComputedStyle(el, '::before').getPropertyValue('mask-image') || getComputedStyle(el, '::before').getPropertyValue('-webkit-mask-image'));
    expect(mask).toMatch(/download-line.*\.svg/);
    const href = (await page.getByTestId('audit-export').getAttribute('href'))!;
    const csv = await page.evaluate((h) => fetch(h).then((r) => r.text()), href);
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('N°;Date et heure (UTC);Qui;Action;Objet;Organisation concernée;Résultat;Requête');
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines.slice(1)) expect(l).toMatch(/;coordination@miprof\.demo \(MIPROF\);Connexion;Compte \d+;MIPROF;Réussi;/);
    await page.getByLabel('Qui').fill('personne@nulle.part');
    await page.getByRole('button', { name: 'Filtrer', exact: true }).click();
    await expect.poll(() => page.getByTestId('audit-filter-error').textContent()).toContain('Aucun membre');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe('the home page', () => {
  it('shows a member what their organisation owes and what changed since their last visit; working modules are available', async () => {
    const email = 'referent@dgt.demo';
    const api = async (path: string, cookie: string) => (await request(`${vigie.url}${path}`, { headers: { Cookie: cookie } })).json<any>();
    const login = await request(`${vigie.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('vigie_session='))!.split(';')[0];
    const csrf = login.json<{ csrf_token: string }>().csrf_token;
    // What the DGT owes, as the reporting API says: the open campaigns' actions not yet reported.
    const owed = (await api('/api/v1/reporting/mine', cookie)).campaigns.filter((c: any) => !c.closed_at && c.actions.some((a: any) => !a.reported_at));
    expect(owed.length).toBeGreaterThan(0);
    // The previous visit ended after everything the demo wrote; since then, one progress report
    // on one measure (written in a later second than the visit's end).
    const before = execSql(vigie.dbUrl, 'SELECT MAX(x) FROM (SELECT MAX(published_at) AS x FROM diagnostics UNION ALL SELECT MAX(created_at) FROM plan_action_updates) t').trim();
    await expect.poll(() => new Date().toISOString().slice(0, 19) + 'Z' > before, { timeout: 5000 }).toBe(true);
    execSql(vigie.dbUrl, `UPDATE sessions SET last_seen_at = '${before}' WHERE user_id = (SELECT id FROM users WHERE email = '${email}')`);
    const report = await request(`${vigie.url}/api/v1/actions/${actionId}/updates`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify({ status: 'in_progress', progress: 55, comment: '' }),
    });
    expect(report.status, report.body).toBe(201);

    const { context, page, problems } = await openAs(browser, vigie, email);
    await page.goto(vigie.url + '/');
    await expect.poll(() => page.getByTestId('home-plan-owed').locator('li').count()).toBe(owed.length);
    const first = owed[0];
    const left = first.actions.filter((a: any) => !a.reported_at).length;
    expect(await page.getByTestId('home-plan-owed').locator('li').first().textContent()).toContain(`${left} action${left > 1 ? 's' : ''} à renseigner pour la campagne « ${first.label} »`);
    await expect.poll(() => page.getByTestId('home-plan-since').textContent()).toBe(`Depuis votre dernière visite, 1 mesure a un nouveau point d'avancement : ${measure}`);
    await expect.poll(() => page.getByTestId('home-diagnostics-since').textContent()).toBe('Aucun nouveau diagnostic publié depuis votre dernière visite.');
    expect(await page.getByTestId('home-module-plan').locator('.fr-badge').textContent()).toBe('Disponible');
    expect(await page.getByTestId('home-module-diagnostics').locator('.fr-badge').textContent()).toBe('Disponible');
    expect(await page.getByTestId('home-module-committee').locator('.fr-badge').textContent()).toBe('En préparation');
    await page.getByTestId('home-plan-since').getByRole('link', { name: measure }).click();
    await expect.poll(() => page.url()).toBe(`${vigie.url}/plan/mesures/${measure}`);
    expect(unexpected(problems)).toEqual([]);
    await page.goto(vigie.url + '/');
    await expect.poll(() => page.getByTestId('home-for-you').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
    // A visitor sees no "for you" part.
    const visitor = await openAs(browser, vigie);
    await visitor.page.goto(vigie.url + '/');
    await expect.poll(() => visitor.page.getByTestId('home-module-plan').count()).toBe(1);
    expect(await visitor.page.getByTestId('home-for-you').count()).toBe(0);
    await visitor.context.close();
  });
});

describe('my account', () => {
  it('changes the password: a wrong current one is named at its field, the typing kept; the new one opens the next login', async () => {
    const email = 'contributrice@fil-ariane.demo';
    const NEW = 'une nouvelle phrase de passe pour Carla';
    const api = (password: string) => request(`${vigie.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    expect((await api(DEMO_PASSWORD)).status).toBe(200); // another session, which the change closes
    const { context, page, problems } = await openAs(browser, vigie, email);
    await page.goto(vigie.url + '/compte');
    await expect.poll(() => page.getByTestId('sessions').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
    const form = page.getByRole('form', { name: 'Changer de mot de passe' });
    await form.getByLabel('Mot de passe actuel').fill('pas le bon mot de passe');
    await form.getByLabel('Nouveau mot de passe').fill(NEW);
    await form.getByLabel('Confirmez le mot de passe').fill(NEW);
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.locator('#pw-current-error').textContent()).toContain("Ce n'est pas le mot de passe actuel du compte.");
    expect(await form.getByLabel('Nouveau mot de passe').inputValue()).toBe(NEW);
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-form-summary'))).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await form.getByLabel('Mot de passe actuel').fill(DEMO_PASSWORD);
    await form.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Votre mot de passe a été changé' }).count()).toBe(1);
    expect(await form.getByLabel('Mot de passe actuel').inputValue()).toBe('');
    // Focus is on what was saved, not lost to the top of the page; the sessions list no longer
    // shows the sessions the change closed (this one alone remains).
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-form-summary'))).toBe(true);
    await expect.poll(() => page.getByTestId('sessions').locator('tbody tr').count()).toBe(1);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
    // The next login takes the new password, not the old one.
    expect((await api(DEMO_PASSWORD)).status).toBe(401);
    expect((await api(NEW)).status).toBe(200);
  });
});

describe('in English', () => {
  it('My reporting shows the English measure titles, as the plan does', async () => {
    const { context, page } = await openAs(browser, vigie, 'referent@dgt.demo');
    await page.locator('[data-vigie-lang="en"]').first().evaluate((el: HTMLElement) => el.click());
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto(vigie.url + '/reporting');
    const row = page.locator('tr[data-testid^="owed-"]').first();
    await expect.poll(() => row.count()).toBeGreaterThan(0);
    const code = ((await row.locator('td').first().textContent()) ?? '').split(' — ')[0].trim();
    const [fr, en] = execSql(vigie.dbUrl, `SELECT m.title_fr || '|' || m.title_en FROM plan_measures m WHERE m.code = '${code}'`).trim().split('|');
    expect(en).not.toBe(fr);
    expect(await row.textContent()).toContain(en);
    expect(await row.textContent()).not.toContain(fr);
    execSql(vigie.dbUrl, "UPDATE users SET language = NULL WHERE email = 'referent@dgt.demo'");
    await context.close();
  });
});

describe('an unknown address', () => {
  it('answers HTTP 404 with the DSFR 404 page; a known page answers 200', async () => {
    expect((await request(vigie.url + '/nimporte-quoi')).status).toBe(404);
    expect((await request(vigie.url + '/plan/mesures/A1.a/suite')).status).toBe(404);
    expect((await request(vigie.url + '/plan/mesures/A1.a')).status).toBe(200);
    expect((await request(vigie.url + '/campagnes')).status).toBe(200);
    const { context, page } = await openAs(browser, vigie);
    const r = await page.goto(vigie.url + '/nimporte-quoi');
    expect(r?.status()).toBe(404);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page non trouvée');
    await context.close();
  });

  it('of a measure has a heading and a way back to the plan', async () => {
    const { context, page } = await openAs(browser, vigie, 'referent@dgt.demo');
    await page.goto(vigie.url + '/plan/mesures/Z9.z');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Mesure Z9.z introuvable');
    await page.getByRole('link', { name: 'Retour au plan' }).click();
    await expect.poll(() => page.url()).toBe(vigie.url + '/plan');
    await context.close();
  });
});

describe('on a phone (390 px)', () => {
  it('no page of the coordinator is wider than the screen (the campaign form included)', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const page = await context.newPage();
    watchProblems(page);
    await page.goto(vigie.url + '/connexion');
    await page.getByLabel('Adresse électronique').fill('coordination@miprof.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel('Code à 6 chiffres').fill(await freshCode('coordination@miprof.demo'));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toBeTruthy();
    const wide = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('main input, main select, main textarea, main button, main h1, main p')]
          .filter((el) => !el.closest('.fr-table'))
          .map((el) => ({ id: el.id || el.tagName, right: Math.round(el.getBoundingClientRect().right) }))
          .filter((x) => x.right > window.innerWidth),
      );
    for (const path of ['/campagnes', '/plan', '/compte', '/reporting', '/plan/referentiel', `/plan/mesures/${measure}`]) {
      await page.goto(vigie.url + path);
      // The page and its data (the machine is shared: loading may take a few seconds).
      await expect.poll(() => page.locator('main h1').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      await expect.poll(() => page.locator('[data-resource-state="loading"]').count(), { timeout: 10_000 }).toBe(0);
      expect({ path, wide: await wide() }).toEqual({ path, wide: [] });
      expect({ path, scroll: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({ path, scroll: 390 });
    }
    await page.goto(vigie.url + '/campagnes');
    await expect.poll(() => page.locator('#campaign-deadline').count()).toBe(1);
    for (const id of ['#campaign-label', '#campaign-deadline']) expect(await page.locator(id).evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390 - 16);
    await page.screenshot({ path: '/tmp/wt11-campaigns-390.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("each page's data", () => {
  it('is fetched once: the measure, campaigns, directory and audit pages ask for each resource once', async () => {
    const { context, page } = await openWithCode('coordination@miprof.demo');
    const asked: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/') && r.method() === 'GET') asked.push(u.pathname + u.search);
    });
    for (const path of [`/plan/mesures/${measure}`, '/campagnes', '/annuaire', '/journal']) {
      asked.length = 0;
      await page.goto(vigie.url + path);
      await expect.poll(() => page.locator('main h1').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');
      const twice = asked.filter((p, i) => asked.indexOf(p) !== i);
      expect({ path, twice }).toEqual({ path, twice: [] });
    }
    await context.close();
  });
});

describe('a first visit', () => {
  it('weighs under 200 KB on the wire, fonts included: precompressed brotli assets, the Latin subsets of Marianne', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const encodings: Record<string, string> = {};
    const fontFiles: string[] = [];
    let total = 0;
    let fonts = 0;
    cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string; headers: Record<string, string> } }) => {
      urls.set(e.requestId, e.response.url);
      encodings[new URL(e.response.url).pathname] = e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '';
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      total += e.encodedDataLength;
      const url = urls.get(e.requestId) ?? '';
      if (/\.woff2?$/.test(url)) {
        fonts += e.encodedDataLength;
        fontFiles.push(new URL(url).pathname.replace(/^\/assets\//, '').replace(/-[\w-]{8}\.woff2$/, ''));
      }
    });
    await page.goto(vigie.url + '/');
    await page.waitForLoadState('networkidle');
    const assets = Object.entries(encodings).filter(([p]) => /\.(js|css)$/.test(p) || p === '/');
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const [p, enc] of assets) expect({ p, enc }).toEqual({ p, enc: 'br' });
    console.log(`first visit: ${Math.round(total / 1024)} KiB on the wire, of which ${Math.round(fonts / 1024)} KiB of Marianne fonts (woff2)`);
    // A French page needs only the Latin subsets: the home page's three weights.
    expect(fontFiles.sort()).toEqual(['Marianne-Bold-latin', 'Marianne-Medium-latin', 'Marianne-Regular-latin']);
    expect(total).toBeLessThan(200_000);
    // A character outside the subsets (a Romanian ș) still comes in Marianne: the DSFR's full
    // face is fetched then, and only then.
    await page.evaluate(() => document.fonts.load('400 16px Marianne', 'ș'));
    await expect.poll(() => fontFiles.filter((f) => f === 'Marianne-Regular').length).toBe(1);
    await context.close();
  });
});
