import { describe, expect, it } from 'vitest';
import { formatNumber } from './numbers';

describe('formatNumber', () => {
  it('writes thousands and decimals as each language does', () => {
    expect(formatNumber(20000, 'fr')).toBe('20\u202f000');
    expect(formatNumber(20000, 'en')).toBe('20,000');
    expect(formatNumber(2.5, 'fr', { maximumFractionDigits: 1 })).toBe('2,5');
    expect(formatNumber(999, 'fr')).toBe('999');
  });
});
