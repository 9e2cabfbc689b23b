// A DSFR input group: label (and hint), the input, and the error next to it, wired for
// screen readers (aria-describedby, aria-invalid).
interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  type?: string;
  value: string;
  autocomplete?: string;
  inputMode?: 'numeric' | 'email' | 'text';
  readOnly?: boolean;
  autoFocus?: boolean;
  onInput: (value: string) => void;
}

export function FormField(p: Props) {
  const errorId = `${p.id}-error`;
  return (
    <div class={`fr-input-group${p.error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={p.id}>
        {p.label}
        {p.hint && <span class="fr-hint-text">{p.hint}</span>}
      </label>
      <input
        class={`fr-input${p.error ? ' fr-input--error' : ''}`}
        id={p.id}
        type={p.type ?? 'text'}
        value={p.value}
        autocomplete={p.autocomplete}
        inputMode={p.inputMode}
        readOnly={p.readOnly}
        autoFocus={p.autoFocus}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? errorId : undefined}
        onInput={(e) => p.onInput((e.target as HTMLInputElement).value)}
      />
      {p.error && (
        <p class="fr-error-text" id={errorId}>
          {p.error}
        </p>
      )}
    </div>
  );
}

// Checks a new password and its confirmation before sending them; the server checks again
// (length, common passwords).
export function newPasswordErrors(
  password: string,
  confirm: string,
  t: (key: 'password.too_short' | 'password.mismatch') => string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if ([...password].length < 12) errors.password = t('password.too_short');
  if (confirm !== password) errors.confirm = t('password.mismatch');
  return errors;
}

// Maps an API problem's field errors to the form's fields, using the UI's own messages when
// it has one for the code.
export function fieldErrors(
  errors: { field: string; code: string; message: string }[] | undefined,
  translate: (field: string, code: string) => string | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of errors ?? []) out[e.field] = translate(e.field, e.code) ?? e.message;
  return out;
}
