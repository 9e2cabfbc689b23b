import { describe, expect, it } from 'vitest';
import { formatDate } from './dates';

describe('dates in the UI', () => {
  it('read 22/12/2026 in French and 22 Dec 2026 in English, from a day or a UTC timestamp, never ISO', () => {
    expect(formatDate('2026-12-22', 'fr')).toBe('22/12/2026');
    expect(formatDate('2026-12-22', 'en')).toBe('22 Dec 2026');
    expect(formatDate('2026-01-01T00:30:00Z', 'fr')).toBe('01/01/2026');
    expect(formatDate(null, 'fr')).toBe('—');
  });
});
