// The saisines API's shapes (src/modules/saisines/routes.cpp) and its fixed lists: categories,
// kinds of dated event (what the checklist reads), reasons, parts a filer may share.
import { TERRITORIES } from '../../kit/territories';

export const CATEGORIES = ['residence_permit', 'reflection_period', 'shelter', 'complaint_handling', 'identification', 'minors', 'compensation', 'labour_inspection', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const EVENT_KINDS = ['complaint', 'authority_request', 'authority_answer', 'reminder', 'identification', 'shelter_request', 'child_protection_referral', 'labour_inspection_report', 'compensation_claim', 'hearing'] as const;
export const SHAREABLE = ['facts', 'chronology', 'steps', 'expected'] as const;
export const NOT_RESOLVED_REASONS = ['refused', 'no_answer', 'legal_obstacle', 'outside_remit', 'other'] as const;
export const DECLINED_REASONS = ['insufficient_documentation', 'outside_remit', 'duplicate', 'other'] as const;
export const AUTHORITY_TYPES = ['prefecture', 'parquet', 'police', 'ministry'];
export type State = 'draft' | 'submitted' | 'needs_information' | 'accepted' | 'referred' | 'answered' | 'resolved' | 'not_resolved' | 'closed' | 'declined' | 'withdrawn';
export const DEPARTEMENTS = TERRITORIES.filter((x) => x.level === 'departement');

// The longest texts the server takes (service.cpp).
export const FACTS_LIMIT = 20000;
export const TEXT_LIMIT = 5000;

export interface ChronologyEntry {
  date: string;
  event: string;
  kind: string;
}
export interface Step {
  date: string;
  step: string;
}
export interface ChecklistLine {
  key: string;
  label: { fr: string; en: string };
  done: boolean;
}
export interface TimelineEntry {
  from: State;
  to: State;
  at: string;
  organisation: string;
  reason: string | null;
  message: string | null;
}
export interface ThreadMessage {
  id: number;
  thread: 'filer' | 'authority';
  organisation: string;
  text: string;
  created_at: string;
}

export interface AttachmentInfo {
  id: number;
  name: string;
  media_type: string;
  size: number;
  organisation: string;
  created_at: string;
}

export interface Saisine {
  id: number;
  view: 'full' | 'authority';
  state: State;
  title?: string;
  filer?: string;
  category: Category;
  authority: string;
  authority_name: string;
  authority_type: string;
  departement: string;
  departement_name?: string;
  measures: string[];
  facts?: string;
  chronology?: ChronologyEntry[];
  persons?: number | null;
  steps?: Step[];
  expected?: string;
  shared: string[];
  summary?: string;
  outcome_reason: string;
  committee_flag: boolean;
  overdue: boolean;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
  referred_at: string | null;
  triage_due: string | null;
  answer_due: string | null;
  checklist?: ChecklistLine[];
  documented?: boolean;
  timeline?: TimelineEntry[];
  allowed_transitions: State[];
  threads?: { filer: ThreadMessage[]; authority: ThreadMessage[] };
  attachments?: AttachmentInfo[];
}

export interface Figure {
  key: string;
  cases: number | null;
  median_days_to_triage: number | null;
  p90_days_to_triage: number | null;
  median_days_to_answer: number | null;
  p90_days_to_answer: number | null;
  median_days_to_resolution: number | null;
  p90_days_to_resolution: number | null;
  share_unblocked: number | null;
}
export interface Figures {
  controlled: boolean;
  overall: Figure;
  by_category: Figure[];
  by_authority_type: Figure[];
  by_departement: Figure[];
  deadlines: { triage_days: number; answer_days: number; escalation_days: number };
}

export const departementName = (code: string) => DEPARTEMENTS.find((d) => d.code === code)?.name ?? code;
