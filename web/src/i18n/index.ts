import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en } from './en';
import { fr, type MessageKey } from './fr';

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];
export const catalogs: Record<Lang, Record<MessageKey, string>> = { fr, en };
export const STORAGE_KEY = 'vigie.lang';

// French unless the user chose otherwise on this browser.
export function initialLang(stored: string | null): Lang {
  return stored === 'en' || stored === 'fr' ? stored : 'fr';
}

// The message for `key` in `lang`, with {name} placeholders replaced from `params`.
export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
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
export type { MessageKey };
