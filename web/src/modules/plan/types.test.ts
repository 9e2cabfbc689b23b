import { describe, expect, it } from 'vitest';
import { filterMeasures, type AxisView } from './types';

const axis: AxisView = {
  code: 'A1',
  title: 'Sensibiliser',
  title_en: 'Raise awareness',
  progress: 40,
  measures: [
    { code: 'A1.a', title: 'Déployer un plan de formation', title_en: 'Training plan', status: 'in_progress', progress: 30, overdue: false, retired: false, actions: [{ id: 1, title: '', pilots: ['MIPROF'], status: 'in_progress', progress: 30, overdue: false, deadline: null, latest: null }] },
    { code: 'A1.b', title: 'Campagnes de prévention', title_en: 'Prevention campaigns', status: 'delayed', progress: 10, overdue: true, retired: false, actions: [{ id: 2, title: '', pilots: ['DGT'], status: 'delayed', progress: 10, overdue: true, deadline: '2025-01-01', latest: null }] },
  ],
};
const none = { axis: '', status: '', pilot: '', overdue: false, search: '' };

describe('plan filters', () => {
  it('keep everything when empty', () => expect(filterMeasures(axis, none)).toHaveLength(2));
  it('filter by status, overdue and pilot', () => {
    expect(filterMeasures(axis, { ...none, status: 'delayed' }).map((m) => m.code)).toEqual(['A1.b']);
    expect(filterMeasures(axis, { ...none, overdue: true }).map((m) => m.code)).toEqual(['A1.b']);
    expect(filterMeasures(axis, { ...none, pilot: 'MIPROF' }).map((m) => m.code)).toEqual(['A1.a']);
  });
  it('search ignores accents and case, on code and both titles', () => {
    expect(filterMeasures(axis, { ...none, search: 'deployer' }).map((m) => m.code)).toEqual(['A1.a']);
    expect(filterMeasures(axis, { ...none, search: 'campaigns' }).map((m) => m.code)).toEqual(['A1.b']);
    expect(filterMeasures(axis, { ...none, search: 'a1.B' }).map((m) => m.code)).toEqual(['A1.b']);
  });
  it('filter by axis', () => expect(filterMeasures(axis, { ...none, axis: 'A2' })).toEqual([]));
});

describe("the plan's filters in the address", () => {
  it('read back what they wrote, and say nothing when nothing is filtered', async () => {
    const { filtersFromSearch, searchOfFilters } = await import('./types');
    const f = { axis: 'A2', status: 'late', pilot: 'DGT', search: 'formation des agents', overdue: true };
    expect(searchOfFilters(f)).toBe('?axe=A2&statut=late&pilote=DGT&recherche=formation+des+agents&en_retard=1');
    expect(filtersFromSearch(searchOfFilters(f))).toEqual(f);
    expect(searchOfFilters(filtersFromSearch(''))).toBe('');
  });
});
