// The diagnostics API's shapes (src/modules/diagnostics/routes.cpp), the rating scale in its
// order, and the territories a diagnostic may name (kit/territories.ts).

export type Rating = 'not_implemented' | 'weak' | 'partial' | 'substantial' | 'effective' | 'unknown';
// Worst to best, then "don't know" (counted in no median).
export const RATINGS: readonly Rating[] = ['not_implemented', 'weak', 'partial', 'substantial', 'effective', 'unknown'];
export type Visibility = 'committee' | 'coordination';
export type State = 'draft' | 'published' | 'superseded';

// A link (url + label), a figure with its source (figure + source + label), or both.
export interface Evidence {
  url: string;
  label: string;
  figure: string;
  source: string;
}

export interface Diagnostic {
  id: number;
  lineage_id: number;
  version: number;
  author_organisation: string;
  author_type: string;
  measure: string;
  territory: string;
  territory_name?: string;
  period: string;
  rating: Rating;
  strengths: string;
  obstacles: string;
  recommendations: string;
  evidence: Evidence[];
  visibility: Visibility;
  state: State;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  superseded_at: string | null;
}

export interface Message {
  id: number;
  text: string;
  organisation: string;
  created_at: string;
}

export interface DiagnosticDetail extends Diagnostic {
  versions: Diagnostic[];
  reply: Message | null;
  replies: Message[];
  comments: Message[];
}

export interface Notification {
  id: number;
  diagnostic: number; // the chain's first version
  kind: 'reply' | 'comment' | 'published' | string;
  measure: string;
  created_at: string;
  read: boolean;
}

export type RatingCounts = Record<Rating, number>;
export interface Count {
  key: string;
  ratings: RatingCounts;
  median: number | null;
  organisations: number;
  name?: string;
  level?: 'national' | 'region' | 'departement';
}

export interface Official {
  status: string;
  progress: number;
  last_report_on: string | null;
}

export interface DivergenceView {
  score: number | null;
  flagged: boolean;
  official_level: number | null;
  field_median: number | null;
  organisations: number;
  actor_types: number;
}

export interface FieldView {
  measure: { code: string; axis: string; title_fr: string; title_en: string; theme?: boolean };
  official: Official;
  period: string;
  territory: string;
  by_actor_type: Count[];
  by_territory: Count[];
  trend: Count[];
  divergence: DivergenceView & { rule: { fr: string; en: string } };
  diagnostics: Diagnostic[];
}

export interface BoardRow extends DivergenceView {
  code: string;
  axis: string;
  title_fr: string;
  title_en: string;
  official: Official;
  diagnostics: number;
}
export interface Board {
  period: string;
  rule: { fr: string; en: string };
  measures: BoardRow[];
}

export { TERRITORIES, territoryName, type Territory } from '../../kit/territories';

// Actor types of the committee (organisation types other than the platform's own).
export const ACTOR_TYPES = ['coordination', 'ministry', 'prefecture', 'parquet', 'police', 'association', 'union', 'independent_body'] as const;

// The longest text a field takes in the form (the counter's limit).
export const TEXT_LIMIT = 10000;

// The periods offered: this year and its quarters, and the two years before.
export function periodChoices(now = new Date()): string[] {
  const y = now.getUTCFullYear();
  const out: string[] = [];
  for (const year of [y, y - 1, y - 2]) out.push(String(year), ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`));
  return out;
}

// A median on the 0–4 scale as a rating word's key (rounded to the nearest level).
export function ratingOfLevel(level: number | null): Rating | null {
  if (level === null || level === undefined) return null;
  return RATINGS[Math.max(0, Math.min(4, Math.round(level)))];
}
