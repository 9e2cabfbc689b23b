// Writes to the plan API (JSON with any method, file uploads) and the mapping of a problem's
// field errors to translated messages shown next to each field.
import { ApiError, getJson } from '../api';
import type { MessageKey } from '../i18n';
import { fr } from '../i18n/fr';

export async function sendJson<T>(method: string, path: string, body: unknown, csrf: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-CSRF-Token': csrf };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return getJson<T>(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

// Organisation codes typed in one field, separated by spaces, commas or semicolons.
export const pilotCodes = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// The media type the import route expects for a chosen file.
export function spreadsheetType(name: string): string {
  return name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
}

export async function uploadFile<T>(path: string, file: Blob, type: string, csrf: string): Promise<T> {
  return getJson<T>(path, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': type, 'X-CSRF-Token': csrf }, body: file });
}

const CODES = ['required', 'invalid', 'too_long', 'out_of_range', 'taken', 'unknown_pilot', 'past', 'unknown_measure'] as const;

export interface ServerFieldError {
  field: string;
  code: string;
  message: string;
  hint?: { fr: string; en: string };
}

// One field error in the UI's words: codes it knows are translated, identifier findings carry
// their own FR/EN hint, anything else keeps the server's sentence.
export function fieldMessage(e: ServerFieldError, t: (key: MessageKey) => string, lang: string): string {
  if (e.hint) return lang === 'en' ? e.hint.en : e.hint.fr;
  // A field may word a code its own way ("error.out_of_range.progress").
  const specific = `error.${e.code}.${e.field.split('/').pop()}`;
  if (specific in fr) return t(specific as MessageKey);
  if ((CODES as readonly string[]).includes(e.code)) return t(`error.${e.code}` as MessageKey);
  return e.message;
}

// Field → message (the first error of each field; "evidence/1" counts as "evidence"). `form`
// holds a message for the whole form when the failure was not about fields.
export function errorsByField(err: unknown, t: (key: MessageKey) => string, lang: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(err instanceof ApiError)) return { form: t('login.unreachable') };
  for (const e of (err.problem.errors ?? []) as ServerFieldError[]) {
    const field = e.field.split('/')[0];
    out[field] ??= fieldMessage(e, t, lang);
  }
  if (Object.keys(out).length === 0) out.form = err.problem.status === 403 ? t('error.forbidden') : err.problem.detail || err.problem.title;
  return out;
}
