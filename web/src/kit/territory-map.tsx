// A map of départements or regions: dsfr-chart's <map-chart> (a Vue web component), loaded only
// when a page shows a map, so the first visit's bundle does not carry it. The map is a picture
// of the table the page shows with it (the accessible figures, suppressed cells included); if
// the component cannot load, the page says so and keeps the table. Each module passes what a
// value is (`name`) and the palette that suits it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { formatDate } from './dates';

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
  national: number | null; // the value for the whole country, shown beside the map
  updated: string; // the day the figures are of (YYYY-MM-DD), shown as the map's "updated"
  caption: string;
  name: string; // what a value is ("Profils", "Médiane du terrain (0 à 4)")
  palette?: 'divergentDescending' | 'sequentialAscending';
  testId?: string;
}

export function TerritoryMap({ level, data, national, updated, caption, name, palette = 'sequentialAscending', testId }: Props) {
  const { t, lang } = useI18n();
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
        el.setAttribute('name', name);
        el.setAttribute('level', level);
        el.setAttribute('date', formatDate(updated, lang));
        el.setAttribute('selected-palette', palette);
        host.current.replaceChildren(el);
        setState('ready');
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
    };
  }, [json, level, national, updated, name, palette, lang]);
  return (
    <figure class="vigie-map fr-mb-2w" role="group" aria-label={caption}>
      <div ref={host} data-testid={testId ?? `map-${level}`} />
      {state === 'loading' && <p role="status">{t('map.loading')}</p>}
      {state === 'failed' && (
        <div class="fr-alert fr-alert--warning fr-alert--sm" role="status">
          <p>{t('map.failed')}</p>
        </div>
      )}
      <figcaption class="fr-text--sm">
        {caption}
        {/[.!?]$/.test(caption) ? ' ' : '. '}
        {t('map.table_note')}
      </figcaption>
    </figure>
  );
}
