import { useEffect, useState } from 'preact/hooks';
import { getJson } from '../api';
import { FormAlerts } from '../components/form-alerts';
import { errorsByField } from '../plan/api';
import { useI18n, type MessageKey } from '../i18n';
import { navigate } from '../router';
import { can, postJson, useSession, type Me } from '../session';
import { BADGE, STATUSES, type ActionView, type MeasureView } from '../plan/types';
import { IndicatorsSection } from '../plan/indicators';
import { ActionEditor, AddAction, MeasureEditor } from '../plan/measure-editor';
import { ProgressBar } from './plan';

function ReportForm({ me, action, onDone }: { me: Me; action: ActionView; onDone: () => void }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<string>(action.status);
  const [progress, setProgress] = useState(String(Math.round(Number(action.progress))));
  const [comment, setComment] = useState('');
  const [link, setLink] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    try {
      await postJson(`/api/v1/actions/${action.id}/updates`, { status, progress: Number(progress), comment, evidence: link ? [link] : [] }, me.csrf_token);
      setErrors({});
      setComment('');
      setLink('');
      setSaved(true);
      onDone();
    } catch (err) {
      setErrors(errorsByField(err, t, lang));
    }
  };
  const id = (n: string) => `report-${action.id}-${n}`;
  return (
    <form onSubmit={submit} noValidate class="fr-mt-2w" aria-label={t('plan.report')}>
      <FormAlerts success={saved && t('plan.saved')} errors={errors} summary={t('login.fix_fields')} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <div class={`fr-select-group${errors.status ? ' fr-select-group--error' : ''}`}>
            <label class="fr-label" for={id('status')}>{t('plan.status')}</label>
            <select class="fr-select" id={id('status')} value={status} onChange={(e) => setStatus((e.target as HTMLSelectElement).value)}>
              {STATUSES.map((s) => (
                <option value={s} key={s}>{t(`plan.status.${s}` as MessageKey)}</option>
              ))}
            </select>
            {errors.status && <p class="fr-error-text">{errors.status}</p>}
          </div>
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <div class={`fr-input-group${errors.progress ? ' fr-input-group--error' : ''}`}>
            <label class="fr-label" for={id('progress')}>{t('plan.progress_percent')}</label>
            <input class="fr-input" id={id('progress')} type="number" min={0} max={100} value={progress} onInput={(e) => setProgress((e.target as HTMLInputElement).value)} aria-describedby={errors.progress ? id('progress-error') : undefined} />
            {errors.progress && <p class="fr-error-text" id={id('progress-error')}>{errors.progress}</p>}
          </div>
        </div>
      </div>
      <div class={`fr-input-group${errors.comment ? ' fr-input-group--error' : ''}`}>
        <label class="fr-label" for={id('comment')}>
          {t('plan.comment')}
          <span class="fr-hint-text">{t('plan.comment_hint')}</span>
        </label>
        <textarea class="fr-input" id={id('comment')} rows={3} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} aria-describedby={errors.comment ? id('comment-error') : undefined} />
        {errors.comment && <p class="fr-error-text" id={id('comment-error')}>{errors.comment}</p>}
      </div>
      <div class={`fr-input-group${errors.evidence ? ' fr-input-group--error' : ''}`}>
        <label class="fr-label" for={id('evidence')}>{t('plan.evidence')}</label>
        <input class="fr-input" id={id('evidence')} type="url" value={link} onInput={(e) => setLink((e.target as HTMLInputElement).value)} />
        {errors.evidence && <p class="fr-error-text">{errors.evidence}</p>}
      </div>
      <button class="fr-btn" type="submit">{t('plan.report')}</button>
    </form>
  );
}

