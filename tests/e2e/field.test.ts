// Field data in the browser, on the demo: an association downloads nothing but the template's
// columns, imports a 10,000-row file with three bad rows, sees exactly those three errors, fixes
// them, imports the whole file and sees its own dashboard grow by 10,000; in the national
// picture it sees the release's date and "< 11" explained. The coordinator sees the national
// picture live and exact and reads the association's profiles; the association then sees that
// read in "who read our profiles". axe-core finds no serious or critical violation, at desktop
// and on a phone (390 px).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { execSql, startVigie, type Vigie, demoTotpSecret } from '../support/vigie';
import { launchChromium, seriousA11yViolations } from './browser';
import { openAs, type BrowserSession } from './demo-login';

let vigie: Vigie;
let browser: Browser;
const ASSO = 'referente@passerelles.demo';
const COORD = 'coordination@miprof.demo';
const POLICE = 'agent@ocrteh.demo';
// A count as the tables show it: "3 835" (narrow no-break space) in French, "3,835" in English.
const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);
const en = (n: number) => new Intl.NumberFormat('en-GB').format(n);
const asNumber = (v: string) => Number(v.replace(/[\s\u202f\u00a0,]/g, ''));
const sessions: BrowserSession[] = [];

const HEADER = 'contact_year,contact_month,departement,forms,exploitation_departement,exploitation_country,sector,sex,age_band,minor_at_contact,minor_at_exploitation,nationality,ilo_indicators,means_of_control,recruitment,victim_status,support,operation,note';
// 10,000 rows; `bad` maps a 0-based data row to what is wrong with it.
function file(bad: Record<number, string>): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < 10_000; i++) {
    const cells = ['2025', String(1 + (i % 12)), i % 3 ? '75' : '92', i % 10 ? 'EXP_SEX' : 'EXP_TRAV', '', '', i % 10 ? '' : 'SEC_BTP', i % 9 ? 'female' : 'male', '25-29', 'false', 'unknown', 'NG', '', '', '', 'PRESUMEE', 'shelter', '', 'Orientée par une maraude.'];
    if (bad[i] === 'departement') cells[2] = '999';
    if (bad[i] === 'note') cells[18] = 'Joignable au 06 12 34 56 78.';
    if (bad[i] === 'sex') cells[7] = 'F';
    lines.push(cells.join(','));
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

const api = <T>(page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
const totalOf = async (page: Page, query: string) => {
  const s = await api<{ cells: { departement: string | null; value: number | null }[] }>(page, `/api/v1/field/stats?dims=departement${query}`);
  return s.cells.find((c) => c.departement === null)!.value!;
};
const settled = (page: Page) => expect.poll(() => page.locator('[role="status"]:has-text("Chargement")').count()).toBe(0);
// Only what this walk provokes reaches the console: the dry run's 422, the login's 401 before
// the second factor, and dsfr-chart's map, whose Vue component sets style attributes that the
// strict CSP (style-src 'self') blocks — the map still draws, its figures are in the table.
const unexpected = (problems: string[]) =>
  problems.filter((p) => !/status of 4(01|22)/.test(p) && !p.includes("Applying inline style violates the following Content Security Policy directive 'style-src 'self''"));

beforeAll(async () => {
  vigie = await startVigie({ args: ['--demo'], skipKeys: true });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const s of sessions) await s.context.close();
  await browser?.close();
  await vigie?.stop();
});

describe('an association imports its profiles', () => {
  it('sees exactly the three bad rows, fixes them, imports the 10,000 rows and sees its dashboard', async () => {
    const asso = await openAs(browser, vigie, ASSO);
    sessions.push(asso);
    const { page } = asso;
    const before = await totalOf(page, '&scope=mine');
    await page.goto(vigie.url + '/terrain/import');
    expect(await page.getByRole('link', { name: 'Télécharger le modèle (CSV)' }).getAttribute('href')).toBe('/api/v1/field/import/template.csv');
    // The two look-alike columns told apart, and each column's accepted codes listed.
    expect(await page.getByTestId('field-import-booleans').textContent()).toContain('minor_at_contact prend true ou false ; minor_at_exploitation prend yes, no ou unknown');
    await page.getByText('Ce que chaque colonne attend', { exact: true }).first().click();
    expect(await page.getByTestId('field-import-columns').locator('tr[data-column="sex"] td').textContent()).toBe('Un code : female, male, other, unknown');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Fichier CSV ou XLSX').setInputFiles({ name: 'profils.csv', mimeType: 'text/csv', buffer: file({ 99: 'departement', 5000: 'note', 9997: 'sex' }) });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    const errors = page.getByTestId('field-import-errors');
    await expect.poll(() => errors.locator('tbody tr').count(), { timeout: 20_000 }).toBe(3);
    const cells = await errors.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((c) => c.textContent).join(':')));
    // Spreadsheet rows: the header is row 1.
    expect(cells).toEqual(['101:Département du contact (departement)', '5002:Note (note)', '9999:Sexe (sex)']);
    // In French, by the column's name, with the value at fault and the accepted codes.
    const problems = await errors.locator('tbody tr td:nth-child(3)').allTextContents();
    expect(problems[0]).toBe("« 999 » n'est pas une valeur acceptée. Un code de département (93, 2A, 971).");
    expect(problems[2]).toBe("« F » n'est pas une valeur acceptée. Valeurs acceptées : female, male, other, unknown.");
    for (const p of problems) expect(p, p).not.toMatch(/is not|This field|A month/);
    expect(await page.getByText('3 erreurs : rien n\'a été enregistré.', { exact: false }).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
    expect(await totalOf(page, '&scope=mine')).toBe(before);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('Fichier CSV ou XLSX').setInputFiles({ name: 'profils-corriges.csv', mimeType: 'text/csv', buffer: file({}) });
    await page.getByRole('button', { name: 'Vérifier le fichier' }).click();
    await expect.poll(() => page.getByTestId('field-import-checked').textContent(), { timeout: 20_000 }).toContain('10000 lignes vérifiées, aucune erreur.');
    expect(await totalOf(page, '&scope=mine')).toBe(before);
    await page.getByRole('button', { name: 'Importer 10000 profils' }).click();
    await expect.poll(() => page.getByTestId('field-import-done').textContent(), { timeout: 20_000 }).toContain('10000 profils importés.');

    await page.getByRole('link', { name: 'Statistiques' }).click();
    await settled(page);
    expect(await page.getByTestId('field-release').textContent()).toContain('Chiffres exacts et à jour.');
    const total = page.getByTestId('field-table-departement').locator('tr[data-cell="total"] td');
    await expect.poll(() => total.textContent()).toBe(fr(before + 10_000));
    // Sectors by their names (the import's SEC_BTP rows among them), none as a raw code.
    const sectors = page.getByTestId('field-table-sector').locator('tbody th');
    await expect.poll(() => sectors.allTextContents()).toContain('Bâtiment et travaux publics (BTP)');
    expect(await sectors.allTextContents()).toContain('Sans objet');
    for (const id of ['sector', 'support', 'form_of_exploitation', 'nationality_region', 'sex', 'minor'])
      for (const name of await page.getByTestId(`field-table-${id}`).locator('tbody th').allTextContents()) expect(name, id).not.toMatch(/^(none|unknown|SEC_|EXP_|yes$|no$|female$)/);
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The national picture: the release's date, "< 11" explained, no count under 11 anywhere.
    await page.locator('label[for="field-scope-national"]').click();
    await expect.poll(() => page.getByTestId('field-release').textContent()).toMatch(/Chiffres de la publication du \d/);
    expect(await page.getByTestId('field-rule').textContent()).toContain('moins de 11 personnes');
    await settled(page);
    const shown = await page.locator('[data-testid^="field-table-"] tbody td').allTextContents();
    expect(shown.length).toBeGreaterThan(20);
    for (const v of shown) expect(v === '< 11' || asNumber(v) === 0 || asNumber(v) >= 11, v).toBe(true);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(asso.problems)).toEqual([]);
  });
});

