// The divergence board (/divergence): every measure in force with the gap between its official
// picture and the field's, flagged ones first; filters by axis, territory, actor type and period
// in the address; each row links to the measure's field view; the same table as CSV or XLSX.
import { useI18n, type MessageKey } from '../../i18n';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { ProgressBar } from '../plan/plan';
import { BADGE, type Status } from '../plan/types';
import { fieldViewHref, medianLabel, numberLabel, periodLabel } from './format';
import { ActorSelect, PeriodSelect } from './field-view';
import { apiQuery, useQueryState } from './query';
import type { Board } from './types';
import { TerritorySelect } from './write';

const FILTERS = ['axe', 'periode', 'territoire', 'acteur'] as const;

export function BoardPage() {
  return <MemberPage>{() => <BoardOf />}</MemberPage>;
}

function BoardOf() {
  const { t, lang } = useI18n();
  const [f, setF] = useQueryState(FILTERS);
  const query = apiQuery({ period: f.periode, territory: f.territoire, actor_type: f.acteur, axis: f.axe });
  const board = useResource<Board>(`/api/v1/divergence${query}`);
  // The downloads in the reader's language (French headers, ';' and decimal commas by default).
  const exportQuery = apiQuery({ period: f.periode, territory: f.territoire, actor_type: f.acteur, axis: f.axe, lang: lang === 'en' ? 'en' : '' });
  // The axes come from an unfiltered board's rows; a filtered one still lists the chosen axis.
  const all = useResource<Board>('/api/v1/divergence');
  const axes = [...new Set([...(all.data?.measures ?? []).map((m) => m.axis), ...(f.axe ? [f.axe] : [])])].sort();
  const carried = { periode: f.periode, territoire: f.territoire, acteur: f.acteur };
  const title = (m: { title_fr: string; title_en: string }) => (lang === 'en' && m.title_en ? m.title_en : m.title_fr);
  return (
    <div class="fr-container fr-my-6w">
      <h1>{t('diag.board.heading')}</h1>
      {board.data && <p class="fr-text--lead">{t('diag.board.lead', { period: periodLabel(board.data.period, t) })}</p>}
      <form class="fr-mb-3w" aria-label={t('diag.filters')} onSubmit={(e) => e.preventDefault()}>
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <div class="fr-select-group">
              <label class="fr-label" for="board-axis">{t('diag.filter.axis')}</label>
              <select class="fr-select" id="board-axis" value={f.axe} onChange={(e) => setF('axe', (e.target as HTMLSelectElement).value)}>
                <option value="">{t('diag.filter.all')}</option>
                {axes.map((a) => (
                  <option key={a} value={a}>{a}</option>
                ))}
              </select>
            </div>
          </div>
          <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <PeriodSelect id="board-period" value={f.periode || board.data?.period || ''} onChange={(v) => setF('periode', v)} />
          </div>
          <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <TerritorySelect id="board-territory" label={t('diag.filter.territory')} value={f.territoire || 'national'} onChange={(v) => setF('territoire', v === 'national' ? '' : v)} />
          </div>
          <div class="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <ActorSelect id="board-actor" value={f.acteur} onChange={(v) => setF('acteur', v)} />
          </div>
        </div>
      </form>
      <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
        <li>
          <a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/api/v1/divergence.csv${exportQuery}`} download>{t('diag.board.csv')}</a>
        </li>
        <li>
          <a class="fr-btn fr-btn--secondary fr-btn--sm" href={`/api/v1/divergence.xlsx${exportQuery}`} download>{t('diag.board.xlsx')}</a>
        </li>
      </ul>
      <ResourceView resource={board}>
        {(b) =>
          b.measures.length === 0 ? (
            <p>{t('diag.board.none')}</p>
          ) : (
            <>
              <details class="fr-mb-3w">
                <summary>{t('diag.divergence.rule')}</summary>
                <p class="fr-mt-2w">{lang === 'en' ? b.rule.en : b.rule.fr}</p>
              </details>
              <div class="fr-table fr-table--sm">
                <table tabIndex={0} data-testid="divergence-board">
                  <caption>{t('diag.board.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('diag.col.rank')}</th>
                      <th scope="col">{t('diag.col.measure')}</th>
                      <th scope="col">{t('diag.col.official')}</th>
                      <th scope="col">{t('diag.col.field')}</th>
                      <th scope="col">{t('diag.col.score')}</th>
                      <th scope="col">{t('diag.col.flag')}</th>
                      <th scope="col">{t('diag.col.orgs')}</th>
                      <th scope="col">{t('diag.col.diagnostics')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.measures.map((m, i) => (
                      <tr key={m.code} data-testid={`board-${m.code}`}>
                        <td>{i + 1}</td>
                        <th scope="row">
                          <a href={fieldViewHref(m.code, carried)} aria-label={t('diag.board.field_view', { code: m.code })}>{m.code}</a>
                          <span class="fr-text--xs vigie-board-title"> {title(m)}</span>
                        </th>
                        <td>
                          <p class={`fr-badge fr-badge--sm ${BADGE[m.official.status as Status] ?? ''}`}>{t(`plan.status.${m.official.status}` as MessageKey)}</p>
                          <ProgressBar value={m.official.progress} label={t('plan.measure_progress', { code: m.code })} />
                        </td>
                        <td>{medianLabel(m.field_median, lang, t)}</td>
                        <td>{numberLabel(m.score, lang, true)}</td>
                        <td>{m.flagged ? <p class="fr-badge fr-badge--sm fr-badge--error">{t('diag.divergence.flagged')}</p> : '—'}</td>
                        <td>{m.organisations}</td>
                        <td>{m.diagnostics}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </ResourceView>
    </div>
  );
}
