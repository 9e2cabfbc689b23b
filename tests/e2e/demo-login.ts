// Logging a demo account in through the login page, in a fresh browser context.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { totp } from '../support/totp';
import type { Vigie } from '../support/vigie';
import { watchProblems } from './browser';

export const DEMO_PASSWORD = 'Vigie-demo-2026!';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  problems: string[];
}

// A fresh context; logged in as `email` (with the TOTP `secret` when the account has one), or
// anonymous when no e-mail is given. `code`, when given, is the one-time code to type: a caller
// that tracks used codes (the server refuses a replayed one) passes the code it recorded, so the
// code typed cannot be a newer one computed after a 30 s window turned.
export async function openAs(browser: Browser, vigie: Vigie, email?: string, secret?: string, code?: string): Promise<BrowserSession> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const problems = watchProblems(page);
  if (email) {
    await page.goto(vigie.url + '/connexion');
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    if (secret) {
      await page.getByLabel('Code à 6 chiffres').fill(code ?? totp(secret));
      await page.getByRole('button', { name: 'Se connecter' }).click();
    }
    await expect.poll(() => page.getByTestId('account-organisation').textContent()).toBeTruthy();
  }
  return { context, page, problems };
}
