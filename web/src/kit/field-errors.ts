// A refused request in the UI's words: each field's first error next to the field, and a
// message for the whole form when no field is at fault. One mapping for every module.
import { hasMessage, type Lang, type MessageKey } from '../i18n';
import { asApiError, type FieldError } from './api';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

// Error codes with a platform wording ("error.<code>"); a module may word a code for one of its
// fields ("error.<code>.<field>", e.g. error.out_of_range.progress) in its own catalogue.
const CODES = ['required', 'invalid', 'too_long', 'out_of_range', 'taken', 'unknown_pilot', 'past', 'unknown_measure'];

// One field error: the identifier guard's own FR/EN hint, else the field's wording of the code,
// else the platform's wording of the code, else the server's sentence.
export function fieldMessage(e: FieldError, t: T, lang: Lang | string): string {
  if (e.hint) return lang === 'en' ? e.hint.en : e.hint.fr;
  const specific = `error.${e.code}.${e.field.split('/').pop()}`;
  if (hasMessage(specific)) return t(specific);
  if (CODES.includes(e.code)) return t(`error.${e.code}` as MessageKey);
  return e.message;
}

// Why a whole request failed, when no field is at fault.
export function failureMessage(err: unknown, t: T): string {
  const e = asApiError(err);
  if (e.unreachable) return t('error.unreachable');
  if (e.status === 403) return t('error.forbidden');
  return e.problem.detail || e.problem.title;
}

// Field → message (the first error of each field; "evidence/1" counts as "evidence"). `form`
// holds the message for the whole form when no field is at fault.
export function errorsByField(err: unknown, t: T, lang: Lang | string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of asApiError(err).fieldErrors) {
    const field = e.field.split('/')[0];
    out[field] ??= fieldMessage(e, t, lang);
  }
  if (Object.keys(out).length === 0) out.form = failureMessage(err, t);
  return out;
}
