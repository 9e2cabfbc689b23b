// The i18n core: the language choice and t(). The catalogue is the platform's own strings
// (./fr.ts, ./en.ts) merged with every registered module's (web/src/modules/<m>/messages.ts),
// read from the module registry; French is the reference and English has the same keys.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { MODULES } from '../modules';
import { en } from './en';
import { fr, type PlatformKey } from './fr';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const STORAGE_KEY = 'vigie.lang';

// Each module adds `<name>: <its key union>` here from its messages.ts (declaration merging), so
// t() knows every key without this file naming the modules.
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface ModuleCatalogues {}
export type MessageKey = PlatformKey | ModuleCatalogues[keyof ModuleCatalogues];

export type Catalogue = Record<string, string>;

// One catalogue per language: the platform's first, then each module's. Built on first use, so
// the module registry may import pages that import this file.
let merged: Record<Lang, Catalogue> | null = null;
export function catalogues(): Record<Lang, Catalogue> {
  merged ??= {
    fr: Object.assign({}, fr, ...MODULES.map((m) => m.messages.fr)),
    en: Object.assign({}, en, ...MODULES.map((m) => m.messages.en)),
  };
  return merged;
}

// True when `key` has a message (for keys built at run time, e.g. "error.<code>.<field>").
export const hasMessage = (key: string): key is MessageKey => key in catalogues().fr;

// French unless the user chose otherwise on this browser.
export function initialLang(stored: string | null): Lang {
  return stored === 'en' || stored === 'fr' ? stored : 'fr';
}

// The message for `key` in `lang`, with {name} placeholders replaced from `params`.
// "{name}" is replaced by the parameter; "{name|singular|plural}" by the form the language's
// plural rule picks for that number (French: 0 and 1 are singular; English: only 1).
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues()[lang][key].replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    if (!(name in params)) return whole;
    if (one === undefined) return String(params[name]);
    // A number may come already formatted ("10 000", "10,000"): its digits pick the form.
    const n = typeof params[name] === 'number' ? params[name] : Number(String(params[name]).replace(/[\s\u202f\u00a0,]/g, ''));
    return new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB').select(n) === 'one' ? one : (other ?? one);
  });
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
}

export const I18nContext = createContext<I18n>({
  lang: 'fr',
  setLang: () => undefined,
  t: (key, params) => translate('fr', key, params),
});

export const useI18n = (): I18n => useContext(I18nContext);
