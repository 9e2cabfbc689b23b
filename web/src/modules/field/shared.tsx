// What the field pages share: the tab bar of the section (only the pages the session may use),
// the shapes the API answers with, and the codes' words.
import type { ComponentChildren } from 'preact';
import { hasMessage, useI18n, type MessageKey } from '../../i18n';
import { can, type Me } from '../../session';

export interface Cell {
  value: number | null;
  suppressed: boolean;
  [dimension: string]: string | number | boolean | null;
}
export interface Stats {
  release: { id: number; frozen_at: string; period: string; records: number } | null;
  controlled: boolean;
  scope: 'mine' | 'national';
  dimensions: string[];
  k: number;
  rounding_base: number;
  cells: Cell[];
}
export interface VictimRecord {
  organisation: string;
  contact_year: number;
  contact_month: number;
  departement: string;
  forms: string[];
  sex: string;
  age_band: string;
  created_at: string;
}
export interface Signal {
  id: number;
  organisation: string;
  week: string;
  territory: string;
  forms: string[];
  kind: string;
  severity: string;
  description: string;
  state: string;
  shared_with: string[];
  allowed_transitions: string[];
  transitions: { from: string; to: string; at: string; by_organisation: string }[];
}
export interface Codes {
  forms: string[];
  sectors: string[];
  ilo_indicators: string[];
  means_of_control: string[];
  recruitment: string[];
  minor_at_exploitation: string[];
  sex: string[];
  age_bands: string[];
  victim_status: string[];
  support: string[];
  signal_kinds: string[];
  severities: string[];
  departements: { code: string; name: string }[];
}

export const reporter = (me: Me | null) => can(me, 'field.record_write', 'none');
export const coordinator = (me: Me | null) => can(me, 'field.stats_read_live', 'none');

// A code in the user's words when the catalogue has them, else the code itself (an age band
// "18-24" reads "18-24 ans").
export function useCodeLabel() {
  const { t } = useI18n();
  return (prefix: string, code: string) => {
    const key = `field.${prefix}.${code}`;
    if (hasMessage(key)) return t(key);
    if (prefix === 'age' && /^\d/.test(code)) return t('field.age.band', { band: code.replace('-', '–') });
    return code;
  };
}

// A count in the user's language: "3 835" (narrow no-break space) in French, "3,835" in English.
export function useCount() {
  const { lang } = useI18n();
  const f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR');
  return (n: number) => f.format(n);
}

// What a page shows an account that may not use it, instead of asking the server for a 403.
export function Denied({ text }: { text: string }) {
  const { t } = useI18n();
  return (
    <div class="fr-alert fr-alert--info fr-mb-3w" data-testid="field-denied">
      <h2 class="fr-alert__title">{t('field.denied.title')}</h2>
      <p>{text}</p>
    </div>
  );
}

export function FieldTabs({ me, current }: { me: Me; current: string }) {
  const { t } = useI18n();
  const tabs: { href: string; key: MessageKey; show: boolean }[] = [
    { href: '/terrain', key: 'field.tab.stats', show: can(me, 'field.stats_read', 'own_organisation') },
    { href: '/terrain/profils', key: 'field.tab.records', show: can(me, 'field.record_read', 'own_organisation') },
    { href: '/terrain/profils/nouveau', key: 'field.tab.new', show: reporter(me) },
    { href: '/terrain/import', key: 'field.tab.import', show: reporter(me) },
    { href: '/terrain/lectures', key: 'field.tab.reads', show: can(me, 'field.reads_read', 'own_organisation') },
    { href: '/terrain/signaux', key: 'field.tab.signals', show: can(me, 'field.signal_read', 'own_organisation') },
    { href: '/terrain/alertes', key: 'field.tab.alerts', show: can(me, 'field.alerts_read', 'none') },
  ];
  return (
    <nav class="fr-mb-3w" aria-label={t('field.tabs')}>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        {tabs
          .filter((x) => x.show)
          .map((x) => (
            <li key={x.href}>
              <a class={`fr-btn fr-btn--sm ${x.href === current ? '' : 'fr-btn--tertiary'}`} href={x.href} aria-current={x.href === current ? 'page' : undefined}>
                {t(x.key)}
              </a>
            </li>
          ))}
      </ul>
    </nav>
  );
}

export const Container = ({ children }: { children: ComponentChildren }) => <div class="fr-container fr-my-6w">{children}</div>;
