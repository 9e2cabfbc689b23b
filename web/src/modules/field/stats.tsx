// The statistics dashboard (/terrain): the national picture (for everyone but the coordinator,
// the last release through disclosure control, its date shown and "< 11" explained) or, for an
// organisation that records, its own figures exact and live. Tables by form, sex, minors,
// nationality region, sector, support, year and département, and a map of the départements.
import { useState } from 'preact/hooks';
import { useI18n, type MessageKey } from '../../i18n';
import { postJson } from '../../kit/api';
import { formatDate } from '../../kit/dates';
import { MemberPage } from '../../kit/member';
import { useResource } from '../../kit/resource';
import { ResourceView } from '../../kit/resource-view';
import { can, type Me } from '../../session';
import { TerritoryMap } from '../../kit/territory-map';
import { Container, coordinator, FieldTabs, useCodeLabel, useCount, type Cell, type Codes, type Stats } from './shared';

export function StatsPage() {
  return <MemberPage>{(me) => <Dashboard me={me} />}</MemberPage>;
}

const TABLES: { dim: string; title: MessageKey; prefix: string }[] = [
  { dim: 'form_of_exploitation', title: 'field.stats.by_form', prefix: 'form' },
  { dim: 'sex', title: 'field.stats.by_sex', prefix: 'sex' },
  { dim: 'minor', title: 'field.stats.by_minor', prefix: 'minor' },
  { dim: 'nationality_region', title: 'field.stats.by_region', prefix: 'region' },
  { dim: 'sector', title: 'field.stats.by_sector', prefix: 'sector' },
  { dim: 'support', title: 'field.stats.by_support', prefix: 'support' },
  { dim: 'year', title: 'field.stats.by_year', prefix: 'year' },
];

