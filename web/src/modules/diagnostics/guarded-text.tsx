// A free-text field of a diagnostic, reply or comment: the DSFR textarea with its label, hint,
// a character counter against the limit, and the identifier guard's live check while typing
// (POST /api/v1/privacy/check, a moment after the last key). The check only advises: the server
// checks again on submit, and its refusal shows here next to the field, with the text kept.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { asApiError, postJson } from '../../kit/api';
import { fieldMessage } from '../../kit/field-errors';

interface Props {
  id: string;
  name: string; // the field's name for the guard ("strengths", "text")
  label: string;
  hint?: string;
  value: string;
  error?: string; // the server's refusal of this field, from the form
  limit: number;
  rows?: number;
  onInput: (value: string) => void;
  // The live check's verdict: a message when it found an identifier, null when clean.
  onCheck?: (message: string | null) => void;
}

const DELAY_MS = 600;

export function GuardedText(p: Props) {
  const { t, lang } = useI18n();
  const [checking, setChecking] = useState(false);
  const [live, setLive] = useState<string | null>(null);
  const seq = useRef(0);
  const onCheck = useRef(p.onCheck);
  onCheck.current = p.onCheck;
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return; // nothing to check until the user types
    const mine = ++seq.current;
    if (p.value.trim() === '') {
      setLive(null);
      onCheck.current?.(null);
      return;
    }
    const timer = setTimeout(() => {
      setChecking(true);
      postJson('/api/v1/privacy/check', { fields: { [p.name]: p.value } })
        .then(() => {
          if (mine !== seq.current) return;
          setLive(null);
          onCheck.current?.(null);
        })
        .catch((err) => {
          if (mine !== seq.current) return;
          const e = asApiError(err).fieldErrors.find((f) => f.code.startsWith('identifier.'));
          const message = e ? fieldMessage(e, t, lang) : null;
          setLive(message);
          onCheck.current?.(message);
        })
        .finally(() => mine === seq.current && setChecking(false));
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [p.value, p.name]);

  const n = (x: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR').format(x);
  const length = [...p.value].length;
  const over = length - p.limit;
  const error = p.error ?? (over > 0 ? t('diag.count_over', { n: n(length), over: n(over), max: n(p.limit) }) : undefined);
  const described = [p.hint ? `${p.id}-hint` : '', `${p.id}-count`, error ? `${p.id}-error` : '', `${p.id}-guard`].filter(Boolean).join(' ');
  return (
    <div class={`fr-input-group${error ? ' fr-input-group--error' : ''}`}>
      <label class="fr-label" for={p.id}>
        {p.label}
        {p.hint && (
          <span class="fr-hint-text" id={`${p.id}-hint`}>
            {p.hint}
          </span>
        )}
      </label>
      <textarea
        class={`fr-input${error ? ' fr-input--error' : ''}`}
        id={p.id}
        name={p.name}
        rows={p.rows ?? 5}
        value={p.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={described}
        onInput={(e) => {
          typed.current = true;
          p.onInput((e.target as HTMLTextAreaElement).value);
        }}
      />
      <p class={`fr-message${over > 0 ? ' fr-message--error' : ' fr-message--info'} fr-text--xs fr-mb-0`} id={`${p.id}-count`}>
        {over > 0 ? t('diag.count_over', { n: n(length), over: n(over), max: n(p.limit) }) : t('diag.count', { n: n(length), max: n(p.limit) })}
      </p>
      {error && (
        <p class="fr-error-text" id={`${p.id}-error`}>
          {error}
        </p>
      )}
      <div class="fr-messages-group" id={`${p.id}-guard`} aria-live="polite">
        {!error && live && <p class="fr-message fr-message--warning" data-testid={`${p.id}-guard-warning`}>{live}</p>}
        {!error && !live && checking && <p class="fr-message fr-message--info">{t('diag.guard.checking')}</p>}
      </div>
    </div>
  );
}
