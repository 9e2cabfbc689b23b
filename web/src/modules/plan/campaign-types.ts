// The shapes of GET /api/v1/campaigns, /campaigns/{id} and /reporting/mine.
export interface OwedActionView {
  action_id: number;
  measure: string;
  measure_title: string;
  measure_title_en?: string; // "" when the plan has none: the French title is shown
  title: string; // actions have a French title only
  pilots: string[];
  reported_at: string | null;
}
export interface CampaignView {
  id: number;
  label: string;
  deadline: string;
  opened_at: string;
  closed_at: string | null;
  scope_all: boolean;
  measures: string[];
  reported: number;
  total: number;
  by_organisation: { organisation: string; owed: number; reported: number }[];
  actions?: OwedActionView[];
  snapshot?: { closed_at: string; reported: number; total: number; plan?: { progress: number | string } };
}

// Completion as a percentage (0 when the campaign waits for nothing).
export const completion = (c: { reported: number; total: number }) => (c.total === 0 ? 0 : (100 * c.reported) / c.total);

// The titles of an owed action in the UI's language (French when there is no English one).
export const owedTitles = (a: OwedActionView, lang: string) => ({
  measure: lang === 'en' && a.measure_title_en ? a.measure_title_en : a.measure_title,
  action: a.title,
});
