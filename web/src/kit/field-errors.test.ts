import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n';
import { ApiError } from './api';
import { errorsByField, findingsByField } from './field-errors';

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

  it('keeps each item of an itemised list under its own path, so each shows beside its own input', () => {
    const e = problem(422, [
      { field: 'evidence/0/url', code: 'invalid', message: 'A link.' },
      { field: 'evidence/1/source', code: 'required', message: 'Where from.' },
      { field: 'evidence/1/label', code: 'identifier.email', message: 'e-mail', hint: { fr: "Retirez l'adresse.", en: 'Remove the address.' }, start: 0, end: 3, text: 'a@b' },
      { field: 'title_fr', code: 'required', message: 'A title.' },
    ]);
    expect(errorsByField(e, t, 'fr', ['evidence'])).toEqual({
      'evidence/0/url': "Cette valeur n'est pas valide.",
      'evidence/1/source': 'Ce champ est obligatoire.',
      'evidence/1/label': "« a@b » : Retirez l'adresse.",
      title_fr: 'Ce champ est obligatoire.',
    });
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

describe('a progress that is not a whole number', () => {
  it('45.5 (refused by the typed input as "type") reads as the rule, not as "required"', () => {
    const e = problem(422, [{ field: 'progress', code: 'type', message: 'Must be a whole number.' }]);
    expect(errorsByField(e, t, 'fr')).toEqual({ progress: 'Un nombre entier de 0 à 100.' });
    expect(errorsByField(e, (k: MessageKey) => translate('en', k), 'en')).toEqual({ progress: 'A whole number from 0 to 100.' });
    // Another field with a wrong type gets the platform's wording, not the server's English.
    expect(errorsByField(problem(422, [{ field: 'title', code: 'type', message: 'Must be a string.' }]), t, 'fr').title).toBe(translate('fr', 'error.type'));
  });
});

describe("the identifier guard's findings", () => {
  const value = 'Appel de Joy Eze au 06 12 34 56 78, revue à Lyon.';
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const at = (s: string) => bytes(value.slice(0, value.indexOf(s)));
  const e = problem(422, [
    { field: 'comment', code: 'identifier.phone', message: 'phone', text: '06 12 34 56 78', start: at('06'), end: at('06') + bytes('06 12 34 56 78'), hint: { fr: 'Retirez le numéro de téléphone.', en: 'Remove the phone number.' } },
    { field: 'comment', code: 'identifier.person_name', message: 'name', text: 'Joy Eze', start: at('Joy'), end: at('Joy') + 7, hint: { fr: 'Retirez le nom.', en: 'Remove the name.' } },
  ]);

  it('are all named at once, each quoted, in the order of the text', () => {
    expect(errorsByField(e, t, 'fr')).toEqual({ comment: '« Joy Eze » : Retirez le nom. « 06 12 34 56 78 » : Retirez le numéro de téléphone.' });
    expect(errorsByField(e, t, 'en')).toEqual({ comment: '"Joy Eze": Remove the name. "06 12 34 56 78": Remove the phone number.' });
  });

  it('carry their place in the field in characters (the server counts UTF-8 bytes; "à" is two)', () => {
    const f = findingsByField(e, 'fr', { comment: value }).comment;
    expect(f.map((x) => value.slice(x.start, x.end))).toEqual(['Joy Eze', '06 12 34 56 78']);
    const accented = 'Réunion à Évry avec Joy Eze.';
    const g = findingsByField(problem(422, [{ field: 'comment', code: 'identifier.person_name', message: 'n', text: 'Joy Eze', start: bytes('Réunion à Évry avec '), end: bytes('Réunion à Évry avec Joy Eze'), hint: { fr: 'x', en: 'x' } }]), 'fr', { comment: accented }).comment;
    expect(accented.slice(g[0].start, g[0].end)).toBe('Joy Eze');
  });
});
