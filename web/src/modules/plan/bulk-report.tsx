// Reporting on several actions at once (the complaint every plan tool hears: one form per
// action makes pilots give up). One request, one transaction: every row is saved, or none
// and each error shows on its row. Nothing is ticked in advance: a row is ticked when the user
// changes it (or ticks it), so the button counts what the user means to send.
import { owedTitles } from './campaign-types';
import { useI18n, type MessageKey } from '../../i18n';
import { asApiError, sendJson } from '../../kit/api';
import { errorsByField, fieldMessage } from '../../kit/field-errors';
import { FormSummary, useForm, type Errors } from '../../kit/form';
import type { Me } from '../../session';
import type { OwedActionView } from './campaign-types';
import { STATUSES, type Status } from './types';

interface Row {
  include: boolean;
  status: Status;
  progress: string;
  comment: string;
}

export function BulkReport({ me, actions, current, onDone }: { me: Me; actions: OwedActionView[]; current: Map<number, { status: Status; progress: number }>; onDone: () => void }) {
  const { t, lang } = useI18n();
  const form = useForm<{ rows: Row[] }>(() => ({
    rows: actions.map((a) => {
      const c = current.get(a.action_id);
      return { include: false, status: c?.status ?? 'in_progress', progress: String(Math.round(c?.progress ?? 0)), comment: '' };
    }),
  }));
  const { rows } = form.values;
  const errors = form.errors;
  const set = (i: number, patch: Partial<Row>) => form.setValues((old) => ({ rows: old.rows.map((r, j) => (j === i ? { ...r, include: true, ...patch } : r)) }));
  const chosen = rows.map((r, i) => ({ r, a: actions[i] })).filter((x) => x.r.include);
  const submit = form.submit(() => sendJson('POST', '/api/v1/updates', { updates: chosen.map(({ r, a }) => ({ action_id: a.action_id, status: r.status, progress: Number(r.progress), comment: r.comment })) }, me.csrf_token), {
    onSuccess: onDone,
    // Errors come back as updates/<index in the request>/<field>: shown on their rows.
    onError: (err) => {
      const out: Errors = {};
      for (const fe of asApiError(err).fieldErrors) {
        const m = /^updates\/(\d+)\/(\w+)/.exec(fe.field);
        if (!m || !chosen[Number(m[1])]) continue;
        out[`${actions.indexOf(chosen[Number(m[1])].a)}.${m[2]}`] ??= fieldMessage(fe, t, lang);
      }
      return Object.keys(out).length ? out : errorsByField(err, t, lang);
    },
  });
  const savedCount = form.saved ? chosen.length : 0;
  const id = (i: number, f: string) => `bulk-${actions[i].action_id}-${f}`;
  return (
    <form noValidate onSubmit={submit} aria-label={t('reporting.bulk')} class="fr-mb-3w">
      <p class="fr-hint-text" data-testid="bulk-readers">{t('plan.comment_readers')}</p>
      <FormSummary form={form} idOf={(k) => { const [i, f] = k.split('.'); return actions[Number(i)] ? id(Number(i), f) : null; }} success={savedCount > 0 && t('reporting.bulk_saved', { n: savedCount })} lead={t('reporting.bulk_errors')} />
      <fieldset class="fr-fieldset" aria-labelledby={`bulk-legend-${actions[0]?.action_id}`}>
        <legend class="fr-fieldset__legend fr-sr-only" id={`bulk-legend-${actions[0]?.action_id}`}>
          {t('reporting.bulk')}
        </legend>
        {actions.map((a, i) => (
          <div class="fr-fieldset__element" key={a.action_id}>
          <div class="vigie-bulk-row" data-testid={`bulk-row-${a.action_id}`}>
            <div>
              <div class="fr-checkbox-group fr-checkbox-group--sm">
                <input type="checkbox" id={id(i, 'include')} checked={rows[i].include} onChange={(e) => set(i, { include: (e.target as HTMLInputElement).checked })} />
                <label class="fr-label" for={id(i, 'include')}>
                  {a.measure} — {owedTitles(a, lang).measure}
                  <span class="fr-hint-text">{owedTitles(a, lang).action}</span>
                </label>
              </div>
            </div>
            <div>
              <div class={`fr-select-group${errors[`${i}.status`] ? ' fr-select-group--error' : ''}`}>
                <label class="fr-label" for={id(i, 'status')}>
                  {t('plan.status')}
                  <span class="fr-sr-only"> — {a.measure}</span>
                </label>
                <select class={`fr-select${errors[`${i}.status`] ? ' fr-select--error' : ''}`} id={id(i, 'status')} aria-invalid={errors[`${i}.status`] ? 'true' : undefined} aria-describedby={errors[`${i}.status`] ? id(i, 'status-error') : undefined} value={rows[i].status} onChange={(e) => set(i, { status: (e.target as HTMLSelectElement).value as Status })}>
                  {STATUSES.map((s) => (
                    <option value={s} key={s}>{t(`plan.status.${s}` as MessageKey)}</option>
                  ))}
                </select>
                {errors[`${i}.status`] && <p class="fr-error-text" id={id(i, 'status-error')}>{errors[`${i}.status`]}</p>}
              </div>
            </div>
            <div>
              <div class={`fr-input-group${errors[`${i}.progress`] ? ' fr-input-group--error' : ''}`}>
                <label class="fr-label" for={id(i, 'progress')}>
                  {t('plan.progress_percent')}
                  <span class="fr-sr-only"> — {a.measure}</span>
                </label>
                <input class={`fr-input${errors[`${i}.progress`] ? ' fr-input--error' : ''}`} id={id(i, 'progress')} type="number" min={0} max={100} aria-invalid={errors[`${i}.progress`] ? 'true' : undefined} aria-describedby={errors[`${i}.progress`] ? id(i, 'progress-error') : undefined} value={rows[i].progress} onInput={(e) => set(i, { progress: (e.target as HTMLInputElement).value })} />
                {errors[`${i}.progress`] && <p class="fr-error-text" id={id(i, 'progress-error')}>{errors[`${i}.progress`]}</p>}
              </div>
            </div>
            <div>
              <div class={`fr-input-group${errors[`${i}.comment`] ? ' fr-input-group--error' : ''}`}>
                <label class="fr-label" for={id(i, 'comment')}>
                  {t('plan.comment')}
                  <span class="fr-sr-only"> — {a.measure}</span>
                </label>
                <input class={`fr-input${errors[`${i}.comment`] ? ' fr-input--error' : ''}`} id={id(i, 'comment')} aria-invalid={errors[`${i}.comment`] ? 'true' : undefined} aria-describedby={errors[`${i}.comment`] ? id(i, 'comment-error') : undefined} value={rows[i].comment} onInput={(e) => set(i, { comment: (e.target as HTMLInputElement).value })} />
                {errors[`${i}.comment`] && <p class="fr-error-text" id={id(i, 'comment-error')}>{errors[`${i}.comment`]}</p>}
              </div>
            </div>
          </div>
          </div>
        ))}
      </fieldset>
      {form.busy && (
        <p role="status">
          <progress aria-label={t('reporting.saving')} /> {t('reporting.saving')}
        </p>
      )}
      <button class="fr-btn" type="submit" disabled={form.busy || chosen.length === 0}>
        {t('reporting.bulk_submit', { n: chosen.length })}
      </button>
    </form>
  );
}
