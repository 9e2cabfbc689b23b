// The story: an invited association member sets a password, logs in, turns on the
// second factor and sees their organisation — through the e-mail a real SMTP server received.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { request } from '../support/http';
import { SmtpSink } from '../support/smtp-sink';
import { totp } from '../support/totp';
import { startVigie, type Vigie } from '../support/vigie';
import { launchChromium, seriousA11yViolations, watchProblems } from './browser';

let vigie: Vigie;
let smtp: SmtpSink;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const PASSWORD = 'une longue phrase de passe';

beforeAll(async () => {
  smtp = await SmtpSink.start();
  vigie = await startVigie({ args: ['--demo', '--smtp-url', smtp.url], skipKeys: true });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  problems = watchProblems(page);
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
  smtp?.stop();
});

describe('an invited association member', () => {
  let token = '';

  it('receives the invitation sent by their organisation admin', async () => {
    const login = await request(`${vigie.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@passerelles.demo', password: 'Vigie-demo-2026!' }),
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const invite = await request(`${vigie.url}/api/v1/invitations`, {
      method: 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': login.json<{ csrf_token: string }>().csrf_token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'nadia@passerelles.demo', role: 'contributor', display_name: 'Nadia N.' }),
    });
    expect(invite.status).toBe(202);
    const mail = await smtp.waitFor('nadia@passerelles.demo');
    token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.body)![1];
  });

  it('sets a password from the link', async () => {
    await page.goto(`${vigie.url}/invitation/${token}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Rejoindre Vigie');
    expect(await page.locator('.fr-text--lead').textContent()).toContain('Passerelles');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Mot de passe', { exact: false }).first().fill(PASSWORD);
    await page.getByLabel('Confirmez le mot de passe').fill('pas la même chose du tout');
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect.poll(() => page.locator('#inv-confirm-error').textContent()).toContain('différents');
    await page.getByLabel('Confirmez le mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect.poll(() => page.getByTestId('invitation-done').textContent()).toContain('Passerelles');
  });

  it('logs in, turns on the second factor and sees their organisation', async () => {
    await page.getByRole('link', { name: 'Se connecter' }).last().click();
    await page.getByLabel('Adresse électronique').fill('nadia@passerelles.demo');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toContain('Passerelles');
    await page.getByRole('button', { name: 'Activer le second facteur' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Code à 6 chiffres').fill(totp(secret));
    await page.getByRole('button', { name: 'Activer', exact: true }).click();
    await expect.poll(() => page.getByTestId('recovery-codes').locator('code').count()).toBe(10);

    // Next time, the code is asked after the password.
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.goto(`${vigie.url}/connexion`);
    await page.getByLabel('Adresse électronique').fill('nadia@passerelles.demo');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByLabel('Code à 6 chiffres').fill(totp(secret));
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toContain('Passerelles');
    expect(problems.filter((p) => !/status of 40[13]/.test(p))).toEqual([]);
  });
});
