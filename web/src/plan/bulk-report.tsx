// Reporting on several actions at once (the complaint every plan tool hears: one form per
// action makes pilots give up). One request, one transaction: every row is saved, or none
// and each error shows on its row.
import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../i18n';
import type { Me } from '../session';
import { ApiError } from '../api';
import { errorsByField, fieldMessage, sendJson, type ServerFieldError } from './api';
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
  const [rows, setRows] = useState<Row[]>(() =>
    actions.map((a) => {
      const c = current.get(a.action_id);
      return { include: true, status: c?.status ?? 'in_progress', progress: String(Math.round(c?.progress ?? 0)), comment: '' };
    }),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const chosen = rows.map((r, i) => ({ r, a: actions[i] })).filter((x) => x.r.include);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setSaved(0);
    try {
      await sendJson('POST', '/api/v1/updates', { updates: chosen.map(({ r, a }) => ({ action_id: a.action_id, status: r.status, progress: Number(r.progress), comment: r.comment })) }, me.csrf_token);
      setErrors({});
      setSaved(chosen.length);
      onDone();
    } catch (err) {
      // Errors come back as updates/<index in the request>/<field>: shown on their rows.
      const out: Record<string, string> = {};
      const byField = errorsByField(err, t, lang);
      for (const fe of err instanceof ApiError ? ((err.problem.errors ?? []) as ServerFieldError[]) : []) {
        const m = /^updates\/(\d+)\/(\w+)/.exec(fe.field);
        if (!m || !chosen[Number(m[1])]) continue;
        out[`${actions.indexOf(chosen[Number(m[1])].a)}.${m[2]}`] ??= fieldMessage(fe, t, lang);
      }
      if (!Object.keys(out).length && byField.form) out.form = byField.form;
      setErrors(Object.keys(out).length ? out : byField);
    } finally {
      setBusy(false);
    }
  };
  const id = (i: number, f: string) => `bulk-${actions[i].action_id}-${f}`;
  return (
    <form noValidate onSubmit={submit} aria-label={t('reporting.bulk')} class="fr-mb-3w">
      {saved > 0 && (
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>{t('reporting.bulk_saved', { n: saved })}</p>
        </div>
      )}
      {Object.keys(errors).length > 0 && (
        <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{errors.form ?? t('reporting.bulk_errors')}</p>
        </div>
      )}
      <div class="fr-table fr-table--sm">
        <table>
          <caption>{t('reporting.bulk')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reporting.include')}</th>
              <th scope="col">{t('plan.actions')}</th>
              <th scope="col">{t('plan.status')}</th>
              <th scope="col">{t('plan.progress_percent')}</th>
              <th scope="col">{t('plan.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a, i) => (
              <tr key={a.action_id}>
                <td>
                  <div class="fr-checkbox-group fr-checkbox-group--sm">
                    <input type="checkbox" id={id(i, 'include')} checked={rows[i].include} onChange={(e) => set(i, { include: (e.target as HTMLInputElement).checked })} />
                    <label class="fr-label" for={id(i, 'include')}>
                      <span class="fr-sr-only">{t('reporting.include_action', { code: a.measure })}</span>
                    </label>
                  </div>
                </td>
                <td>
                  {a.measure} — {a.title}
                </td>
                <td>
                  <select class="fr-select" id={id(i, 'status')} aria-label={`${t('plan.status')} — ${a.measure}`} value={rows[i].status} onChange={(e) => set(i, { status: (e.target as HTMLSelectElement).value as Status })}>
                    {STATUSES.map((s) => (
                      <option value={s} key={s}>{t(`plan.status.${s}` as MessageKey)}</option>
                    ))}
                  </select>
                  {errors[`${i}.status`] && <p class="fr-error-text">{errors[`${i}.status`]}</p>}
                </td>
                <td>
                  <input class={`fr-input${errors[`${i}.progress`] ? ' fr-input--error' : ''}`} id={id(i, 'progress')} type="number" min={0} max={100} aria-label={`${t('plan.progress_percent')} — ${a.measure}`} aria-invalid={errors[`${i}.progress`] ? 'true' : undefined} value={rows[i].progress} onInput={(e) => set(i, { progress: (e.target as HTMLInputElement).value })} />
                  {errors[`${i}.progress`] && <p class="fr-error-text">{errors[`${i}.progress`]}</p>}
                </td>
                <td>
                  <input class={`fr-input${errors[`${i}.comment`] ? ' fr-input--error' : ''}`} id={id(i, 'comment')} aria-label={`${t('plan.comment')} — ${a.measure}`} aria-invalid={errors[`${i}.comment`] ? 'true' : undefined} value={rows[i].comment} onInput={(e) => set(i, { comment: (e.target as HTMLInputElement).value })} />
                  {errors[`${i}.comment`] && <p class="fr-error-text">{errors[`${i}.comment`]}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {busy && (
        <p role="status">
          <progress aria-label={t('reporting.saving')} /> {t('reporting.saving')}
        </p>
      )}
      <button class="fr-btn" type="submit" disabled={busy || chosen.length === 0}>
        {t('reporting.bulk_submit', { n: chosen.length })}
      </button>
    </form>
  );
}
