// The coordination manages the committee's directory and reads the audit log; an association's
// admin manages their own members and sees who acted on their organisation's data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { execSql, startVigie, type Vigie, demoTotpSecret } from '../support/vigie';
import { launchChromium, seriousA11yViolations } from './browser';
import { openAs } from './demo-login';

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

async function loginAs(email: string, secret?: string) {
  ({ context, page, problems } = await openAs(browser, vigie, email, secret));
}

describe('the coordination', () => {
  afterAll(() => context.close());

  it('sees every member organisation and adds one', async () => {
    const secret = demoTotpSecret(vigie, 'coordination@miprof.demo');
    await loginAs('coordination@miprof.demo', secret);
    await page.getByRole('link', { name: 'Annuaire' }).first().click();
    const organisations = Number(execSql(vigie.dbUrl, 'SELECT count(*) FROM organisations').trim());
    expect(organisations).toBeGreaterThan(20);
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(organisations);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.locator('#org-code').fill('asso-nouvelle');
    await page.locator('#org-name').fill('Association nouvelle (fictive)');
    await page.getByLabel('Type', { exact: true }).selectOption('association');
    await page.locator('#org-territory').fill('69');
    await page.getByRole('button', { name: "Créer l'organisation" }).click();
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(organisations + 1);
    // Territories by name; a search narrows the table, accents and case aside.
    expect(await page.getByRole('row', { name: /Association nouvelle/ }).locator('td').nth(2).textContent()).toBe('Rhône (69)');
    const inRhone = Number(execSql(vigie.dbUrl, "SELECT count(*) FROM organisations WHERE territory = '69' OR code LIKE '%69%' OR name LIKE '%69%'").trim());
    expect(inRhone).toBeGreaterThan(1); // the new one and the demo's
    await page.getByLabel('Rechercher une organisation').fill('69');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(inRhone);
    expect(await page.getByTestId('directory-count').textContent()).toBe(`${inRhone} organisations sur ${organisations + 1}`);
    const prefectures = Number(execSql(vigie.dbUrl, "SELECT count(*) FROM organisations WHERE type = 'prefecture'").trim());
    await page.getByLabel('Rechercher une organisation').fill('PREFECTURE');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(prefectures);
    await page.getByLabel('Rechercher une organisation').fill('');
    await expect.poll(() => page.locator('table tbody tr').count()).toBe(organisations + 1);
  });

  it('reads the whole audit log, the creation included', async () => {
    await page.getByRole('link', { name: "Journal d'audit" }).first().click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain("Création d'une organisation");
    expect(await page.getByText('Toutes les actions de la plateforme.').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

describe("an association's admin", () => {
  afterAll(() => context.close());

  it('sees their members, invites nobody outside, and disables a member', async () => {
    await loginAs('admin@passerelles.demo');
    await page.getByRole('link', { name: 'Annuaire' }).first().click();
    // Only their own organisation offers "see members".
    await expect.poll(() => page.getByRole('button', { name: 'Voir les membres' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Voir les membres' }).click();
    await expect.poll(() => page.locator('#members-title').textContent()).toContain('Passerelles');
    // The list opens below a long table: its heading takes the focus (and comes into view).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('members-title');
    await expect.poll(() => page.getByText('referente@passerelles.demo').count()).toBe(1);
    await page.getByRole('row', { name: /referente@passerelles.demo/ }).getByRole('button', { name: 'Désactiver' }).click();
    await expect.poll(() => page.getByRole('row', { name: /referente@passerelles.demo/ }).textContent()).toContain('Désactivé');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('sees in the audit log only what concerns their organisation', async () => {
    await page.getByRole('link', { name: "Journal d'audit" }).first().click();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('Désactivation');
    expect(await page.getByText('Les actions portant sur les données de votre organisation.').count()).toBe(1);
    const rows = await page.locator('[data-testid="audit-table"] tbody tr').allTextContents();
    for (const r of rows) expect(r).toContain('PASSERELLES');
    expect(problems.filter((p) => !/status of 40[13]/.test(p))).toEqual([]);
  });
});
