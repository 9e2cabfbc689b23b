// How the diagnostics pages word periods, dates, scores and ratings, and the DSFR badge of each.
import type { Lang, MessageKey } from '../../i18n';
import { ratingOfLevel, type Rating, type State } from './types';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

// "2026" → "Année 2026"; "2026-Q1" → "2026, 1er trimestre".
export function periodLabel(period: string, t: T): string {
  const m = /^(\d{4})-[QT]([1-4])$/.exec(period);
  if (m) return m[2] === '1' ? t('diag.quarter1', { year: m[1] }) : t('diag.quarter', { year: m[1], q: m[2] });
  return /^\d{4}$/.test(period) ? t('diag.year', { year: period }) : period;
}

const locale = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'fr-FR');

// An ISO date or timestamp as a day in the user's language ("1 décembre 2026").
export function dayLabel(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

// A score or a median with at most one decimal, signed when asked ("+1,8").
export function numberLabel(value: number | null | undefined, lang: Lang, signed = false): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
}

export const ratingKey = (r: Rating) => `diag.rating.${r}` as MessageKey;

// A 0–4 median in words: "Faible (1)", "Partiel (2,5)".
export function medianLabel(median: number | null | undefined, lang: Lang, t: T): string {
  const r = ratingOfLevel(median ?? null);
  return r ? `${t(ratingKey(r))} (${numberLabel(median, lang)})` : '—';
}

// DSFR badge per rating: the two worst in error/warning colours, the best in success.
export const RATING_BADGE: Record<Rating, string> = {
  not_implemented: 'fr-badge--error',
  weak: 'fr-badge--warning',
  partial: 'fr-badge--new',
  substantial: 'fr-badge--info',
  effective: 'fr-badge--success',
  unknown: '',
};

export const STATE_BADGE: Record<State, string> = {
  draft: 'fr-badge--new',
  published: 'fr-badge--success',
  superseded: '',
};

// The link to a measure's field view, with the board's filters carried over.
export function fieldViewHref(code: string, params: Record<string, string> = {}): string {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v)).toString();
  return `/plan/mesures/${encodeURIComponent(code)}/terrain${q ? `?${q}` : ''}`;
}
