import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { displayCell } from './cells';

describe('a controlled cell', () => {
  it('shows a published count in the reader’s locale', () => {
    expect(displayCell({ value: 1245, suppressed: false }, 11, 'fr-FR').text).toBe('1\u202f245');
    expect(displayCell({ value: 1245, suppressed: false }, 11, 'en').text).toBe('1,245');
  });

  it('shows a hidden small count as "< 11" and explains the secret statistique', () => {
    const d = displayCell({ value: null, suppressed: true, reason: 'below_k' }, 11, 'fr-FR');
    expect(d.text).toBe('< 11');
    expect(translate('fr', d.explanationKey!, { k: 11 })).toContain('secret statistique');
  });

  it('explains a cell hidden to protect another one', () => {
    const d = displayCell({ value: null, suppressed: true, reason: 'protects_another_cell' }, 11, 'en');
    expect(translate('en', d.explanationKey!, { k: 11 })).toContain('recomputed');
  });
});
