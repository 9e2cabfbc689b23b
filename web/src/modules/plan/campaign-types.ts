// The shapes of GET /api/v1/campaigns, /campaigns/{id} and /reporting/mine.
export interface OwedActionView {
  action_id: number;
  measure: string;
  measure_title: string;
  title: string;
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
