import { describe, expect, it } from 'vitest';
import { loginPathFor, returnPath } from './member';

describe('the member-page guard', () => {
  it('sends a visitor to the login page with the page asked for', () => {
    expect(loginPathFor('/plan/mesures/A1.a')).toBe('/connexion?retour=%2Fplan%2Fmesures%2FA1.a');
    expect(loginPathFor('/')).toBe('/connexion');
  });

  it('returns after login only to a page of this site', () => {
    expect(returnPath('?retour=%2Fplan%2Fmesures%2FA1.a', '/compte')).toBe('/plan/mesures/A1.a');
    expect(returnPath('', '/compte')).toBe('/compte');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '/connexion?retour=/x', 'plan'])
      expect(returnPath(`?retour=${encodeURIComponent(bad)}`, '/compte')).toBe('/compte');
  });
});
