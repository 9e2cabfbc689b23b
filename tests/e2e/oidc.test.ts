// Logging in with ProConnect: a real OpenID provider (npm oidc-provider) in front of Vigie;
// an invited account gets in, an unknown address and an account needing a second factor don't.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freePort } from '../support/ports';
import { startVigie, type Vigie } from '../support/vigie';
import { launchChromium, watchProblems } from './browser';

let vigie: Vigie;
let provider: ChildProcess;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  const vigiePort = await freePort();
  const providerPort = await freePort();
  const redirect = `http://127.0.0.1:${vigiePort}/api/v1/auth/oidc/callback`;
  provider = spawn('node', [resolve(__dirname, '../support/oidc-provider.mjs'), String(providerPort), redirect], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((res) => provider.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && res()));
  const dir = mkdtempSync(join(tmpdir(), 'vigie-oidc-'));
  const config = join(dir, 'vigie.toml');
  writeFileSync(config, `[oidc]\nissuer = "http://127.0.0.1:${providerPort}"\nclient_id = "vigie"\nclient_secret = "vigie-test-secret"\nredirect_url = "${redirect}"\n`);
  vigie = await startVigie({ port: vigiePort, args: ['--demo', '--config', config], skipKeys: true, dataDir: dir });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
  provider?.kill();
});

async function proConnect(login: string) {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  page = await context.newPage();
  watchProblems(page);
  await page.goto(vigie.url + '/connexion');
  await page.getByTestId('oidc-login').click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.locator('button[type="submit"]').click();
  // The provider's consent page, the first time.
  const consent = page.locator('button[type="submit"]');
  if (await consent.count()) await consent.click();
}

describe('ProConnect', () => {
  afterAll(() => context?.close());

  it('lets an invited account in, matched by its verified e-mail', async () => {
    await proConnect('referente@passerelles.demo');
    await expect.poll(() => page.getByTestId('account-organisation').textContent(), { timeout: 15000 }).toContain('Passerelles');
    expect(page.url()).toBe(vigie.url + '/compte');
  });

  it('keeps out an address with no Vigie account, and says why', async () => {
    await context.close();
    await proConnect('inconnue@ailleurs.gouv.fr');
    await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 15000 }).toContain('Aucun compte Vigie');
  });

  it('keeps out an account that needs a second factor the provider did not give', async () => {
    await context.close();
    await proConnect('coordination@miprof.demo');
    await expect.poll(() => page.getByTestId('login-error').textContent(), { timeout: 15000 }).toContain('second facteur');
  });
});
