// DSFR form fields: label (and hint), the control, and its error next to it, wired for screen
// readers (aria-invalid, aria-describedby → "<id>-error"). The error summary links to `id`.
import type { ComponentChildren } from 'preact';

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

export function TextAreaField(p: Common & { value: string; rows?: number; onInput: (value: string) => void }) {
  return (
    <div class={`fr-input-group${p.error ? ' fr-input-group--error' : ''}`}>
      <Label {...p} />
      <textarea
        class={`fr-input${p.error ? ' fr-input--error' : ''}`}
        id={p.id}
        rows={p.rows ?? 3}
        value={p.value}
        {...described(p.id, p.error)}
        onInput={(e) => p.onInput((e.target as HTMLTextAreaElement).value)}
      />
      <ErrorText id={p.id} error={p.error} />
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
