export type Status = 'not_started' | 'in_progress' | 'achieved' | 'delayed' | 'abandoned';
export const STATUSES: Status[] = ['not_started', 'in_progress', 'achieved', 'delayed', 'abandoned'];

export interface UpdateView {
  status: Status;
  progress: number | null;
  reported_on: string;
  author_org: string;
  author?: string;
  comment?: string;
  evidence?: string[];
  created_at?: string;
  action_id?: number;
}
export interface IndicatorView {
  id: number;
  name: string;
  unit: string;
  direction: 'up' | 'down';
  action_id: number | null;
  baseline: number | null;
  target: number | null;
  target_date: string | null;
  series: { period: string; value: number; source: string }[];
  entries: { period: string; value: number; source: string; author_org: string; author?: string; created_at: string }[];
}
export interface ActionView {
  id: number;
  title: string;
  pilots: string[];
  partners?: string[];
  weight?: number;
  cost_eur?: number | null;
  funding?: string;
  official_text_url?: string;
  status: Status;
  progress: number | string;
  overdue: boolean;
  deadline: string | null;
  latest: UpdateView | null;
}
export interface MeasureView {
  code: string;
  title: string;
  title_en: string;
  status: Status;
  progress: number | string;
  overdue: boolean;
  retired: boolean;
  weight?: number;
  actions?: ActionView[];
  sources?: string[];
  confidence?: string;
  history?: UpdateView[];
  axis?: string;
  indicators?: IndicatorView[];
}
export interface AxisView {
  code: string;
  title: string;
  title_en: string;
  progress: number | string;
  kind?: 'thematic' | 'transversal'; // transversal: a cross-cutting theme of the plan
  status?: Status;
  measures: MeasureView[];
}
export interface PlanView {
  code: string;
  title: string;
  title_en: string;
  progress: number | string;
  rule: { fr: string; en: string };
  axes: AxisView[];
}

// DSFR badge variant per status.
export const BADGE: Record<Status, string> = {
  not_started: 'fr-badge--new',
  in_progress: 'fr-badge--info',
  achieved: 'fr-badge--success',
  delayed: 'fr-badge--warning',
  abandoned: 'fr-badge--error',
};

export interface Filters {
  axis: string;
  status: string;
  pilot: string;
  overdue: boolean;
  search: string;
}

// The measures of an axis that pass the filters (search on code and title, accents ignored).
export function filterMeasures(axis: AxisView, f: Filters): MeasureView[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(f.search.trim());
  if (f.axis && axis.code !== f.axis) return [];
  return axis.measures.filter(
    (m) =>
      (!f.status || m.status === f.status) &&
      (!f.overdue || m.overdue) &&
      (!f.pilot || (m.actions ?? []).some((a) => a.pilots.includes(f.pilot))) &&
      (!q || fold(`${m.code} ${m.title} ${m.title_en}`).includes(q)),
  );
}

// The filters live in the page's address (?axe=A1&statut=late&pilote=DGT&recherche=…&en_retard=1),
// so a filtered view can be shared, bookmarked and survives a reload.
const PARAMS = { axis: 'axe', status: 'statut', pilot: 'pilote', search: 'recherche' } as const;

export function filtersFromSearch(search: string): Filters {
  const q = new URLSearchParams(search);
  return { axis: q.get(PARAMS.axis) ?? '', status: q.get(PARAMS.status) ?? '', pilot: q.get(PARAMS.pilot) ?? '', search: q.get(PARAMS.search) ?? '', overdue: q.get('en_retard') === '1' };
}

export function searchOfFilters(f: Filters): string {
  const q = new URLSearchParams();
  for (const k of ['axis', 'status', 'pilot', 'search'] as const) if (f[k]) q.set(PARAMS[k], f[k]);
  if (f.overdue) q.set('en_retard', '1');
  const s = q.toString();
  return s ? `?${s}` : '';
}
