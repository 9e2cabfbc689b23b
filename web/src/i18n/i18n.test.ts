import { describe, expect, it } from 'vitest';
import { MODULES } from '../modules';
import { en } from './en';
import { fr } from './fr';
import { catalogues, initialLang, translate, LANGS } from './index';

// The parameters a message uses, plain ({n}) or as a plural choice ({n|one|other}).
const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)(?:\|[^}]*)?\}/g)].map((m) => m[1]))].sort();

// The platform's catalogue and each module's, checked one by one.
const parts = [{ name: 'platform', messages: { fr, en } as { fr: Record<string, string>; en: Record<string, string> } }, ...MODULES];

describe('message catalogues', () => {
  it('cover the platform and every registered module', () => {
    expect(parts.map((p) => p.name)).toEqual(['platform', 'plan', 'diagnostics', 'field', 'saisines', 'accounts']);
  });

  for (const part of parts)
    describe(part.name, () => {
      it('has the same keys in French and English', () => {
        expect(Object.keys(part.messages.en).sort()).toEqual(Object.keys(part.messages.fr).sort());
        expect(Object.keys(part.messages.fr).length).toBeGreaterThan(0);
      });

      it('has no empty message and the same placeholders in every language', () => {
        for (const key of Object.keys(part.messages.fr)) {
          for (const lang of LANGS) {
            expect(part.messages[lang][key].trim(), `${lang}:${key}`).not.toBe('');
            expect(placeholders(part.messages[lang][key]), `${lang}:${key}`).toEqual(placeholders(part.messages.fr[key]));
          }
        }
      });
    });

  it('never lets one module redefine a key of the platform or of another module', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const part of parts)
      for (const key of Object.keys(part.messages.fr)) {
        if (owner.has(key)) clashes.push(`${key}: ${owner.get(key)} and ${part.name}`);
        owner.set(key, part.name);
      }
    expect(clashes).toEqual([]);
    expect(Object.keys(catalogues().fr).length).toBe(owner.size);
    expect(Object.keys(catalogues().en).sort()).toEqual(Object.keys(catalogues().fr).sort());
  });
});

describe('language choice', () => {
  it('is French unless English was chosen', () => {
    expect(initialLang(null)).toBe('fr');
    expect(initialLang('de')).toBe('fr');
    expect(initialLang('en')).toBe('en');
  });

  it('fills placeholders, for platform and module keys alike', () => {
    expect(translate('fr', 'status.ready', { version: '0.1.0', schema: 1 })).toContain('version 0.1.0');
    expect(translate('en', 'status.ready', { version: '0.1.0', schema: 1 })).toContain('data schema 1');
    expect(translate('fr', 'plan.measure_progress', { code: 'A1.a' })).toBe('Avancement de la mesure A1.a');
    expect(translate('en', 'directory.members_of', { name: 'Passerelles' })).toContain('Passerelles');
  });

  it('picks the plural each language asks for: French 0 and 1 singular, English only 1', () => {
    expect(translate('fr', 'reporting.bulk_submit', { n: 0 })).toBe('Enregistrer 0 mise à jour');
    expect(translate('fr', 'reporting.bulk_submit', { n: 1 })).toBe('Enregistrer 1 mise à jour');
    expect(translate('fr', 'reporting.bulk_submit', { n: 2 })).toBe('Enregistrer 2 mises à jour');
    expect(translate('en', 'reporting.bulk_submit', { n: 0 })).toBe('Save 0 updates');
    expect(translate('en', 'reporting.bulk_submit', { n: 1 })).toBe('Save 1 update');
    expect(translate('fr', 'campaigns.reported_of', { reported: 1, total: 4 })).toBe('1 action renseignée sur 4');
    expect(translate('fr', 'campaigns.reported_of', { reported: 3, total: 4 })).toBe('3 actions renseignées sur 4');
    expect(Object.values(catalogues().fr).filter((m) => m.includes('(s)'))).toEqual([]);
    expect(Object.values(catalogues().en).filter((m) => m.includes('(s)'))).toEqual([]);
  });
});

