import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { translate, type MessageKey } from '../i18n';
import { errorsByField, spreadsheetType } from './api';

const t = (key: MessageKey) => translate('fr', key);
const problem = (status: number, errors: unknown[] = [], detail = '') => new ApiError({ type: 'x', title: 'Problem', status, code: 'x', detail, errors: errors as never });

describe('errors next to their fields', () => {
  it('translates the codes the UI knows, keeps the first error of a field, and uses privacy hints', () => {
    const e = problem(422, [
      { field: 'title_fr', code: 'required', message: 'A title is required.' },
      { field: 'evidence/1', code: 'invalid', message: 'A link.' },
      { field: 'evidence/2', code: 'invalid', message: 'Another.' },
      { field: 'comment', code: 'identifier.phone', message: 'phone', hint: { fr: 'Retirez le numéro.', en: 'Remove the number.' } },
      { field: 'period', code: 'weird', message: 'Server sentence.' },
      { field: 'updates/2/progress', code: 'out_of_range', message: 'Between 0 and 100.' },
      { field: 'weight', code: 'out_of_range', message: 'From 1 to 100.' },
    ]);
    expect(errorsByField(e, t, 'fr')).toEqual({
      title_fr: 'Ce champ est obligatoire.',
      evidence: "Cette valeur n'est pas valide.",
      comment: 'Retirez le numéro.',
      period: 'Server sentence.',
      updates: 'Un nombre entier de 0 à 100.',
      weight: 'Un nombre entier de 1 à 100.',
    });
    expect(errorsByField(e, t, 'en').comment).toBe('Remove the number.');
  });

  it('says why a whole form failed when no field is at fault', () => {
    expect(errorsByField(problem(403), t, 'fr')).toEqual({ form: "Vous n'avez pas le droit de faire cette opération." });
    expect(errorsByField(problem(409, [], 'This campaign is already closed.'), t, 'fr')).toEqual({ form: 'This campaign is already closed.' });
    expect(errorsByField(new TypeError('network'), t, 'fr').form).toBeTruthy();
  });

  it('sends .xlsx files as spreadsheets and anything else as CSV', () => {
    expect(spreadsheetType('Plan.XLSX')).toContain('spreadsheetml');
    expect(spreadsheetType('plan.csv')).toBe('text/csv');
  });
});