describe('the coordinator', () => {
  it('sees the national picture live, and reads the profiles (a read the association then sees)', async () => {
    const coord = await openAs(browser, vigie, COORD, demoTotpSecret(vigie, COORD));
    sessions.push(coord);
    const { page } = coord;
    const national = await totalOf(page, '');
    await page.goto(vigie.url + '/terrain');
    await settled(page);
    expect(await page.getByTestId('field-release').textContent()).toContain('Chiffres exacts et à jour.');
    await expect.poll(() => page.getByTestId('field-table-departement').locator('tr[data-cell="total"] td').textContent()).toBe(fr(national));
    // The national picture counts every profile recorded, the association's 10,000 new ones included.
    expect(national).toBe(Number(execSql(vigie.dbUrl, 'SELECT count(*) FROM field_records').trim()));
    expect(national).toBeGreaterThan(10_000);
    expect(await page.getByTestId('field-rule').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(vigie.url + '/terrain/profils');
    await expect.poll(() => page.getByTestId('field-records-total').textContent()).toBe(`Profils 1 à 200 sur ${fr(national)}`);
    await page.getByTestId('field-records-next').click();
    await expect.poll(() => page.getByTestId('field-records-total').textContent()).toBe(`Profils 201 à 400 sur ${fr(national)}`);
    const orgs = await page.getByTestId('field-records').locator('tbody tr td:nth-child(2)').allTextContents();
    const passerelles = orgs.filter((o) => o === 'PASSERELLES').length;
    expect(passerelles).toBeGreaterThan(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(coord.problems)).toEqual([]);

    // This week's burst in Seine-Saint-Denis is the demo's alert, shown with its rule.
    await page.goto(vigie.url + '/terrain/alertes');
    await expect.poll(() => page.getByTestId('field-alerts').locator('tbody tr td:first-child').allTextContents()).toContain('93');
    expect(await page.getByTestId('field-alert-rules').textContent()).toContain('EARS C2');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const asso = sessions[0];
    await asso.page.goto(vigie.url + '/terrain/lectures');
    const reads = asso.page.getByTestId('field-reads');
    // Two reads: the first page of profiles, then the second.
    await expect.poll(() => reads.locator('tbody tr').count()).toBe(2);
    expect(await reads.locator('tbody tr td:first-child').allTextContents()).toEqual(['MIPROF', 'MIPROF']);
    expect(asNumber((await reads.locator('tbody tr:last-child td:last-child').textContent()) ?? '')).toBe(passerelles);
    expect(await seriousA11yViolations(asso.page)).toEqual([]);
  });
});

describe('on a phone (390 px)', () => {
  it('the dashboard, the import and the signals fit the screen with no serious violation', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', storageState: await sessions[0].context.storageState() });
    const page = await context.newPage();
    for (const path of ['/terrain', '/terrain/import', '/terrain/signaux', '/terrain/profils/nouveau', '/terrain/profils', '/terrain/lectures']) {
      await page.goto(vigie.url + path);
      await settled(page);
      expect(await seriousA11yViolations(page), path).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await context.close();
    // The coordinator's wide tables scroll sideways, reachable by keyboard (scrollable-region-focusable).
    const coord = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-FR', storageState: await sessions[1].context.storageState() });
    const cpage = await coord.newPage();
    for (const [path, table] of [['/terrain/profils', 'field-records'], ['/terrain/alertes', 'field-alerts']]) {
      await cpage.goto(vigie.url + path);
      await expect.poll(() => cpage.getByTestId(table).count(), path).toBe(1);
      expect(await seriousA11yViolations(cpage), path).toEqual([]);
    }
    await coord.close();
  });
});

describe('a signal', () => {
  it('names its territory from a list, takes a week, and shows every error at once, each linked to its field', async () => {
    const { page, problems } = sessions[0];
    await page.goto(vigie.url + '/terrain/signaux');
    await page.getByText('Nouveau signal', { exact: true }).click();
    const territory = page.getByLabel('Territoire');
    expect(await territory.evaluate((el) => el.tagName)).toBe('SELECT');
    expect(await territory.locator('option').allTextContents()).toEqual(expect.arrayContaining(['National (toute la France)', '93 — Seine-Saint-Denis']));
    expect(await page.locator('#week').getAttribute('type')).toBe('week');
    expect(await page.locator('#week').inputValue()).toMatch(/^\d{4}-W\d{2}$/);
    // No week, no kind, no description: the three at once, each a link to its control.
    await page.locator('#week').fill('');
    await page.getByRole('button', { name: 'Envoyer le signal' }).click();
    const summary = page.locator('[data-form-summary] li a');
    await expect.poll(() => summary.count()).toBe(3);
    expect(await summary.evaluateAll((links) => links.map((a) => a.getAttribute('href')).sort())).toEqual(['#description', '#kind', '#week']);
    // Sent, it reads "semaine N de YYYY" and the département's name, never 2026-W48.
    await page.locator('#week').fill('2026-W09');
    await territory.selectOption('93');
    await page.getByLabel('Nature').selectOption('place');
    await page.getByLabel('Ce qui a été observé').fill('Un nouveau lieu de recrutement près d’une gare.');
    await page.getByRole('button', { name: 'Envoyer le signal' }).click();
    await expect.poll(() => page.getByTestId('field-signals').locator('h2').allTextContents()).toContain('Lieu — Seine-Saint-Denis (93), semaine 9 de 2026 (PASSERELLES)');
    for (const title of await page.getByTestId('field-signals').locator('h2').allTextContents()) expect(title).not.toMatch(/\d{4}-W\d/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
  });
});

describe('an account that may not record', () => {
  it('is told so up front on the import, profiles, reads and alerts pages, with no form and no refused request', async () => {
    const secret = (() => {
      try {
        return demoTotpSecret(vigie, POLICE);
      } catch {
        return undefined; // a contributor without a second factor
      }
    })();
    const police = await openAs(browser, vigie, POLICE, secret);
    sessions.push(police);
    const { page } = police;
    for (const path of ['/terrain/import', '/terrain/profils/nouveau', '/terrain/profils', '/terrain/lectures', '/terrain/alertes']) {
      await page.goto(vigie.url + path);
      await expect.poll(() => page.getByTestId('field-denied').count(), path).toBe(1);
      expect(await page.locator('input[type="file"]').count(), path).toBe(0);
      expect(await seriousA11yViolations(page), path).toEqual([]);
    }
    expect(police.problems.filter((p) => /status of 403/.test(p))).toEqual([]);
  });
});

describe('in English', () => {
  it('the dashboard names the sectors and writes counts the English way', async () => {
    const { page } = sessions[0];
    await page.goto(vigie.url + '/terrain');
    await page.locator('[data-vigie-lang="en"]').first().evaluate((el: HTMLElement) => el.click());
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    const sectors = page.getByTestId('field-table-sector').locator('tbody th');
    await expect.poll(() => sectors.allTextContents()).toContain('Construction and public works');
    expect(await sectors.allTextContents()).toContain('Not applicable');
    const total = await totalOf(page, '&scope=mine');
    await expect.poll(() => page.getByTestId('field-table-departement').locator('tr[data-cell="total"] td').textContent()).toBe(en(total));
    await page.locator('[data-vigie-lang="fr"]').first().evaluate((el: HTMLElement) => el.click());
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
  });
});
