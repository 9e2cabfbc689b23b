-- Indicators of measures (optionally of one action) and their values per period, kept as
-- dated entries: a later value for the same period supersedes, never overwrites.
CREATE TABLE plan_indicators (
  id {{id}},
  measure_id BIGINT NOT NULL REFERENCES plan_measures (id),
  action_id BIGINT REFERENCES plan_actions (id),
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  direction TEXT NOT NULL,
  baseline DOUBLE PRECISION,
  target DOUBLE PRECISION,
  target_date TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE plan_indicator_values (
  id {{id}},
  indicator_id BIGINT NOT NULL REFERENCES plan_indicators (id),
  period TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL,
  author_user_id BIGINT,
  author_org TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_indicator_values_indicator ON plan_indicator_values (indicator_id, period, id);

-- Reporting campaigns: the coordination asks the pilots of the measures in scope for an update
-- by a deadline. The scope is frozen at opening; closing stores a snapshot of the tree.
CREATE TABLE plan_campaigns (
  id {{id}},
  label TEXT NOT NULL,
  deadline TEXT NOT NULL,
  scope_all INTEGER NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by BIGINT,
  closed_at TEXT,
  snapshot TEXT
);
CREATE TABLE plan_campaign_measures (
  campaign_id BIGINT NOT NULL REFERENCES plan_campaigns (id),
  measure_id BIGINT NOT NULL REFERENCES plan_measures (id),
  PRIMARY KEY (campaign_id, measure_id)
);
-- One row per reminder sent to an organisation, so a reminder pass is idempotent.
CREATE TABLE plan_campaign_reminders (
  campaign_id BIGINT NOT NULL REFERENCES plan_campaigns (id),
  org_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  PRIMARY KEY (campaign_id, org_code, kind, sent_on)
);
