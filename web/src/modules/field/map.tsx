// The statistics' map of départements: dsfr-chart's <map-chart>, loaded only when the dashboard
// shows it (as the diagnostics' field view does), so the first visit's bundle does not carry it.
// It pictures the table beside it, which holds the accessible figures (suppressed cells are
// left out of the map, shown "< 11" in the table).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';

let loading: Promise<unknown> | null = null;
const loadMapChart = () =>
  (loading ??= Promise.all([import('@gouvfr/dsfr-chart/MapChart'), import('@gouvfr/dsfr-chart/MapChart/css')]).catch((e) => {
    loading = null;
    throw e;
  }));

// See diagnostics/territory-map.tsx: the component renders in a shadow root the page's styles
// do not reach, so they are linked inside it again (from the browser's cache).
function adoptPageStyles(el: HTMLElement) {
  const root = el.shadowRoot;
  if (!root) return;
  for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) root.append(node.cloneNode(true));
}

export function DepartementMap({ data, total, date }: { data: Record<string, number>; total: number | null; date: string }) {
  const { t } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const json = JSON.stringify(data);
  useEffect(() => {
    let live = true;
    loadMapChart()
      .then(() => {
        if (!live || !host.current) return;
        const el = document.createElement('map-chart');
        adoptPageStyles(el);
        el.setAttribute('data', json);
        el.setAttribute('value', total === null ? '' : String(total));
        el.setAttribute('name', t('field.stats.map_name'));
        el.setAttribute('level', 'dep');
        el.setAttribute('date', date);
        host.current.replaceChildren(el);
        setState('ready');
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [json, total, date]);
  return (
    <figure class="vigie-map fr-mb-2w" role="group" aria-label={t('field.stats.map')}>
      <div ref={host} data-testid="field-map" />
      {state === 'loading' && <p role="status">{t('field.stats.map_loading')}</p>}
      {state === 'failed' && (
        <div class="fr-alert fr-alert--warning fr-alert--sm" role="status">
          <p>{t('field.stats.map_failed')}</p>
        </div>
      )}
      <figcaption class="fr-text--sm">{t('field.stats.map')}</figcaption>
    </figure>
  );
}
