// Reporting campaigns, indicators and the referential in the browser: the coordinator opens a
// campaign, a ministry referent finds what they owe in "My reporting" and reports, the
// coordinator's dashboard shows the completion at once; an indicator gets a value and a
// chart; a spreadsheet import shows its bad rows and changes nothing.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { execSql, startVigie, type Vigie, demoTotpSecret } from '../support/vigie';
import { launchChromium, seriousA11yViolations } from './browser';
import { openAs } from './demo-login';

let vigie: Vigie;
let browser: Browser;
let coordinator: { context: BrowserContext; page: Page; problems: string[] };
let referent: { context: BrowserContext; page: Page; problems: string[] };
let measure = '';
let second = '';
const label = 'Point trimestriel e2e';

beforeAll(async () => {
  vigie = await startVigie({ args: ['--demo'], skipKeys: true });
  browser = await launchChromium();
  [measure, second] = execSql(vigie.dbUrl, "SELECT DISTINCT m.code FROM plan_measures m JOIN plan_actions a ON a.measure_id = m.id JOIN plan_action_pilots p ON p.action_id = a.id WHERE p.org_code = 'DGT' ORDER BY m.code LIMIT 2").trim().split('\n');
});
afterAll(async () => {
  await browser?.close();
  await vigie?.stop();
});

const countOf = (page: Page, name: string) => page.locator('section', { has: page.getByRole('heading', { name }) }).locator('[data-testid$="-count"]').textContent();

describe('a reporting campaign', () => {
  it('is opened by the coordinator on chosen measures', async () => {
    const secret = demoTotpSecret(vigie, 'coordination@miprof.demo');
    coordinator = await openAs(browser, vigie, 'coordination@miprof.demo', secret);
    const page = coordinator.page;
    await page.goto(vigie.url + '/campagnes');
    await page.getByLabel('Intitulé').fill(label);
    await page.getByLabel('Échéance', { exact: true }).fill(new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10));
    // DSFR draws its own radios and checkboxes: a user clicks their labels.
    await page.locator('label[for="campaign-scope-some"]').click();
    await page.locator(`label[for="campaign-measure-${measure}"]`).click();
    await page.locator(`label[for="campaign-measure-${second}"]`).click();
    await page.getByRole('button', { name: 'Ouvrir une campagne' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('La campagne est ouverte');
    await expect.poll(() => countOf(page, label)).toMatch(/^0 action renseignée sur [1-9]/);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('shows the ministry referent what they owe; one form reports on all of it and completion moves at once', async () => {
    referent = await openAs(browser, vigie, 'referent@dgt.demo');
    const page = referent.page;
    await page.goto(vigie.url + '/reporting');
    await expect.poll(() => page.locator('h2').allTextContents()).toContain(label);
    const mine = page.locator('section', { has: page.getByRole('heading', { name: label }) });
    await mine.locator('summary', { hasText: 'Faire le point sur plusieurs actions' }).click();
    const bulk = mine.getByRole('form', { name: 'Faire le point sur plusieurs actions' });
    await bulk.getByLabel(`Avancement (%) — ${measure}`).fill('150');
    await bulk.getByLabel(`Avancement (%) — ${second}`).fill('70');
    await bulk.getByRole('button', { name: /Enregistrer 2 mise/ }).click();
    // The bad row is marked; nothing was saved.
    await expect.poll(() => bulk.locator('.fr-error-text').first().textContent()).toContain('0 à 100');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await bulk.getByLabel(`Avancement (%) — ${measure}`).fill('55');
    await bulk.getByRole('button', { name: /Enregistrer 2 mise/ }).click();
    await expect.poll(() => mine.locator('.fr-badge--success').count()).toBe(2);

    await coordinator.page.goto(vigie.url + '/campagnes');
    await expect.poll(() => countOf(coordinator.page, label)).toMatch(/^2 actions renseignées sur 2/);
    expect(referent.problems.filter((p) => !/status of 4(01|22)/.test(p))).toEqual([]);
  });
});

describe('indicators', () => {
  it('are added by the coordinator and charted once a value is recorded', async () => {
    const page = coordinator.page;
    await page.goto(`${vigie.url}/plan/mesures/${measure}`);
    await page.locator('summary', { hasText: 'Ajouter un indicateur' }).click();
    const add = page.getByRole('form', { name: 'Ajouter un indicateur' });
    await add.getByLabel("Nom de l'indicateur").fill('Contrôles conjoints menés');
    await add.getByLabel('Unité').fill('contrôles');
    await add.getByLabel('Cible', { exact: true }).fill('300');
    await add.getByRole('button', { name: 'Ajouter un indicateur' }).click();
    const record = page.getByRole('form', { name: /Enregistrer la valeur — Contrôles conjoints menés/ });
    await record.getByLabel('Période').fill('2025');
    await record.getByLabel(/^Valeur/).fill('142');
    await record.getByLabel('Source').fill('Bilan annuel de l’inspection du travail');
    await record.getByRole('button', { name: 'Enregistrer la valeur' }).click();
    const block = page.locator('[data-testid^="indicator-"]', { has: page.getByRole('heading', { name: /Contrôles conjoints menés/ }) });
    await expect.poll(() => block.locator('svg.vigie-chart').count()).toBe(1);
    expect(await block.locator('svg.vigie-chart').getAttribute('aria-label')).toContain('cible 300');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

describe('the referential import', () => {
  it('lists the bad rows and changes nothing, then says an unchanged export changes nothing', async () => {
    const page = coordinator.page;
    await page.goto(vigie.url + '/plan/referentiel');
    const dir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'axis,measure,measure_title_fr,measure_title_en,measure_weight,retired,action_id,action_title,action_weight,pilots,partners,deadline,cost_eur,funding,official_text_url\r\n' +
        'A9,A9.a,Titre,,1,no,,Action,1,DGT,,2026-01-01,,,\r\n',
    );
    await page.getByLabel('Fichier XLSX ou CSV').setInputFiles(bad);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.getByTestId('import-errors').textContent()).toContain('axis');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const exported = await page.request.get(vigie.url + '/api/v1/plan/export.xlsx');
    const xlsx = join(dir, 'plan.xlsx');
    writeFileSync(xlsx, await exported.body());
    await page.getByLabel('Fichier XLSX ou CSV').setInputFiles(xlsx);
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('ne change rien');
    // The login page asks who is there (401) and the bad file is refused (422): nothing else.
    expect(coordinator.problems.filter((p) => !/status of 4(01|22)/.test(p))).toEqual([]);
  });
});
