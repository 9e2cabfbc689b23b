// A measure's field view (/plan/mesures/:code/terrain): the official status and progress beside
// the field's ratings by actor type, by territory (a map and its table) and over time; the gap
// between the two with the rule in plain words and the flag; the diagnostics in scope. The
// filters (period, territory, actor type) live in the address.
import { useI18n, type MessageKey } from '../../i18n';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { ProgressBar } from '../plan/plan';
import { BADGE, type Status } from '../plan/types';
import { RatingBar, RatingLegend } from './bars';
import { dayLabel, medianLabel, numberLabel, periodLabel, ratingKey } from './format';
import { DiagnosticTable } from './mine';
import { apiQuery, useQueryState } from './query';
import { TerritoryMap } from '../../kit/territory-map';
import { ACTOR_TYPES, RATINGS, periodChoices, type Count, type FieldView } from './types';
import { TerritorySelect } from './write';

export function FieldViewPage({ code }: { code: string }) {
  return <MemberPage>{(me) => <FieldViewOf me={me} code={code} />}</MemberPage>;
}

const FILTERS = ['periode', 'territoire', 'acteur'] as const;

function FieldViewOf({ me, code }: { me: Me; code: string }) {
  const { t, lang } = useI18n();
  const [f, setF] = useQueryState(FILTERS);
  const view = useResource<FieldView>(`/api/v1/measures/${encodeURIComponent(code)}/field-view${apiQuery({ period: f.periode, territory: f.territoire, actor_type: f.acteur })}`);
  const title = view.data ? (lang === 'en' && view.data.measure.title_en ? view.data.measure.title_en : view.data.measure.title_fr) : '';
  // A cross-cutting theme (a transversal axis) has no measure page: its official picture is
  // its measures' roll-up, shown here.
  const theme = view.data?.measure.theme === true;
  return (
    <div class="fr-container fr-my-6w">
      <nav role="navigation" class="fr-breadcrumb" aria-label={t('diag.breadcrumb')}>
        <ol class="fr-breadcrumb__list">
          <li><a class="fr-breadcrumb__link" href="/plan">{t('nav.plan')}</a></li>
          {!theme && <li><a class="fr-breadcrumb__link" href={`/plan/mesures/${encodeURIComponent(code)}`}>{code}</a></li>}
          <li><a class="fr-breadcrumb__link" aria-current="page">{t('diag.field_view.title')}</a></li>
        </ol>
      </nav>
      <h1>{t('diag.field_view.heading', { code })}</h1>
      {title && <p class="fr-text--lead">{title}</p>}
      <p>{t(theme ? 'diag.field_view.lead_theme' : 'diag.field_view.lead')}</p>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        {!theme && (
          <li>
            <a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/plan/mesures/${encodeURIComponent(code)}`}>{t('diag.field_view.official_tab')}</a>
          </li>
        )}
        {can(me, 'diagnostic.create', 'none') && (
          <li>
            <a class="fr-btn fr-btn--sm" href={`/diagnostics/nouveau?mesure=${encodeURIComponent(code)}`}>{t(theme ? 'diag.write_on_theme' : 'diag.write_on_measure')}</a>
          </li>
        )}
      </ul>
      <form class="vigie-filters fr-mb-4w" aria-label={t('diag.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">
            <PeriodSelect id="fv-period" value={f.periode || view.data?.period || ''} onChange={(v) => setF('periode', v)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <TerritorySelect id="fv-territory" label={t('diag.filter.territory')} value={f.territoire || 'national'} onChange={(v) => setF('territoire', v === 'national' ? '' : v)} />
          </div>
          <div class="fr-col-12 fr-col-md-4">
            <ActorSelect id="fv-actor" value={f.acteur} onChange={(v) => setF('acteur', v)} />
          </div>
        </div>
      </form>
      <ResourceView resource={view} notFound={t('plan.no_measure')}>
        {(v) => <Body v={v} />}
      </ResourceView>
    </div>
  );
}

export function PeriodSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  const choices = [...new Set([...(value ? [value] : []), ...periodChoices()])];
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={id}>{t('diag.filter.period')}</label>
      <select class="fr-select" id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        {choices.map((p) => (
          <option key={p} value={p}>{periodLabel(p, t)}</option>
        ))}
      </select>
    </div>
  );
}

export function ActorSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return (
    <div class="fr-select-group">
      <label class="fr-label" for={id}>{t('diag.filter.actor_type')}</label>
      <select class="fr-select" id={id} value={value} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{t('diag.filter.all')}</option>
        {ACTOR_TYPES.map((a) => (
          <option key={a} value={a}>{t(`orgtype.${a}` as MessageKey)}</option>
        ))}
      </select>
    </div>
  );
}

function Body({ v }: { v: FieldView }) {
  const { t, lang } = useI18n();
  const d = v.divergence;
  const status = v.official.status as Status;
  const deps = Object.fromEntries(v.by_territory.filter((c) => c.level === 'departement' && c.median !== null).map((c) => [c.key, c.median as number]));
  const latest = v.diagnostics.map((x) => x.published_at ?? '').sort().pop();
  const updated = latest ? dayLabel(latest, lang) : '—';
  const regs = Object.fromEntries(v.by_territory.filter((c) => c.level === 'region' && c.median !== null).map((c) => [c.key.replace(/^R/, ''), c.median as number]));
  return (
    <>
      <div class="fr-grid-row fr-grid-row--gutters fr-mb-4w">
        <div class="fr-col-12 fr-col-md-4">
          <section class="vigie-panel fr-p-3w" aria-labelledby="fv-official" data-testid="field-official">
            <h2 class="fr-h5" id="fv-official">{t('diag.official.heading')}</h2>
            <p>
              {t('diag.official.status')} <span class={`fr-badge fr-badge--sm ${BADGE[status] ?? ''}`}>{t(`plan.status.${status}` as MessageKey)}</span>
            </p>
            <ProgressBar value={v.official.progress} label={t('diag.official.progress')} />
            <p class="fr-text--sm fr-mt-2w fr-mb-0">{v.official.last_report_on ? t('diag.official.last_report', { date: dayLabel(v.official.last_report_on, lang) }) : t('diag.official.no_report')}</p>
          </section>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <section class="vigie-panel fr-p-3w" aria-labelledby="fv-field" data-testid="field-median">
            <h2 class="fr-h5" id="fv-field">{t('diag.field.heading')}</h2>
            <p>{d.field_median !== null ? t('diag.field.median', { rating: medianLabel(d.field_median, lang, t) }) : t('diag.field.no_median')}</p>
            <p class="fr-text--sm fr-mb-0">{t('diag.field.orgs', { orgs: d.organisations, types: d.actor_types })}</p>
          </section>
        </div>
        <div class="fr-col-12 fr-col-md-4">
          <section class="vigie-panel fr-p-3w" aria-labelledby="fv-gap" data-testid="field-divergence">
            <h2 class="fr-h5" id="fv-gap">{t('diag.divergence.heading')}</h2>
            <p>{d.score !== null ? t('diag.divergence.score', { score: numberLabel(d.score, lang, true) }) : t('diag.divergence.no_score')}</p>
            <p>{d.flagged ? <span class="fr-badge fr-badge--error">{t('diag.divergence.flagged')}</span> : <span class="fr-badge fr-badge--no-icon">{t('diag.divergence.not_flagged')}</span>}</p>
          </section>
        </div>
      </div>
      <details class="fr-mb-4w">
        <summary>{t('diag.divergence.rule')}</summary>
        <p class="fr-mt-2w">{lang === 'en' ? d.rule.en : d.rule.fr}</p>
      </details>

      <h2>{t('diag.by_actor.heading')}</h2>
      <RatingLegend />
      <CountTable caption={t('diag.by_actor.caption')} head={t('diag.col.actor_type')} rows={v.by_actor_type} label={(c) => t(`orgtype.${c.key}` as MessageKey)} testId="by-actor-type" />

      <h2>{t('diag.by_territory.heading')}</h2>
      {Object.keys(deps).length > 0 && <TerritoryMap level="dep" data={deps} national={d.field_median} updated={updated} caption={t('diag.map.departements')} name={t('diag.map.name')} palette="divergentDescending" />}
      {Object.keys(regs).length > 0 && <TerritoryMap level="reg" data={regs} national={d.field_median} updated={updated} caption={t('diag.map.regions')} name={t('diag.map.name')} palette="divergentDescending" />}
      <CountTable caption={t('diag.by_territory.caption')} head={t('diag.col.territory')} rows={v.by_territory} label={(c) => (c.level === 'departement' ? `${c.key} — ${c.name}` : c.level === 'national' ? t('diag.national') : c.name ?? c.key)} testId="by-territory" />

      <h2>{t('diag.trend.heading')}</h2>
      <CountTable caption={t('diag.trend.caption')} head={t('diag.col.period_key')} rows={v.trend} label={(c) => periodLabel(c.key, t)} testId="trend" />

      <h2>{t('diag.field_view.diagnostics')}</h2>
      {v.diagnostics.length === 0 ? <p>{t('diag.field_view.none')}</p> : <DiagnosticTable rows={v.diagnostics} caption={t('diag.field_view.diagnostics')} author />}
    </>
  );
}

function CountTable({ caption, head, rows, label, testId }: { caption: string; head: string; rows: Count[]; label: (c: Count) => string; testId: string }) {
  const { t, lang } = useI18n();
  if (rows.length === 0) return <p>{t('diag.field.no_median')}</p>;
  return (
    <div class="fr-table fr-table--sm">
      <table tabIndex={0} data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {RATINGS.map((r) => (
              <th scope="col" key={r}>{t(ratingKey(r))}</th>
            ))}
            <th scope="col">{t('diag.col.median')}</th>
            <th scope="col">{t('diag.col.orgs')}</th>
            <th scope="col">{t('diag.col.distribution')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.key}>
              <th scope="row">{label(c)}</th>
              {RATINGS.map((r) => (
                <td key={r}>{c.ratings[r] ?? 0}</td>
              ))}
              <td>{medianLabel(c.median, lang, t)}</td>
              <td>{c.organisations}</td>
              <td class="vigie-bar-cell">
                <RatingBar ratings={c.ratings} label={label(c)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
