import { describe, expect, it } from 'vitest';
import { isoWeek } from './signals';

describe('isoWeek', () => {
  it('is the ISO 8601 week, across the years edges', () => {
    const at = (s: string) => isoWeek(new Date(`${s}T12:00:00Z`));
    expect(at('2026-12-02')).toBe('2026-W49');
    expect(at('2026-01-01')).toBe('2026-W01');
    expect(at('2025-12-29')).toBe('2026-W01');
    expect(at('2027-01-03')).toBe('2026-W53');
    expect(at('2020-12-31')).toBe('2020-W53');
    expect(at('2021-01-03')).toBe('2020-W53');
    expect(at('2021-01-04')).toBe('2021-W01');
    expect(at('2024-12-30')).toBe('2025-W01');
  });
});
