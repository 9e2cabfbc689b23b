// DSFR form fields: label (and hint), the control, and its error next to it, wired for screen
// readers (aria-invalid, aria-describedby → "<id>-error"). The error summary links to `id`.
// A text area with a limit counts the characters left as the user types, and shows the
// identifier guard's findings highlighted in what was typed.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import type { Finding } from './field-errors';
import { formatNumber } from './numbers';

interface Common {
  id: string;
  label: ComponentChildren;
  hint?: string;
  error?: string;
}

const described = (id: string, error?: string) => ({
  'aria-invalid': error ? ('true' as const) : undefined,
  'aria-describedby': error ? `${id}-error` : undefined,
});

function ErrorText({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p class="fr-error-text" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

function Label({ id, label, hint }: Common) {
  return (
    <label class="fr-label" for={id}>
      {label}
      {hint && <span class="fr-hint-text">{hint}</span>}
    </label>
  );
}

interface InputProps extends Common {
  type?: string;
  value: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'text' | 'decimal';
  readOnly?: boolean;
  autoFocus?: boolean;
  min?: number;
  max?: number;
  onInput: (value: string) => void;
}

export function FormField(p: InputProps) {
  return (
    <div class={`fr-input-group${p.error ? ' fr-input-group--error' : ''}`}>
      <Label {...p} />
      <input
        class={`fr-input${p.error ? ' fr-input--error' : ''}`}
        id={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        autocomplete={p.autocomplete}
        inputMode={p.inputMode}
        readOnly={p.readOnly}
        autoFocus={p.autoFocus}
        min={p.min}
        max={p.max}
        {...described(p.id, p.error)}
        onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
      />
      <ErrorText id={p.id} error={p.error} />
    </div>
  );
}

// The characters of `value` as the server counts them (code points).
export const charCount = (value: string) => [...value].length;

// `value` with each finding that still stands where it was found wrapped in <mark>.
export function highlighted(value: string, findings: Finding[]): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at || f.end <= f.start || value.slice(f.start, f.end) !== f.text) continue;
    out.push(value.slice(at, f.start), <mark key={f.start}>{f.text}</mark>);
    at = f.end;
  }
  out.push(value.slice(at));
  return out;
}

interface TextAreaProps extends Common {
  value: string;
  rows?: number;
  maxChars?: number; // the server's limit: a live counter below the field
  findings?: Finding[]; // the identifier guard's findings, highlighted below the field
  onInput: (value: string) => void;
}

export function TextAreaField(p: TextAreaProps) {
  const { t, lang } = useI18n();
  const count = charCount(p.value);
  const over = p.maxChars !== undefined && count > p.maxChars;
  const marks = (p.findings ?? []).filter((f) => f.start >= 0 && p.value.slice(f.start, f.end) === f.text);
  const describedBy = [p.error ? `${p.id}-error` : '', p.maxChars !== undefined ? `${p.id}-count` : ''].filter(Boolean).join(' ');
  return (
    <div class={`fr-input-group${p.error || over ? ' fr-input-group--error' : ''}`}>
      <Label {...p} />
      <textarea
        class={`fr-input${p.error || over ? ' fr-input--error' : ''}`}
        id={p.id}
        rows={p.rows ?? 3}
        value={p.value}
        aria-invalid={p.error || over ? 'true' : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
      {p.maxChars !== undefined && (
        <p class={over ? 'fr-error-text' : 'fr-hint-text fr-mt-1w'} id={`${p.id}-count`} data-testid={`${p.id}-count`}>
          {over
            ? t('form.chars_over', { count: formatNumber(count - p.maxChars, lang), max: formatNumber(p.maxChars, lang) })
            : t('form.chars_left', { count: formatNumber(p.maxChars - count, lang), max: formatNumber(p.maxChars, lang) })}
        </p>
      )}
      <ErrorText id={p.id} error={p.error} />
      {marks.length > 0 && (
        <div class="vigie-findings fr-mt-1w" data-testid={`${p.id}-findings`}>
          <p class="fr-text--sm fr-mb-0">{t('form.findings')}</p>
          <p class="fr-text--sm vigie-findings__text">{highlighted(p.value, marks)}</p>
        </div>
      )}
    </div>
  );
}

export function SelectField(p: Common & { value: string; options: { value: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <div class={`fr-select-group${p.error ? ' fr-select-group--error' : ''}`}>
      <Label {...p} />
      <select class={`fr-select${p.error ? ' fr-select--error' : ''}`} id={p.id} value={p.value} {...described(p.id, p.error)} onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}>
        {p.options.map((o) => (
          <option value={o.value} key={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <ErrorText id={p.id} error={p.error} />
    </div>
  );
}

// Checks a new password and its confirmation before sending them; the server checks again
// (length, common passwords).
export function newPasswordErrors(password: string, confirm: string, t: (key: 'password.too_short' | 'password.mismatch') => string): Record<string, string> {
  const errors: Record<string, string> = {};
  if ([...password].length < 12) errors.password = t('password.too_short');
  if (confirm !== password) errors.confirm = t('password.mismatch');
  return errors;
}