// A measure: its actions, their pilots and deadlines, the report form for pilots, and the
// dated history of every update.
export function MeasurePage({ code }: { code: string }) {
  const { t, lang } = useI18n();
  const { me, loading } = useSession();
  const [m, setM] = useState<MeasureView | null | 'missing'>(null);
  const load = () => getJson<MeasureView>(`/api/v1/measures/${encodeURIComponent(code)}`).then(setM).catch(() => setM('missing'));
  useEffect(() => {
    if (!loading && !me) navigate('/connexion');
    if (me) load();
  }, [loading, me, code]);
  if (!m || !me)
    return (
      <div class="fr-container fr-my-6w">
        <p>{t('status.checking')}</p>
      </div>
    );
  if (m === 'missing')
    return (
      <div class="fr-container fr-my-6w">
        <p>{t('plan.no_measure')}</p>
      </div>
    );
  const manage = can(me, 'plan.manage', 'none');
  const canReport = (a: ActionView) =>
    can(me, 'plan.report', a.pilots.includes(me.organisation.code) ? 'own_organisation' : 'none');
  return (
    <div class="fr-container fr-my-6w">
      <nav role="navigation" class="fr-breadcrumb" aria-label={t('plan.breadcrumb')}>
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/plan">{t('nav.plan')}</a></li>
          <li><a class="fr-breadcrumb__link" aria-current="page">{m.code}</a></li>
        </ol>
      </nav>
      <h1>
        {m.code} — {lang === 'en' && m.title_en ? m.title_en : m.title}
      </h1>
      <p>
        <span class={`fr-badge ${BADGE[m.status]}`} data-testid="measure-status">{t(`plan.status.${m.status}` as MessageKey)}</span>
        {m.overdue && <span class="fr-badge fr-badge--warning fr-ml-1w">{t('plan.overdue')}</span>}
        {m.retired && <span class="fr-badge fr-badge--error fr-ml-1w">{t('plan.retired')}</span>}
      </p>
      <ProgressBar value={m.progress} label={t('plan.measure_progress', { code: m.code })} />
      {manage && <MeasureEditor me={me} measure={m} weight={m.weight ?? 1} onDone={load} key={`${m.title}-${m.title_en}-${m.weight}-${m.retired}`} />}
      <h2>{t('plan.actions')}</h2>
      {(m.actions ?? []).map((a) => (
        <section class="vigie-action fr-mb-3w fr-p-3w" key={a.id} aria-labelledby={`action-${a.id}`}>
          <h3 id={`action-${a.id}`} class="fr-h5">{a.title}</h3>
          <p>
                {t('plan.pilot')} : {a.pilots.join(', ') || '—'} · {t('plan.deadline')} : {a.deadline ?? '—'} ·{' '}
                {t(`plan.status.${a.status}` as MessageKey)} · {new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(Number(a.progress))} %{a.overdue ? ` · ${t('plan.overdue')}` : ''}
          </p>
          {((a.partners ?? []).length > 0 || a.cost_eur != null || a.funding || a.official_text_url) && (
            <p class="fr-text--sm">
              {(a.partners ?? []).length > 0 && <>{t('plan.partners')} : {a.partners!.join(', ')}. </>}
              {a.cost_eur != null && <>{t('plan.cost_label')} : {new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(a.cost_eur)}. </>}
              {a.funding && <>{t('plan.funding')} : {a.funding}. </>}
              {a.official_text_url && (
                <a href={a.official_text_url} target="_blank" rel="noopener noreferrer">
                  {t('plan.official_text')}
                </a>
              )}
            </p>
          )}
          {canReport(a) && <ReportForm me={me} action={a} onDone={load} />}
          {manage && <ActionEditor me={me} action={a} onDone={load} key={`${a.id}-${a.title}-${a.weight}-${a.deadline}-${a.pilots.join()}`} />}
        </section>
      ))}
      {manage && <AddAction me={me} measure={m} onDone={load} />}
      <IndicatorsSection me={me} measure={m} onChange={load} />
      <h2>{t('plan.history')}</h2>
      {(m.history ?? []).length === 0 && <p>{t('plan.no_history')}</p>}
      <ol class="vigie-timeline" data-testid="measure-history">
        {(m.history ?? []).map((h, i) => (
          <li key={i}>
            <p>
              <strong>{h.reported_on}</strong> — {t(`plan.status.${h.status}` as MessageKey)}
              {h.progress !== null ? `, ${h.progress} %` : ''} — {h.author ?? h.author_org}
            </p>
            {h.comment && <p>{h.comment}</p>}
            {(h.evidence ?? []).map((e) => (
              <a class="fr-link fr-text--sm" href={e} target="_blank" rel="noopener noreferrer" key={e}>
                {e}
              </a>
            ))}
          </li>
        ))}
      </ol>
      {(m.sources ?? []).length > 0 && (
        <>
          <h2>{t('plan.sources')}</h2>
          <ul>
            {m.sources!.map((s) => (
              <li key={s}>
                <a href={s} target="_blank" rel="noopener noreferrer">{s}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
