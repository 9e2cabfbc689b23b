// A refused request in the UI's words: each field's first error next to the field (every
// identifier the guard found in it, each quoted, at once), and a message for the whole form when
// no field is at fault. One mapping for every module.
import { hasMessage, type Lang, type MessageKey } from '../i18n';
import { asApiError, type FieldError } from './api';

type T = (key: MessageKey, params?: Record<string, string | number>) => string;

// Error codes with a platform wording ("error.<code>"); a module may word a code for one of its
// fields ("error.<code>.<field>", e.g. error.out_of_range.progress) in its own catalogue.
const CODES = ['required', 'type', 'invalid', 'too_long', 'out_of_range', 'taken', 'unknown_pilot', 'past', 'unknown_measure'];

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

// One identifier found by the guard: the words as written, their place in the field (in
// characters, for highlighting) and what to write instead.
export interface Finding {
  text: string;
  start: number; // character offsets in the field's value
  end: number;
  hint: string;
}

// The server gives UTF-8 byte offsets; the browser counts UTF-16 units.
function charOffset(value: string, byte: number): number {
  const bytes = new TextEncoder().encode(value);
  return new TextDecoder().decode(bytes.slice(0, Math.max(0, Math.min(byte, bytes.length)))).length;
}

// Field → every identifier the guard found in it, in the order of the text. `values` (the
// form's values by field) turns the server's byte spans into character offsets.
export function findingsByField(err: unknown, lang: Lang | string, values: Record<string, unknown> = {}, itemised: readonly string[] = []): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const e of asApiError(err).fieldErrors) {
    if (!e.code.startsWith('identifier.') || !e.hint) continue;
    const field = fieldKey(e.field, itemised);
    const value = typeof values[field] === 'string' ? (values[field] as string) : null;
    // Without the value, the byte offsets still order the findings; they highlight nothing.
    const start = e.start === undefined ? -1 : value !== null ? charOffset(value, e.start) : e.start;
    const end = e.end === undefined ? -1 : value !== null ? charOffset(value, e.end) : e.end;
    const text = e.text ?? (start >= 0 && value ? value.slice(start, end) : '');
    (out[field] ??= []).push({ text, start, end, hint: lang === 'en' ? e.hint.en : e.hint.fr });
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.start - b.start);
  return out;
}

// The guard's findings in one message: "« Joy Eze » : Retirez le nom… « 06 12 34 56 78 » : …".
export function findingsMessage(findings: Finding[], lang: Lang | string): string {
  const quote = (s: string) => (lang === 'en' ? `"${s}"` : `« ${s} »`);
  const sep = lang === 'en' ? ': ' : ' : ';
  return findings.map((f) => (f.text ? `${quote(f.text)}${sep}${f.hint}` : f.hint)).join(' ');
}

// The key a server field path is shown under: "evidence/1/url" counts as "evidence", unless
// "evidence" is itemised (a list whose items have fields of their own on the page), when it
// stays "evidence/1/url".
function fieldKey(path: string, itemised: readonly string[]): string {
  const top = path.split('/')[0];
  return itemised.includes(top) ? path : top;
}

// Field → message (the first error of each field, or all the guard's findings in it;
// "evidence/1" counts as "evidence" unless itemised). `form` holds the message for the whole
// form when no field is at fault.
export function errorsByField(err: unknown, t: T, lang: Lang | string, itemised: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const findings = findingsByField(err, lang, {}, itemised);
  for (const e of asApiError(err).fieldErrors) {
    const field = fieldKey(e.field, itemised);
    if (out[field] !== undefined) continue;
    out[field] = e.code.startsWith('identifier.') && findings[field] ? findingsMessage(findings[field], lang) : fieldMessage(e, t, lang);
  }
  if (Object.keys(out).length === 0) out.form = failureMessage(err, t);
  return out;
}
