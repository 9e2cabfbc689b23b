import { describe, expect, it } from 'vitest';
import { translate } from '../i18n';
import { fieldErrors, newPasswordErrors } from './form-field';

const t = (key: 'password.too_short' | 'password.mismatch') => translate('fr', key);

describe('a new password, before it is sent', () => {
  it('needs 12 characters, counted as characters not bytes', () => {
    expect(newPasswordErrors('court', 'court', t)).toEqual({ password: translate('fr', 'password.too_short') });
    expect(newPasswordErrors('éééééééééééé', 'éééééééééééé', t)).toEqual({});
  });

  it('must be typed twice the same', () => {
    expect(newPasswordErrors('une longue phrase', 'une longue phrasE', t)).toEqual({ confirm: translate('fr', 'password.mismatch') });
  });
});

describe('field errors from the API', () => {
  it('land on their field, in the UI language when the UI knows the code', () => {
    const errors = [
      { field: 'password', code: 'common', message: 'This password is too common' },
      { field: 'email', code: 'taken', message: 'An account already uses this e-mail address.' },
    ];
    expect(fieldErrors(errors, (_f, code) => (code === 'common' ? 'Trop courant' : null))).toEqual({
      password: 'Trop courant',
      email: 'An account already uses this e-mail address.',
    });
  });
});
