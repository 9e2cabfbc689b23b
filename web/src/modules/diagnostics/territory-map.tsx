// The field view's map: dsfr-chart's <map-chart> (a Vue web component), loaded only when a field
// view shows a map, so the first visit's bundle does not carry it. Each territory's value is the
// median field rating on the 0–4 scale by default; another module passes its own value's name
// and palette (the saisines' counts per département, issue 14). The map is a picture of the table that follows it
// (the accessible figures); if the component cannot load, the page says so and keeps the table.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';

let loading: Promise<unknown> | null = null;
const loadMapChart = () =>
  (loading ??= Promise.all([import('@gouvfr/dsfr-chart/MapChart'), import('@gouvfr/dsfr-chart/MapChart/css')]).catch((e) => {
    loading = null;
    throw e;
  }));

// dsfr-chart 2.0.4 means to render without a shadow root but passes that option to
// customElements.define, where it does nothing: the map renders in an open shadow root that the
// page's DSFR styles do not reach. The page's own style sheets (already loaded, the DSFR's and
// the map's among them) are linked inside it again, from the browser's cache.
function adoptPageStyles(el: HTMLElement) {
  const root = el.shadowRoot;
  if (!root) return;
  for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) root.append(node.cloneNode(true));
}

interface Props {
  level: 'dep' | 'reg';
  data: Record<string, number>; // "93" → 1.5 (départements) or "11" → 2 (regions)
  national: number | null;
  updated: string; // the latest diagnostic's day, shown as the map's "updated"
  caption: string;
  name?: string; // what a value is (default: the field median)
  palette?: 'divergentDescending' | 'sequentialAscending'; // default: divergent, for a 0–4 rating
}

export function TerritoryMap({ level, data, national, updated, caption, name, palette = 'divergentDescending' }: Props) {
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
        el.setAttribute('value', national === null ? '' : String(Math.round(national * 10) / 10));
        el.setAttribute('name', name ?? t('diag.map.name'));
        el.setAttribute('level', level);
        el.setAttribute('date', updated);
        el.setAttribute('selected-palette', palette);
        host.current.replaceChildren(el);
        setState('ready');
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [json, level, national, updated, name, palette]);
  return (
    <figure class="vigie-map fr-mb-2w" role="group" aria-label={caption}>
      <div ref={host} data-testid={`map-${level}`} />
      {state === 'loading' && <p role="status">{t('diag.map.loading')}</p>}
      {state === 'failed' && (
        <div class="fr-alert fr-alert--warning fr-alert--sm" role="status">
          <p>{t('diag.map.failed')}</p>
        </div>
      )}
      <figcaption class="fr-text--sm">
        {caption} {t('diag.map.table_note')}
      </figcaption>
    </figure>
  );
}
