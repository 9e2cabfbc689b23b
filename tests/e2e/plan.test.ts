// The plan in the browser: a ministry referent reports progress on a measure their ministry
// pilots; the history shows it and the coordinator's tree moves; the public sees the plan.
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
let measure = '';

beforeAll(async () => {
  vigie = await startVigie({ args: ['--demo'], skipKeys: true });
  browser = await launchChromium();
  measure = execSql(vigie.dbUrl, "SELECT m.code FROM plan_measures m JOIN plan_actions a ON a.measure_id = m.id JOIN plan_action_pilots p ON p.action_id = a.id WHERE p.org_code = 'DGT' ORDER BY m.code LIMIT 1").trim();
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
});

async function fresh(email?: string, secret?: string) {
  ({ context, page, problems } = await openAs(browser, vigie, email, secret));
}

describe('the public', () => {
  afterAll(() => context.close());
  it('sees the six axes with status and progress, and can filter', async () => {
    await fresh();
    await page.goto(vigie.url + '/plan');
    await expect.poll(() => page.locator('section h2').count()).toBe(6);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Rechercher une mesure').fill('formation');
    await expect.poll(() => page.locator('tbody tr').count()).toBeLessThan(17);
    expect(problems).toEqual([]);
  });
});

describe('a ministry referent', () => {
  afterAll(() => context.close());
  it('reports progress on a measure their ministry pilots, and finds it in the history', async () => {
    await fresh('referent@dgt.demo');
    await page.goto(`${vigie.url}/plan/mesures/${measure}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain(measure);
    const form = page.getByRole('form', { name: "Déclarer l'avancement" }).first();
    // The form says who will read the report (issue 10, item 13): the whole committee.
    expect(await form.textContent()).toContain('Qui le lira : tous les membres du comité de suivi du plan');
    expect(await form.textContent()).toContain('police');
    await form.getByLabel('Statut').selectOption('in_progress');
    await form.getByLabel('Avancement (%)').fill('35');
    await form.getByLabel('Commentaire').fill('Entretien avec Mme Joy Eze');
    await form.getByRole('button', { name: "Déclarer l'avancement" }).click();
    // The identifier guard refuses the name, next to the field, keeping the text.
    await expect.poll(() => form.locator('.fr-error-text').first().textContent()).toContain('la personne');
    expect(await form.getByLabel('Commentaire').inputValue()).toBe('Entretien avec Mme Joy Eze');
    await form.getByLabel('Commentaire').fill('Quatre contrôles conjoints menés en octobre.');
    await form.getByRole('button', { name: "Déclarer l'avancement" }).click();
    await expect.poll(() => page.getByTestId('measure-history').textContent()).toContain('Quatre contrôles conjoints');
    expect(await page.getByTestId('measure-history').textContent()).toContain('referent@dgt.demo');
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems.filter((p) => !/status of 4(01|03|22)/.test(p))).toEqual([]);
  });
});

describe('the coordinator', () => {
  afterAll(() => context.close());
  it('sees the new status in the tree at once', async () => {
    const secret = demoTotpSecret(vigie, 'coordination@miprof.demo');
    await fresh('coordination@miprof.demo', secret);
    await page.goto(vigie.url + '/plan');
    await page.locator('#plan-pilot').selectOption('DGT');
    await expect.poll(() => page.getByTestId(`measure-${measure}`).textContent()).toContain('35 %');
  });
});
