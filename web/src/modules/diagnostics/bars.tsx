// A row of field ratings as one stacked horizontal bar (SVG: no inline style, so the strict CSP
// holds), worst to best, "don't know" last in grey. The numbers are in the table beside it; the
// bar's accessible name repeats them.
import { useI18n } from '../../i18n';
import { ratingKey } from './format';
import { RATINGS, type RatingCounts } from './types';

export function RatingBar({ ratings, label }: { ratings: RatingCounts; label: string }) {
  const { t } = useI18n();
  const total = RATINGS.reduce((n, r) => n + (ratings[r] ?? 0), 0);
  if (total === 0) return <span>—</span>;
  let x = 0;
  const parts = RATINGS.filter((r) => ratings[r] > 0).map((r) => `${t(ratingKey(r))} ${ratings[r]}`).join(', ');
  return (
    <svg class="vigie-bar" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label={t('diag.bar_label', { label, parts })}>
      {RATINGS.map((r) => {
        const w = ((ratings[r] ?? 0) / total) * 100;
        const rect = w > 0 ? <rect key={r} class={`vigie-bar__${r}`} x={x} y={0} width={w} height={12} /> : null;
        x += w;
        return rect;
      })}
    </svg>
  );
}

// The legend of the bars' colours.
export function RatingLegend() {
  const { t } = useI18n();
  return (
    <ul class="vigie-legend" aria-hidden="true">
      {RATINGS.map((r) => (
        <li key={r}>
          <svg viewBox="0 0 10 10" class="vigie-legend__swatch">
            <rect class={`vigie-bar__${r}`} width={10} height={10} />
          </svg>
          {t(ratingKey(r))}
        </li>
      ))}
    </ul>
  );
}
