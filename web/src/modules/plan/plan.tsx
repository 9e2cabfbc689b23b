import { useMemo, useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, useSession, type Me } from '../../session';
import { BADGE, filtersFromSearch, filterMeasures, searchOfFilters, STATUSES, type Filters, type PlanView } from './types';

export function ProgressBar({ value, label }: { value: number | string; label: string }) {
  const { lang } = useI18n();
  const shown = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(Number(value));
  return (
    <div class="vigie-progress">
      <progress max={100} value={Number(value)} aria-label={label} />
      <span>{shown} %</span>
    </div>
  );
}

// The plan tree: axes, measures with their status and roll-up progress, filters and search.
// Members see the full plan (with pilots); visitors the public view.
export function PlanPage() {
  const { t } = useI18n();
  const { me, loading } = useSession();
  const plan = useResource<PlanView>(loading ? null : me ? '/api/v1/plan' : '/api/v1/public/plan');
  return (
    <div class="fr-container fr-my-6w">
      {plan.status !== 'ready' && <h1>{t('nav.plan')}</h1>}
      <ResourceView resource={plan}>{(p) => <PlanTree plan={p} me={me} />}</ResourceView>
    </div>
  );
}

function PlanTree({ plan, me }: { plan: PlanView; me: Me | null }) {
  const { t, lang } = useI18n();
  const [f, setFilters] = useState<Filters>(() => filtersFromSearch(window.location.search));
  // Each change replaces the address (no history entry per keystroke).
  const setF = (next: Filters) => {
    setFilters(next);
    window.history.replaceState(window.history.state, '', window.location.pathname + searchOfFilters(next) + window.location.hash);
  };
  const pilots = useMemo(() => [...new Set(plan.axes.flatMap((a) => a.measures.flatMap((m) => (m.actions ?? []).flatMap((x) => x.pilots))))].sort(), [plan]);
  const title = (o: { title: string; title_en: string }) => (lang === 'en' && o.title_en ? o.title_en : o.title);
  const shown = plan.axes.map((a) => ({ axis: a, measures: filterMeasures(a, f) })).filter((x) => x.measures.length > 0);
  return (
    <>
      <h1>{title(plan)}</h1>
      <ProgressBar value={plan.progress} label={t('plan.overall')} />
      <details class="fr-mb-3w">
        <summary>{t('plan.rule')}</summary>
        <p class="fr-text--sm">{lang === 'en' ? plan.rule.en : plan.rule.fr}</p>
      </details>
      <form class="fr-grid-row fr-grid-row--gutters fr-mb-3w" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="fr-col-12 fr-col-md-4">
          <div class="fr-input-group">
            <label class="fr-label" for="plan-search">{t('plan.search')}</label>
            <input class="fr-input" id="plan-search" type="search" value={f.search} onInput={(e) => setF({ ...f, search: (e.target as HTMLInputElement).value })} />
          </div>
        </div>
        <div class="fr-col-6 fr-col-md-2">
          <div class="fr-select-group">
            <label class="fr-label" for="plan-axis">{t('plan.axis')}</label>
            <select class="fr-select" id="plan-axis" value={f.axis} onChange={(e) => setF({ ...f, axis: (e.target as HTMLSelectElement).value })}>
              <option value="">{t('plan.all')}</option>
              {plan.axes.map((a) => (
                <option value={a.code} key={a.code}>{a.code}</option>
              ))}
            </select>
          </div>
        </div>
        <div class="fr-col-6 fr-col-md-2">
          <div class="fr-select-group">
            <label class="fr-label" for="plan-status">{t('plan.status')}</label>
            <select class="fr-select" id="plan-status" value={f.status} onChange={(e) => setF({ ...f, status: (e.target as HTMLSelectElement).value })}>
              <option value="">{t('plan.all')}</option>
              {STATUSES.map((s) => (
                <option value={s} key={s}>{t(`plan.status.${s}` as MessageKey)}</option>
              ))}
            </select>
          </div>
        </div>
        {me && (
          <div class="fr-col-6 fr-col-md-2">
            <div class="fr-select-group">
              <label class="fr-label" for="plan-pilot">{t('plan.pilot')}</label>
              <select class="fr-select" id="plan-pilot" value={f.pilot} onChange={(e) => setF({ ...f, pilot: (e.target as HTMLSelectElement).value })}>
                <option value="">{t('plan.all')}</option>
                {pilots.map((p) => (
                  <option value={p} key={p}>{p}</option>
                ))}
              </select>
            </div>
          </div>
        )}
        <div class="fr-col-6 fr-col-md-2">
          <div class="fr-checkbox-group fr-mt-4w">
            <input type="checkbox" id="plan-overdue" checked={f.overdue} onChange={(e) => setF({ ...f, overdue: (e.target as HTMLInputElement).checked })} />
            <label class="fr-label" for="plan-overdue">{t('plan.overdue_only')}</label>
          </div>
        </div>
      </form>
      {shown.length === 0 && <p>{t('plan.none')}</p>}
      {shown.map(({ axis, measures }) => (
        <section key={axis.code} class="fr-mb-5w" aria-labelledby={`axis-${axis.code}`}>
          <h2 id={`axis-${axis.code}`}>
            {axis.code} — {title(axis)}
          </h2>
          <ProgressBar value={axis.progress} label={t('plan.axis_progress', { code: axis.code })} />
          <div class="fr-table fr-table--no-caption">
            <table>
              <caption>{t('plan.measures_of', { code: axis.code })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('plan.measure')}</th>
                  <th scope="col">{t('plan.status')}</th>
                  <th scope="col">{t('plan.progress')}</th>
                  {me && <th scope="col">{t('plan.pilot')}</th>}
                </tr>
              </thead>
              <tbody>
                {measures.map((m) => (
                  <tr key={m.code} data-testid={`measure-${m.code}`}>
                    <td>
                      {me ? <a href={`/plan/mesures/${m.code}`}>{m.code}</a> : m.code} — {title(m)}
                    </td>
                    <td>
                      <p class={`fr-badge fr-badge--sm ${BADGE[m.status]}`}>{t(`plan.status.${m.status}` as MessageKey)}</p>
                      {m.overdue && <p class="fr-badge fr-badge--sm fr-badge--warning fr-ml-1v">{t('plan.overdue')}</p>}
                      {m.retired && <p class="fr-badge fr-badge--sm fr-badge--error fr-ml-1v">{t('plan.retired')}</p>}
                    </td>
                    <td>
                      <ProgressBar value={m.progress} label={t('plan.measure_progress', { code: m.code })} />
                    </td>
                    {me && <td>{[...new Set((m.actions ?? []).flatMap((a) => a.pilots))].join(', ')}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      {me && (
        <ul class="fr-btns-group fr-btns-group--inline-md">
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/api/v1/plan/export.xlsx?lang=${lang}`} download>
              {t('plan.export_xlsx')}
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--tertiary" href={`/api/v1/plan/export.csv?lang=${lang}`} download>
              {t('plan.export_csv')}
            </a>
          </li>
          {can(me, 'plan.manage', 'none') && (
            <li>
              <a class="fr-btn fr-btn--tertiary" href="/plan/referentiel">
                {t('plan.manage')}
              </a>
            </li>
          )}
        </ul>
      )}
    </>
  );
}
