// Logging in as the committee's members do: an association member with a password; a police
// officer with the second factor; a police account without it stays out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { totp } from '../support/totp';
import { execSql, startVigie, type Vigie, demoTotpSecret } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';

const PASSWORD = 'Vigie-demo-2026!';
let vigie: Vigie;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

beforeAll(async () => {
  vigie = await startVigie({ args: ['--demo'], skipKeys: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
});

async function freshPage() {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  problems = watchProblems(page);
}

async function fill(email: string, password: string) {
  await page.goto(vigie.url + '/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

// The browser logs 401/403 answers as console errors: those are expected here.
const unexpected = () => problems.filter((p) => !/status of 40[13]/.test(p));

describe('an association member', () => {
  beforeAll(() => freshPage());
  afterAll(() => context.close());

  it('sees field errors next to the fields when the form is empty', async () => {
    await page.goto(vigie.url + '/connexion');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.locator('#login-email-error').textContent()).toContain('adresse électronique');
    expect(await page.locator('#login-password-error').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('keeps what was typed after a wrong password', async () => {
    await fill('referente@passerelles.demo', 'pas le bon mot de passe');
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('incorrect');
    expect(await page.getByLabel('Adresse électronique').inputValue()).toBe('referente@passerelles.demo');
  });

  it('logs in and sees their organisation, then logs out', async () => {
    await fill('referente@passerelles.demo', PASSWORD);
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toContain('Passerelles');
    expect(await page.getByTestId('account-role').textContent()).toBe('Référent');
    expect(await page.getByTestId('header-account').first().isVisible()).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByTestId('header-login').first().isVisible()).toBe(true);
    expect(page.url()).toBe(vigie.url + '/');
    expect(unexpected()).toEqual([]);
  });
});

describe('a police officer', () => {
  beforeAll(() => freshPage());
  afterAll(() => context.close());

  it('is asked for the authenticator code after the password, and gets in with it', async () => {
    const secret = demoTotpSecret(vigie, 'agent@ocrteh.demo');
    await fill('agent@ocrteh.demo', PASSWORD);
    await expect.poll(() => page.getByLabel('Code à 6 chiffres').isVisible()).toBe(true);
    await page.getByLabel('Code à 6 chiffres').fill(totp(secret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toContain('Office central');
    expect(unexpected()).toEqual([]);
  });

  it('cannot get in without a second factor', async () => {
    execSql(vigie.dbUrl, "UPDATE users SET totp_secret = NULL WHERE email = 'agent@ocrteh.demo'");
    await context.clearCookies();
    await fill('agent@ocrteh.demo', PASSWORD);
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('second facteur');
    expect(page.url()).toBe(vigie.url + '/connexion');
  });
});
