import { describe, expect, it } from 'vitest';
import { catalogs, initialLang, translate, LANGS } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in every language', () => {
    const reference = Object.keys(catalogs.fr).sort();
    for (const lang of LANGS) expect(Object.keys(catalogs[lang]).sort()).toEqual(reference);
  });

  it('have no empty message and the same placeholders in every language', () => {
    for (const key of Object.keys(catalogs.fr) as (keyof typeof catalogs.fr)[]) {
      for (const lang of LANGS) {
        expect(catalogs[lang][key].trim(), `${lang}:${key}`).not.toBe('');
        expect(placeholders(catalogs[lang][key]), `${lang}:${key}`).toEqual(placeholders(catalogs.fr[key]));
      }
    }
  });
});

describe('language choice', () => {
  it('is French unless English was chosen', () => {
    expect(initialLang(null)).toBe('fr');
    expect(initialLang('de')).toBe('fr');
    expect(initialLang('en')).toBe('en');
  });

  it('fills placeholders', () => {
    expect(translate('fr', 'status.ready', { version: '0.1.0', schema: 1 })).toContain('version 0.1.0');
    expect(translate('en', 'status.ready', { version: '0.1.0', schema: 1 })).toContain('data schema 1');
  });
});
