// A measure's indicators: each one's chart of values against its target, the values table,
// the form pilots use to record a value, and the coordination's form to add an indicator.
import { formatDate } from '../../kit/dates';
import { useI18n } from '../../i18n';
import { sendJson } from '../../kit/api';
import { FormField, SelectField } from '../../kit/fields';
import { FormSummary, useForm } from '../../kit/form';
import { can, type Me } from '../../session';
import { CHART, chartGeometry } from './chart';
import type { IndicatorView, MeasureView } from './types';

function useNumber() {
  const { lang } = useI18n();
  return (v: number | null) => (v === null ? '—' : new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 2 }).format(v));
}

function Chart({ indicator }: { indicator: IndicatorView }) {
  const { t } = useI18n();
  const fmt = useNumber();
  if (indicator.series.length === 0) return <p>{t('plan.no_values')}</p>;
  const g = chartGeometry(indicator.series, indicator.target, indicator.baseline);
  const label = t('plan.chart_label', { name: indicator.name, target: fmt(indicator.target) });
  return (
    <svg class="vigie-chart" viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={label} data-testid={`chart-${indicator.id}`}>
      {g.ticks.map((tick) => (
        <g key={tick.value}>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} class="vigie-chart__grid" />
          <text x={CHART.left - 6} y={tick.y + 4} text-anchor="end" class="vigie-chart__label">{fmt(tick.value)}</text>
        </g>
      ))}
      {g.targetY !== null && (
        <g>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={g.targetY} y2={g.targetY} class="vigie-chart__target" />
          <text x={CHART.width - CHART.right} y={g.targetY - 4} text-anchor="end" class="vigie-chart__label">{t('plan.chart_target')} {fmt(indicator.target)}</text>
        </g>
      )}
      {g.baselineY !== null && (
        <g>
          <line x1={CHART.left} x2={CHART.width - CHART.right} y1={g.baselineY} y2={g.baselineY} class="vigie-chart__baseline" />
          <text x={CHART.left + 4} y={g.baselineY - 4} class="vigie-chart__label">{t('plan.baseline')} {fmt(indicator.baseline)}</text>
        </g>
      )}
      <polyline points={g.points.map((p) => `${p.x},${p.y}`).join(' ')} class="vigie-chart__line" />
      {g.points.map((p) => (
        <g key={p.period}>
          <circle cx={p.x} cy={p.y} r={4} class="vigie-chart__point" />
          <text x={p.x} y={CHART.height - 10} text-anchor="middle" class="vigie-chart__label">{p.period}</text>
        </g>
      ))}
    </svg>
  );
}