function Dashboard({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const mineAllowed = can(me, 'field.record_read', 'own_organisation') && !coordinator(me);
  const [scope, setScope] = useState<'mine' | 'national'>(mineAllowed ? 'mine' : 'national');
  const [year, setYear] = useState('');
  const [frozen, setFrozen] = useState('');
  const query = (dims: string) => `/api/v1/field/stats?dims=${dims}${year ? `&year=${year}` : ''}${scope === 'mine' ? '&scope=mine' : ''}`;
  const byDep = useResource<Stats>(query('departement'));
  const codes = useResource<Codes>('/api/v1/field/codes');
  const depNames = Object.fromEntries((codes.data?.departements ?? []).map((d) => [d.code, `${d.code} — ${d.name}`]));
  const years = Array.from({ length: new Date().getUTCFullYear() - 2018 }, (_, i) => String(2019 + i));
  const freeze = async () => {
    const r = await postJson<{ records: number }>('/api/v1/field/releases', {}, me.csrf_token);
    setFrozen(t('field.stats.frozen', { n: r.records }));
    byDep.reload();
  };
  return (
    <Container>
      <h1>{t('field.stats.heading')}</h1>
      <FieldTabs me={me} current="/terrain" />
      <div class="fr-grid-row fr-grid-row--gutters">
        {mineAllowed && (
          <div class="fr-col-12 fr-col-md-6">
            <fieldset class="fr-fieldset" aria-labelledby="field-scope-legend">
              <legend class="fr-fieldset__legend fr-fieldset__legend--regular" id="field-scope-legend">
                {t('field.stats.scope')}
              </legend>
              {(['mine', 'national'] as const).map((s) => (
                <div class="fr-fieldset__element" key={s}>
                  <div class="fr-radio-group">
                    <input type="radio" id={`field-scope-${s}`} name="field-scope" checked={scope === s} onChange={() => setScope(s)} />
                    <label class="fr-label" for={`field-scope-${s}`}>
                      {t(s === 'mine' ? 'field.stats.scope_mine' : 'field.stats.scope_national')}
                    </label>
                  </div>
                </div>
              ))}
            </fieldset>
          </div>
        )}
        <div class="fr-col-12 fr-col-md-6">
          <div class="fr-select-group">
            <label class="fr-label" for="field-year">
              {t('field.stats.year')}
            </label>
            <select class="fr-select" id="field-year" value={year} onChange={(e) => setYear((e.target as HTMLSelectElement).value)}>
              <option value="">{t('field.stats.all_years')}</option>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
      </div>
      <ResourceView resource={byDep}>
        {(s) => (
          <>
            <div class={`fr-notice ${s.controlled ? 'fr-notice--info' : ''} fr-mb-3w`} data-testid="field-release">
              <div class="fr-container">
                <div class="fr-notice__body">
                  <p class="fr-notice__title">
                    {!s.controlled ? t('field.stats.live') : s.release ? t('field.stats.release', { date: formatDate(s.release.frozen_at, lang) }) : t('field.stats.no_release')}
                  </p>
                </div>
              </div>
            </div>
            {s.controlled && (
              <div class="fr-callout fr-mb-3w" data-testid="field-rule">
                <h2 class="fr-callout__title fr-h6">{t('field.stats.rule_title')}</h2>
                <p class="fr-callout__text fr-text--sm">{t('field.stats.rule')}</p>
              </div>
            )}
            {can(me, 'field.release_create', 'none') && (
              <p>
                <button class="fr-btn fr-btn--secondary fr-btn--sm" type="button" onClick={freeze}>
                  {t('field.stats.freeze')}
                </button>
                {frozen && <span role="status" class="fr-ml-2w">{frozen}</span>}
              </p>
            )}
            <div class="fr-grid-row fr-grid-row--gutters">
              <div class="fr-col-12 fr-col-lg-6">
                <TerritoryMap level="dep" data={mapData(s.cells)} national={totalOf(s.cells, 'departement')} updated={s.release ? s.release.frozen_at.slice(0, 10) : new Date().toISOString().slice(0, 10)} caption={t('field.stats.map')} name={t('field.stats.map_name')} testId="field-map" />
              </div>
              <div class="fr-col-12 fr-col-lg-6">
                <CountTable stats={s} dim="departement" title={t('field.stats.by_departement')} prefix="departement" names={depNames} testId="field-table-departement" />
              </div>
            </div>
          </>
        )}
      </ResourceView>
      <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
        {TABLES.map((x) => (
          <div class="fr-col-12 fr-col-md-6" key={x.dim + scope + year}>
            <DimensionTable path={query(x.dim)} dim={x.dim} title={t(x.title)} prefix={x.prefix} />
          </div>
        ))}
      </div>
    </Container>
  );
}

const mapData = (cells: Cell[]) => {
  const out: Record<string, number> = {};
  for (const c of cells) if (typeof c.departement === 'string' && c.value !== null) out[c.departement] = c.value;
  return out;
};
const totalOf = (cells: Cell[], dim: string) => cells.find((c) => c[dim] === null)?.value ?? null;

function DimensionTable({ path, dim, title, prefix }: { path: string; dim: string; title: string; prefix: string }) {
  const r = useResource<Stats>(path);
  return <ResourceView resource={r}>{(s) => <CountTable stats={s} dim={dim} title={title} prefix={prefix} testId={`field-table-${dim}`} />}</ResourceView>;
}

function CountTable({ stats, dim, title, prefix, names, testId }: { stats: Stats; dim: string; title: string; prefix: string; names?: Record<string, string>; testId: string }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const count = useCount();
  const name = (c: Cell) => (c[dim] === null ? t('field.total') : (names?.[String(c[dim])] ?? label(prefix, String(c[dim]))));
  // By name, "none" and "unknown" after the others, the total last.
  const rank = (c: Cell) => (c[dim] === null ? 2 : c[dim] === 'none' || c[dim] === 'unknown' ? 1 : 0);
  const rows = [...stats.cells].sort((a, b) => rank(a) - rank(b) || (prefix === 'year' ? String(a[dim]).localeCompare(String(b[dim])) : name(a).localeCompare(name(b), 'fr')));
  return (
    <div class="fr-table fr-table--sm">
      <table data-testid={testId}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('field.stats.col_category')}</th>
            <th scope="col">{t('field.stats.col_value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={String(c[dim])} data-cell={String(c[dim] ?? 'total')}>
              <th scope="row">{name(c)}</th>
              <td>{c.suppressed ? <abbr title={t('field.stats.rule')}>{t('field.stats.suppressed')}</abbr> : c.value === null ? '' : count(c.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
