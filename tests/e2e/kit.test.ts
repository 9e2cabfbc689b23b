// The web kit as a member notices it: a request that fails says so (with a retry) instead of
// showing an empty list; a refusal is a refusal; a refused form marks its fields, puts the
// error summary first and moves focus to it, keeping what was typed; a member page sends a
// visitor to login and back; the phone menu follows login and logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startVigie, type Vigie } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';
import { DEMO_PASSWORD, openAs } from './demo-login';

let vigie: Vigie;
let browser: Browser;

beforeAll(async () => {
  vigie = await startVigie({ args: ['--demo'], skipKeys: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
});

// The browser logs 4xx/5xx answers as console errors: those are the point of some tests here.
const unexpected = (problems: string[]) => problems.filter((p) => !/status of (40[134]|422|500|503)/.test(p));
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id ?? '');

describe('a request that fails', () => {
  let s: { context: BrowserContext; page: Page; problems: string[] };
  afterAll(() => s?.context.close());

  it('shows an error with a retry, never an empty directory; the retry loads it', async () => {
    s = await openAs(browser, vigie, 'admin@passerelles.demo');
    const { page } = s;
    let failing = true;
    await page.route('**/api/v1/organisations', (route) =>
      failing ? route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal' }) }) : route.continue(),
    );
    await page.getByRole('link', { name: 'Annuaire' }).first().click();
    const error = page.locator('[data-resource-state="error"]');
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain("Les données n'ont pas pu être chargées");
    // Nothing that looks like an empty list: no table, no "0 organisations".
    expect(await page.locator('main table').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toMatch(/\b0 organisation/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    failing = false;
    await error.getByRole('button', { name: 'Réessayer' }).click();
    await expect.poll(() => page.locator('main table tbody tr').count()).toBeGreaterThan(20);
    expect(await error.count()).toBe(0);
  });

  it('shows "unreachable" the same way when the server cannot be reached', async () => {
    const { page } = s;
    await page.route('**/api/v1/audit?*', (route) => route.abort('connectionrefused'));
    await page.getByRole('link', { name: "Journal d'audit" }).first().click();
    await expect.poll(() => page.locator('[data-resource-state="error"]').isVisible()).toBe(true);
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    expect(await page.getByText("Vous n'avez pas accès").count()).toBe(0);
    await page.unroute('**/api/v1/audit?*');
    await page.getByRole('button', { name: 'Réessayer' }).click();
    await expect.poll(() => page.getByTestId('audit-table').isVisible()).toBe(true);
    expect(unexpected(s.problems).filter((p) => !/ERR_CONNECTION_REFUSED/.test(p))).toEqual([]);
  });
});

describe('a refusal', () => {
  it('reads as a refusal (the audit log of a referent), not as an error or an empty log', async () => {
    const { context, page, problems } = await openAs(browser, vigie, 'referente@passerelles.demo');
    await page.goto(vigie.url + '/journal');
    const refused = page.locator('[data-resource-state="forbidden"]');
    await expect.poll(() => refused.isVisible()).toBe(true);
    expect(await page.locator('[data-resource-state="error"]').count()).toBe(0);
    expect(await page.getByTestId('audit-table').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('of a measure that does not exist says "not found", not an error', async () => {
    const { context, page } = await openAs(browser, vigie, 'referente@passerelles.demo');
    await page.goto(vigie.url + '/plan/mesures/Z9.z');
    await expect.poll(() => page.locator('[data-resource-state="not_found"]').isVisible()).toBe(true);
    expect(await page.locator('[data-resource-state="error"]').count()).toBe(0);
    await context.close();
  });
});

describe('a refused form', () => {
  it('in the browser: marks the fields aria-invalid and moves focus to the error summary', async () => {
    const { context, page } = await openAs(browser, vigie);
    await page.goto(vigie.url + '/connexion');
    await page.getByLabel('Adresse électronique').fill('  ');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => focusedTestId(page)).toBe('login-error');
    expect(await page.locator('#login-email').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#login-password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#login-email').getAttribute('aria-describedby')).toBe('login-email-error');
    const summary = page.getByTestId('login-error');
    expect(await summary.getAttribute('role')).toBe('alert');
    // The summary comes first and links to each field in error.
    expect(await summary.locator('a[href="#login-email"]').count()).toBe(1);
    await summary.locator('a[href="#login-password"]').click();
    await expect.poll(() => focusedTestId(page)).toBe('login-password');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('by the server: the field in error is marked, focus is on the summary, and what was typed stays', async () => {
    const { context, page, problems } = await openAs(browser, vigie, 'admin@passerelles.demo');
    await page.getByRole('link', { name: 'Annuaire' }).first().click();
    await page.getByRole('button', { name: 'Voir les membres' }).click();
    await page.locator('#inv-email-new').fill('pas-une-adresse');
    await page.locator('#inv-name-new').fill('Nadia N.');
    await page.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await expect.poll(() => page.locator('#inv-email-new').getAttribute('aria-invalid')).toBe('true');
    const summary = page.locator('form[aria-labelledby="invite-title"] [data-form-summary]');
    await expect.poll(() => page.evaluate(() => document.activeElement?.hasAttribute('data-form-summary') ?? false)).toBe(true);
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.locator('a[href="#inv-email-new"]').count()).toBe(1);
    // The summary names the field each message is about, by its label.
    expect(await summary.locator('a[href="#inv-email-new"]').textContent()).toMatch(/^Adresse électronique : \S/);
    expect(await page.locator('#inv-name-new').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#inv-email-new').inputValue()).toBe('pas-une-adresse');
    expect(await page.locator('#inv-name-new').inputValue()).toBe('Nadia N.');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe('a member page', () => {
  it('sends a visitor to the login page, and back to the page asked for after login', async () => {
    const { context, page } = await openAs(browser, vigie);
    await page.goto(vigie.url + '/annuaire');
    await expect.poll(() => page.url()).toBe(vigie.url + '/connexion?retour=%2Fannuaire');
    await page.getByLabel('Adresse électronique').fill('admin@passerelles.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.url()).toBe(vigie.url + '/annuaire');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Annuaire');
    await context.close();
  });
});

describe('on a phone (390 px)', () => {
  it('the menu offers "Se connecter" to a visitor, "Mon compte" after login, and "Se connecter" again after logout', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const problems = watchProblems(page);
    const menu = page.locator('#modal-menu');
    const openMenu = async () => {
      await page.locator('#button-menu').click();
      await expect.poll(() => menu.isVisible()).toBe(true);
    };
    const closeMenu = async () => {
      await menu.getByRole('button', { name: 'Fermer' }).click();
      await expect.poll(() => menu.isVisible()).toBe(false);
    };
    const inMenu = (name: string) => menu.getByRole('link', { name, exact: true });

    await page.goto(vigie.url + '/');
    await openMenu();
    expect(await inMenu('Se connecter').isVisible()).toBe(true);
    expect(await inMenu('Mon compte').count()).toBe(0);
    await inMenu('Se connecter').click();
    await expect.poll(() => page.url()).toBe(vigie.url + '/connexion');
    await page.getByLabel('Adresse électronique').fill('referente@passerelles.demo');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toContain('Passerelles');

    await openMenu();
    expect(await inMenu('Se connecter').count()).toBe(0);
    expect(await inMenu('Mon compte').isVisible()).toBe(true);
    expect(await menu.getByRole('link', { name: 'Annuaire' }).isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await closeMenu();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.url()).toBe(vigie.url + '/');
    await openMenu();
    expect(await inMenu('Se connecter').isVisible()).toBe(true);
    expect(await inMenu('Mon compte').count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Annuaire' }).count()).toBe(0);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});
