// The saisines' figures: median and 90th-percentile times to triage, to the authority's answer
// and to the conclusion, and the share unblocked, overall and by category, type of authority and
// département, and the map of recurring blocks (saisines per département, all categories or
// one). Beyond the coordinator the server has applied disclosure control: a suppressed group
// shows "not published", never a number, and is left uncoloured on the map. The map is the
// diagnostics module's (loaded lazily); the table under it gives the same figures.
import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { TerritoryMap } from '../../kit/territory-map';
import { CATEGORIES, departementName, type Figure, type Figures } from './types';

export function FiguresPage() {
  return <MemberPage>{() => <FiguresView />}</MemberPage>;
}

function FiguresView() {
  const { t } = useI18n();
  const f = useResource<Figures>('/api/v1/saisines/stats');
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('sais.figures.heading')}</h1>
      <p>{t('sais.figures.lead')}</p>
      <ResourceView resource={f}>
        {(x) => (
          <>
            <p class="fr-text--sm" data-testid="saisine-figures-control">{x.controlled ? t('sais.figures.controlled') : t('sais.figures.exact')}</p>
            <p class="fr-text--sm">{t('sais.figures.targets', { triage: x.deadlines.triage_days, answer: x.deadlines.answer_days })}</p>
            <FigureTable id="overall" heading={t('sais.figures.overall')} rows={[x.overall]} label={() => t('sais.figures.total')} />
            <FigureTable id="category" heading={t('sais.figures.by_category')} rows={x.by_category} label={(k) => (k === 'unknown' ? t('sais.figures.unknown') : t(`sais.category.${k}` as MessageKey))} />
            <FigureTable id="authority" heading={t('sais.figures.by_authority_type')} rows={x.by_authority_type} label={(k) => (k === 'unknown' ? t('sais.figures.unknown') : t(`sais.type.${k}` as MessageKey))} />
            <FigureTable id="departement" heading={t('sais.figures.by_departement')} rows={x.by_departement} label={(k) => (k === 'unknown' ? t('sais.figures.unknown') : `${k} — ${departementName(k)}`)} />
          </>
        )}
      </ResourceView>
      <BlocksMap />
    </div>
  );
}

// The map of recurring blocks: its own request, so that choosing a category redraws the map
// and its table only.
function BlocksMap() {
  const { t, lang } = useI18n();
  const [category, setCategory] = useState('');
  const f = useResource<Figures>(`/api/v1/saisines/stats${category ? `?category=${category}` : ''}`);
  const n = (v: number) => v.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR');
  return (
    <section class="fr-mt-6w" aria-labelledby="sais-map-heading" data-testid="saisine-map">
      <h2 class="fr-h4" id="sais-map-heading">{t('sais.map.heading')}</h2>
      <div class="fr-select-group">
        <label class="fr-label" for="sais-map-category">{t('sais.map.category')}</label>
        <select class="fr-select" id="sais-map-category" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value)}>
          <option value="">{t('sais.map.all')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>{t(`sais.category.${c}` as MessageKey)}</option>
          ))}
        </select>
      </div>
      <ResourceView resource={f}>
        {(x) => {
          // Only published counts are drawn: a suppressed département gets no colour and no value.
          const rows = x.by_departement.filter((r) => r.key !== 'unknown');
          const data: Record<string, number> = {};
          for (const r of rows) if (r.cases !== null) data[r.key] = r.cases;
          const total = x.overall.cases;
          return (
            <>
              {Object.keys(data).length > 0 ? (
                <TerritoryMap level="dep" data={data} national={category ? null : total} updated={new Date().toISOString().slice(0, 10)} caption={t('sais.map.caption')} name={t('sais.map.name')} />
              ) : (
                <p data-testid="saisine-map-empty">{t('sais.map.nothing')}</p>
              )}
              <p class="fr-text--sm" data-testid="saisine-map-legend">{t('sais.map.legend')}{x.controlled ? ` ${t('sais.map.legend_controlled')}` : ''}</p>
              <div class="fr-table fr-table--sm fr-table--no-caption">
                <table tabIndex={0} data-testid="saisine-map-table">
                  <caption>{t('sais.map.table')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('sais.map.departement')}</th>
                      <th scope="col">{t('sais.figures.cases')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={r.key} data-testid={`map-row-${r.key}`}>
                        <th scope="row">{`${r.key} — ${departementName(r.key)}`}</th>
                        <td>{r.cases === null ? t('sais.figures.suppressed') : n(r.cases)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </ResourceView>
    </section>
  );
}

function FigureTable({ id, heading, rows, label }: { id: string; heading: string; rows: Figure[]; label: (key: string) => string }) {
  const { t, lang } = useI18n();
  const n = (v: number | null) => (v === null ? '—' : v.toLocaleString(lang === 'en' ? 'en-GB' : 'fr-FR'));
  const days = (m: number | null, p: number | null) => (m === null ? '—' : t('sais.figures.days', { median: n(m), p90: n(p) }));
  return (
    <section class="fr-mt-4w" aria-labelledby={`sais-fig-${id}`}>
      <h2 class="fr-h4" id={`sais-fig-${id}`}>{heading}</h2>
      <div class="fr-table fr-table--sm fr-table--no-caption">
        <table tabIndex={0} data-testid={`saisine-figures-${id}`}>
          <caption>{heading}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sais.figures.key')}</th>
              <th scope="col">{t('sais.figures.cases')}</th>
              <th scope="col">{t('sais.figures.triage')}</th>
              <th scope="col">{t('sais.figures.answer')}</th>
              <th scope="col">{t('sais.figures.resolution')}</th>
              <th scope="col">{t('sais.figures.unblocked')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={`figure-${id}-${r.key}`}>
                <th scope="row">{label(r.key)}</th>
                {r.cases === null ? (
                  <td colSpan={5}>{t('sais.figures.suppressed')}</td>
                ) : (
                  <>
                    <td data-testid="figure-cases">{n(r.cases)}</td>
                    <td>{days(r.median_days_to_triage, r.p90_days_to_triage)}</td>
                    <td>{days(r.median_days_to_answer, r.p90_days_to_answer)}</td>
                    <td>{days(r.median_days_to_resolution, r.p90_days_to_resolution)}</td>
                    <td data-testid="figure-unblocked">{r.share_unblocked === null ? '—' : `${n(r.share_unblocked)} %`}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
