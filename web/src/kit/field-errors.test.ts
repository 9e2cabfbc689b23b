import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n';
import { ApiError } from './api';
import { errorsByField } from './field-errors';

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

  it("uses a module's wording of a code for one of its fields (accounts: a common password, a taken e-mail)", () => {
    const e = problem(422, [
      { field: 'password', code: 'common', message: 'This password is too common' },
      { field: 'email', code: 'taken', message: 'An account already uses this e-mail address.' },
      { field: 'code', code: 'taken', message: 'An organisation already has this code.' },
    ]);
    expect(errorsByField(e, t, 'fr')).toEqual({
      password: translate('fr', 'error.common.password'),
      email: 'Un compte utilise déjà cette adresse électronique.',
      code: 'Une organisation a déjà ce code.',
    });
  });

  it('says why a whole form failed when no field is at fault', () => {
    expect(errorsByField(problem(403), t, 'fr')).toEqual({ form: translate('fr', 'error.forbidden') });
    expect(errorsByField(problem(409, [], 'Already closed.'), t, 'fr')).toEqual({ form: 'Already closed.' });
    expect(errorsByField(new ApiError({ type: 'about:blank', title: 'unreachable', status: 0, code: 'unreachable' }), t, 'fr')).toEqual({ form: translate('fr', 'error.unreachable') });
    expect(errorsByField(new TypeError('boom'), t, 'fr')).toEqual({ form: translate('fr', 'error.unreachable') });
  });
});
