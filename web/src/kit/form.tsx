// useForm: a form's values, its submission, and what a refusal shows. After a refused submit
// (checks in the browser, or a problem from the server) every field in error carries its
// message and aria-invalid, the DSFR error summary at the top lists them as links, and focus
// moves to that summary; the values stay as the user typed them.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorsByField, findingsByField, type Finding } from './field-errors';

export type Errors = Record<string, string>; // field → message; "form" for the whole form

export interface SubmitOptions<R> {
  validate?: () => Errors; // refuse before sending when not empty
  onSuccess?: (result: R) => void;
  // Maps a failure to errors (default: each field error on its field, else a form message).
  onError?: (err: unknown) => Errors | null; // null: handled by the caller, nothing to show
  keepErrors?: boolean;
}

export interface Form<V> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  setValues: (v: V | ((old: V) => V)) => void;
  errors: Errors;
  setErrors: (e: Errors) => void;
  findings: Record<string, Finding[]>; // the identifier guard's findings, by field, to highlight
  refuse: (e: Errors) => void; // shows errors and moves focus to the summary
  saved: boolean;
  busy: boolean;
  // An onSubmit handler: validates, sends, and on refusal shows the errors.
  submit: <R>(send: (values: V) => Promise<R>, options?: SubmitOptions<R>) => (e?: Event) => Promise<void>;
  summaryRef: { current: HTMLDivElement | null };
}

// `itemised`: list fields whose items have inputs of their own, so that their errors are kept
// per item ("evidence/1/url") and shown beside each input.
export function useForm<V extends Record<string, unknown>>(initial: V | (() => V), itemised: readonly string[] = []): Form<V> {
  const { t, lang } = useI18n();
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [findings, setFindings] = useState<Record<string, Finding[]>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const [successes, setSuccesses] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (refusals > 0) summaryRef.current?.focus();
  }, [refusals]);
  // After a save, the submit button (disabled while sending) or the part of the page that
  // changed may have taken focus with it: then it goes to the summary, which says what was
  // saved, rather than back to the top of the page. Focus the user put elsewhere stays.
  useEffect(() => {
    if (successes === 0) return;
    const at = document.activeElement;
    if (!at || at === document.body || !at.isConnected) summaryRef.current?.focus();
  }, [successes]);
  const refuse = (e: Errors) => {
    setErrors(e);
    setRefusals((n) => n + 1);
  };
  const submit =
    <R,>(send: (values: V) => Promise<R>, o: SubmitOptions<R> = {}) =>
    async (e?: Event) => {
      e?.preventDefault();
      if (busy) return;
      setSaved(false);
      setFindings({});
      const local = o.validate?.() ?? {};
      if (Object.keys(local).length) return refuse(local);
      setBusy(true);
      try {
        const result = await send(values);
        setErrors({});
        setSaved(true);
        o.onSuccess?.(result);
        setSuccesses((n) => n + 1);
      } catch (err) {
        setFindings(findingsByField(err, lang, values));
        const mapped = o.onError ? o.onError(err) : errorsByField(err, t, lang, itemised);
        if (mapped) refuse(mapped);
      } finally {
        setBusy(false);
      }
    };
  return {
    values,
    set: (name, value) => setValues((old) => ({ ...old, [name]: value })),
    setValues,
    errors,
    setErrors,
    findings,
    refuse,
    saved,
    busy,
    submit,
    summaryRef,
  };
}

interface SummaryProps {
  form: Pick<Form<unknown>, 'errors' | 'summaryRef'>;
  idOf?: (field: string) => string | null; // the control of a field, to link to (null: no link)
  success?: ComponentChildren; // shown (role="status") after a save
  testId?: string;
  lead?: string; // the sentence above the list of fields (default: form.fix_fields)
}

// The DSFR alerts at the top of a form: what was saved, or why nothing was — the form-wide
// message, and each field error as a link to its field. Focusable, so useForm can move focus here.
// The words a user reads as the name of the field `id`: its label (without the hint the DSFR
// puts inside it, nor the "required" mark), or the legend of its group, or its aria-label. Read
// from the page, where the field is when its error comes back, so that every form's summary
// says which field each message is about ("Source : Ce champ est obligatoire.") without
// each form repeating its labels.
export function fieldLabel(id: string): string | null {
  const el = document.getElementById(id);
  if (!el) return null;
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? el.closest('label') ?? el.closest('fieldset')?.querySelector('legend') ?? null;
  if (!label) return el.getAttribute('aria-label');
  const copy = label.cloneNode(true) as HTMLElement;
  for (const part of copy.querySelectorAll('.fr-hint-text, .fr-sr-only, [aria-hidden="true"]')) part.remove();
  const text = (copy.textContent ?? '').replace(/\s+/g, ' ').replace(/\s*\*\s*$/, '').trim();
  return text || null;
}

export function FormSummary({ form, idOf, success, testId, lead }: SummaryProps) {
  const { t } = useI18n();
  const { errors } = form;
  const fields = Object.entries(errors).filter(([k]) => k !== 'form');
  const failed = errors.form !== undefined || fields.length > 0;
  const focus = (id: string) => (e: Event) => {
    const el = document.getElementById(id);
    if (!el) return;
    e.preventDefault();
    el.focus();
  };
  return (
    <>
      <div ref={form.summaryRef} tabIndex={-1} class={failed ? 'fr-alert fr-alert--error fr-alert--sm fr-mb-2w' : undefined} role={failed ? 'alert' : undefined} data-testid={testId} data-form-summary="">
        {success && !failed && (
          <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
            <p>{success}</p>
          </div>
        )}
        {failed && (
          <>
            <p class="fr-alert__title">{errors.form ?? t('form.summary_title')}</p>
            {fields.length > 0 && (
              <>
                <p>{lead ?? t('form.fix_fields')}</p>
                <ul>
                  {fields.map(([field, message]) => {
                    const id = idOf ? idOf(field) : null;
                    const label = id ? fieldLabel(id) : null;
                    const text = label ? t('form.field_error', { label, message }) : message;
                    return <li key={field}>{id ? <a href={`#${id}`} onClick={focus(id)}>{text}</a> : text}</li>;
                  })}
                </ul>
              </>
            )}
          </>
        )}
      </div>
    </>
  );
}

// Moves focus to the element of id `target` once the page has rendered it: the first input of
// a row just added, or the "add" button after the row holding the focused "remove" button went.
export function useFocusLater(): (target: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}