function ValueForm({ me, indicator, onDone }: { me: Me; indicator: IndicatorView; onDone: () => void }) {
  const { t } = useI18n();
  const form = useForm({ period: String(new Date().getFullYear()), value: '', source: '' });
  const { values: v, errors } = form;
  const id = (n: string) => `indicator-${indicator.id}-${n}`;
  const submit = form.submit(
    (x) => {
      const number = x.value.trim() === '' ? null : Number(x.value.replace(',', '.'));
      return sendJson('POST', `/api/v1/indicators/${indicator.id}/values`, { period: x.period, value: number !== null && Number.isFinite(number) ? number : null, source: x.source }, me.csrf_token);
    },
    {
      onSuccess: () => {
        form.set('value', '');
        onDone();
      },
    },
  );
  return (
    <form onSubmit={submit} noValidate aria-label={`${t('plan.record_value')} — ${indicator.name}`} class="fr-mt-2w">
      <FormSummary form={form} idOf={id} success={form.saved && t('plan.changes_saved')} />
      <div class="fr-grid-row fr-grid-row--gutters">
        <div class="fr-col-12 fr-col-md-3">
          <FormField id={id('period')} label={t('plan.period')} hint={t('plan.period_hint')} value={v.period} error={errors.period} onInput={(x) => form.set('period', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-3">
          <FormField id={id('value')} label={`${t('plan.value')} (${indicator.unit})`} inputMode="numeric" value={v.value} error={errors.value} onInput={(x) => form.set('value', x)} />
        </div>
        <div class="fr-col-12 fr-col-md-6">
          <FormField id={id('source')} label={t('plan.source')} value={v.source} error={errors.source} onInput={(x) => form.set('source', x)} />
        </div>
      </div>
      <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>{t('plan.record_value')}</button>
    </form>
  );
}

function NewIndicatorForm({ me, measure, onDone }: { me: Me; measure: MeasureView; onDone: () => void }) {
  const { t } = useI18n();
  const empty = { name: '', unit: '', direction: 'up', baseline: '', target: '', target_date: '', action_id: '' };
  const form = useForm(empty);
  const { values: f, errors } = form;
  const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));
  const submit = form.submit((x) => sendJson('POST', `/api/v1/measures/${encodeURIComponent(measure.code)}/indicators`, { ...x, baseline: num(x.baseline), target: num(x.target), action_id: num(x.action_id) }, me.csrf_token), {
    onSuccess: () => {
      form.setValues(empty);
      onDone();
    },
  });
  const field = (name: Exclude<keyof typeof empty, 'action_id' | 'direction'>, label: string, hint?: string) => (
    <FormField id={`new-indicator-${name}`} label={label} hint={hint} value={f[name]} error={errors[name]} onInput={(v) => form.set(name, v)} />
  );
  return (
    <details class="fr-mt-3w">
      <summary>{t('plan.add_indicator')}</summary>
      <form onSubmit={submit} noValidate aria-label={t('plan.add_indicator')} class="fr-mt-2w">
        <FormSummary form={form} idOf={(n) => `new-indicator-${n}`} />
        {field('name', t('plan.indicator_name'))}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">{field('unit', t('plan.unit'))}</div>
          <div class="fr-col-12 fr-col-md-4">
            <SelectField id="new-indicator-direction" label={t('plan.direction')} value={f.direction} error={errors.direction} options={[{ value: 'up', label: t('plan.direction.up') }, { value: 'down', label: t('plan.direction.down') }]} onChange={(v) => form.set('direction', v)} />
          </div>
        </div>
        {(measure.actions ?? []).length > 1 && (
          <SelectField
            id="new-indicator-action_id"
            label={t('plan.indicator_action')}
            value={f.action_id}
            error={errors.action_id}
            options={[{ value: '', label: t('plan.indicator_whole_measure') }, ...(measure.actions ?? []).map((a) => ({ value: String(a.id), label: a.title }))]}
            onChange={(v) => form.set('action_id', v)}
          />
        )}
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-4">{field('baseline', t('plan.baseline'))}</div>
          <div class="fr-col-12 fr-col-md-4">{field('target', t('plan.target'))}</div>
          <div class="fr-col-12 fr-col-md-4">{field('target_date', t('plan.target_date'))}</div>
        </div>
        <button class="fr-btn fr-btn--secondary" type="submit" disabled={form.busy}>{t('plan.add_indicator')}</button>
      </form>
    </details>
  );
}

export function IndicatorsSection({ me, measure, onChange }: { me: Me; measure: MeasureView; onChange: () => void }) {
  const { t, lang } = useI18n();
  const fmt = useNumber();
  const indicators = measure.indicators ?? [];
  // The pilots of the indicator's action, or of any action of the measure, record its values.
  const canRecord = (i: IndicatorView) => {
    const pilot = (measure.actions ?? []).some((a) => (i.action_id === null || a.id === i.action_id) && a.pilots.includes(me.organisation.code));
    return can(me, 'plan.report', pilot ? 'pilot' : 'none');
  };
  const actionTitle = (id: number | null) => (measure.actions ?? []).find((a) => a.id === id)?.title;
  return (
    <section aria-labelledby="indicators-heading" class="fr-mb-5w">
      <h2 id="indicators-heading">{t('plan.indicators')}</h2>
      {indicators.length === 0 && <p>{t('plan.no_indicators')}</p>}
      {indicators.map((i) => (
        <div key={i.id} class="vigie-action fr-p-3w fr-mb-3w" data-testid={`indicator-${i.id}`}>
          <h3 class="fr-h5">
            {i.name} ({i.unit}) <span class="fr-badge fr-badge--sm">{t(i.direction === 'up' ? 'plan.direction.up' : 'plan.direction.down')}</span>
          </h3>
          {i.action_id !== null && <p class="fr-text--sm fr-mb-1v">{t('label_value', { label: t('plan.indicator_action'), value: actionTitle(i.action_id) ?? '—' })}</p>}
          <p class="fr-text--sm">{t('plan.baseline_target', { baseline: fmt(i.baseline), target: fmt(i.target), date: formatDate(i.target_date, lang) })}</p>
          <Chart indicator={i} />
          {i.series.length > 0 && (
            <div class="fr-table fr-table--sm">
              <table>
                <caption>{t('plan.values_table', { name: i.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('plan.period')}</th>
                    <th scope="col">{t('plan.value')}</th>
                    <th scope="col">{t('plan.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {i.series.map((v) => (
                    <tr key={v.period}>
                      <td>{v.period}</td>
                      <td>{fmt(v.value)}</td>
                      <td>{v.source}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {canRecord(i) && <ValueForm me={me} indicator={i} onDone={onChange} />}
        </div>
      ))}
      {can(me, 'plan.manage', 'none') && <NewIndicatorForm me={me} measure={measure} onDone={onChange} />}
    </section>
  );
}
