// The web shell as a visitor sees it: French first, English on request and remembered,
// DSFR header and footer, a 404 page, no console error, no serious accessibility violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startVigie, type Vigie } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';

let vigie: Vigie;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  vigie = await startVigie();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
});

async function freshPage(viewport = { width: 1280, height: 900 }) {
  context = await browser.newContext({ viewport, locale: 'fr-FR' });
  page = await context.newPage();
  problems = watchProblems(page);
}

describe('home page', () => {
  beforeAll(() => freshPage());
  afterAll(() => context.close());

  it('opens in French with the DSFR header, the service name and the footer', async () => {
    await page.goto(vigie.url + '/');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('fr');
    await expect.poll(() => page.locator('.fr-header__service-title').textContent()).toBe('Vigie');
    expect(await page.locator('.fr-header__service-tagline').textContent()).toBe(
      'Suivi du plan national contre la traite',
    );
    expect(await page.locator('h1').textContent()).toBe('Vigie');
    expect(await page.locator('footer.fr-footer').count()).toBe(1);
    expect(await page.title()).toContain('Vigie — Suivi du plan national contre la traite');
  });

  it('shows the live service status from the API', async () => {
    await expect
      .poll(() => page.getByTestId('service-status').textContent())
      .toMatch(/Service disponible — version \d+\.\d+\.\d+, schéma de données \d+/);
  });

  it('has no serious or critical accessibility violation', async () => {
    const violations = await seriousA11yViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
  });

  it('switches to English from the language menu, and remembers it', async () => {
    await page.locator('.fr-translate__btn').first().click();
    await page.locator('.fr-header__tools [data-vigie-lang="en"]').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('.fr-header__service-tagline').textContent()).toBe(
      'Monitoring the national plan against trafficking',
    );
    await expect.poll(() => page.getByTestId('service-status').textContent()).toMatch(/^Service status/);
    await page.reload();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h2').first().textContent()).toBeTruthy();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('saw no console error and no CSP violation', () => {
    expect(problems).toEqual([]);
  });
});

describe('unknown page', () => {
  beforeAll(() => freshPage());
  afterAll(() => context.close());

  it('shows the DSFR 404 page, and the home link brings the visitor back', async () => {
    const answer = await page.goto(vigie.url + '/nulle-part');
    expect(answer?.status()).toBe(404); // for link checkers and crawlers too
    await expect.poll(() => page.locator('h1').textContent()).toBe('Page non trouvée');
    expect(await page.title()).toContain('Page non trouvée');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('link', { name: "Page d'accueil" }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Vigie');
    expect(page.url()).toBe(vigie.url + '/');
    // The browser logs the page's own 404 as a console error: that one is the point.
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
  });
});

describe('on a phone', () => {
  beforeAll(() => freshPage({ width: 375, height: 740 }));
  afterAll(() => context.close());

  it('opens the menu and switches language from inside it', async () => {
    await page.goto(vigie.url + '/');
    const menuButton = page.locator('#button-menu');
    await expect.poll(() => menuButton.isVisible()).toBe(true);
    await menuButton.click();
    await expect.poll(() => page.locator('#modal-menu').isVisible()).toBe(true);
    const translate = page.locator('#modal-menu .fr-translate__btn');
    await translate.click();
    await page.locator('#modal-menu [data-vigie-lang="en"]').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await page.screenshot({ path: 'build/e2e-phone.png' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
