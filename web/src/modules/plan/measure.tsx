import { formatDate } from '../../kit/dates';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson } from '../../kit/api';
import { FormField, SelectField, TextAreaField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { IndicatorsSection } from './indicators';
import { ActionEditor, AddAction, MeasureEditor } from './measure-editor';
import { ProgressBar } from './plan';
import { BADGE, STATUSES, type ActionView, type MeasureView } from './types';

const COMMENT_MAX = 4000; // the server's limit (plan/service.cpp)

function ReportForm({ me, action, onDone }: { me: Me; action: ActionView; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({ status: action.status as string, progress: String(Math.round(Number(action.progress))), comment: '', link: '' });
  const { values: v, errors } = form;
  const id = (n: string) => `report-${action.id}-${n}`;
  const submit = form.submit((x) => postJson(`/api/v1/actions/${action.id}/updates`, { status: x.status, progress: Number(x.progress), comment: x.comment, evidence: x.link ? [x.link] : [] }, me.csrf_token), {
    // A progress is a whole number from 0 to 100 (the server says so too, for 45.5 or "abc").
    validate: (): Record<string, string> => (/^\s*\d{1,3}\s*$/.test(v.progress) && Number(v.progress) <= 100 ? {} : { progress: t('error.type.progress') }),
    onSuccess: () => {
      form.setValues((old) => ({ ...old, comment: '', link: '' }));
      onDone();
    },
  });
  return (
    <form onSubmit={submit} noValidate class="fr-mt-2w" aria-label={t('plan.report')}>
      <FormSummary form={form} idOf={(f) => id(f)} success={form.saved && t('plan.saved')} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-6">
          <SelectField id={id('status')} label={t('plan.status')} value={v.status} error={errors.status} options={STATUSES.map((s) => ({ value: s, label: t(`plan.status.${s}` as MessageKey) }))} onChange={(x) => form.set('status', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <FormField id={id('progress')} label={t('plan.progress_percent')} type="number" min={0} max={100} value={v.progress} error={errors.progress} onInput={(x) => form.set('progress', x)} />
        </div>
      </div>
      <TextAreaField id={id('comment')} label={t('plan.comment')} hint={`${t('plan.comment_hint')} ${t('plan.comment_readers')}`} value={v.comment} maxChars={COMMENT_MAX} findings={form.findings.comment} error={errors.comment} onInput={(x) => form.set('comment', x)} />
      <FormField id={id('evidence')} label={t('plan.evidence')} type="url" value={v.link} error={errors.evidence} onInput={(x) => form.set('link', x)} />
      <button class="fr-btn" type="submit" disabled={form.busy}>{t('plan.report')}</button>
    </form>
  );
}

// A measure: its actions, their pilots and deadlines, the report form for pilots, and the
// dated history of every update.
export function MeasurePage({ code }: { code: string }) {
  return <MemberPage>{(me) => <MeasureOf me={me} code={code} />}</MemberPage>;
}

function MeasureOf({ me, code }: { me: Me; code: string }) {
  const { t } = useI18n();
  const measure = useResource<MeasureView>(`/api/v1/measures/${encodeURIComponent(code)}`);
  // A measure that does not exist (a mistyped or retired code): a page of its own, with the way back.
  if (measure.status === 'not_found')
    return (
      <div class="fr-container fr-my-6w" data-resource-state="not_found">
        <h1>{t('plan.no_measure_heading', { code })}</h1>
        <p class="fr-text--lead">{t('plan.no_measure')}</p>
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn" href="/plan">
              {t('plan.back_to_plan')}
            </a>
          </li>
        </ul>
      </div>
    );
  return (
    <div class="fr-container fr-my-6w">
      <ResourceView resource={measure} notFound={t('plan.no_measure')}>
        {(m) => <MeasureDetail me={me} m={m} load={measure.reload} />}
      </ResourceView>
    </div>
  );
}

function MeasureDetail({ me, m, load }: { me: Me; m: MeasureView; load: () => void }) {
  const { t, lang } = useI18n();
  const manage = can(me, 'plan.manage', 'none');
  const canReport = (a: ActionView) =>
    can(me, 'plan.report', a.pilots.includes(me.organisation.code) ? 'pilot' : 'none');
  return (
    <>
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
      {(me.permissions['diagnostic.read'] ?? []).length > 0 && (
        <div class="fr-callout fr-my-3w" data-testid="measure-field-link">
          <h2 class="fr-callout__title fr-h5">{t('plan.field_view')}</h2>
          <p class="fr-callout__text fr-text--md">{t('plan.field_view_lead')}</p>
          <a class="fr-btn fr-btn--secondary" href={`/plan/mesures/${encodeURIComponent(m.code)}/terrain`}>
            {t('plan.field_view_link', { code: m.code })}
          </a>
        </div>
      )}
      {manage && <MeasureEditor me={me} measure={m} weight={m.weight ?? 1} onDone={load} key={`${m.title}-${m.title_en}-${m.weight}-${m.retired}`} />}
      <h2>{t('plan.actions')}</h2>
      {(m.actions ?? []).map((a) => (
        <section class="vigie-action fr-mb-3w fr-p-3w" key={a.id} aria-labelledby={`action-${a.id}`}>
          <h3 id={`action-${a.id}`} class="fr-h5">{a.title}</h3>
          <p>
                {t('label_value', { label: t('plan.pilot'), value: a.pilots.join(', ') || '—' })} · {t('label_value', { label: t('plan.deadline'), value: formatDate(a.deadline, lang) })} ·{' '}
                {t(`plan.status.${a.status}` as MessageKey)} · {new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(Number(a.progress))} %{a.overdue ? ` · ${t('plan.overdue')}` : ''}
          </p>
          {((a.partners ?? []).length > 0 || a.cost_eur != null || a.funding || a.official_text_url) && (
            <p class="fr-text--sm">
              {(a.partners ?? []).length > 0 && <>{t('label_value', { label: t('plan.partners'), value: a.partners!.join(', ') })}. </>}
              {a.cost_eur != null && <>{t('label_value', { label: t('plan.cost_label'), value: new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(a.cost_eur) })}. </>}
              {a.funding && <>{t('label_value', { label: t('plan.funding'), value: a.funding })}. </>}
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
    </>
  );
}
