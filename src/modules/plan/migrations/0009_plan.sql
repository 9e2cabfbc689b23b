-- The plan referential (plan > axes > measures > actions), pilots, and the dated progress
-- updates of actions (never overwritten: the current state is the latest update).
CREATE TABLE plans (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  title_fr TEXT NOT NULL,
  title_en TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL
);
CREATE TABLE plan_axes (
  id {{id}},
  plan_id BIGINT NOT NULL REFERENCES plans (id),
  code TEXT NOT NULL UNIQUE,
  title_fr TEXT NOT NULL,
  title_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  weight INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE plan_measures (
  id {{id}},
  axis_id BIGINT NOT NULL REFERENCES plan_axes (id),
  code TEXT NOT NULL UNIQUE,
  title_fr TEXT NOT NULL,
  title_en TEXT NOT NULL,
  position INTEGER NOT NULL,
  weight INTEGER NOT NULL DEFAULT 1,
  confidence TEXT NOT NULL,
  sources TEXT NOT NULL,
  retired_at TEXT
);
CREATE TABLE plan_actions (
  id {{id}},
  measure_id BIGINT NOT NULL REFERENCES plan_measures (id),
  title_fr TEXT NOT NULL,
  position INTEGER NOT NULL,
  weight INTEGER NOT NULL DEFAULT 1,
  deadline TEXT,
  cost_eur BIGINT,
  funding TEXT NOT NULL,
  official_text_url TEXT NOT NULL,
  partners TEXT NOT NULL
);
CREATE TABLE plan_action_pilots (
  action_id BIGINT NOT NULL REFERENCES plan_actions (id),
  org_code TEXT NOT NULL,
  PRIMARY KEY (action_id, org_code)
);
CREATE TABLE plan_action_updates (
  id {{id}},
  action_id BIGINT NOT NULL REFERENCES plan_actions (id),
  status TEXT NOT NULL,
  progress INTEGER,
  comment TEXT NOT NULL,
  evidence TEXT NOT NULL,
  reported_on TEXT NOT NULL,
  author_user_id BIGINT,
  author_org TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_action_updates_action ON plan_action_updates (action_id, id);
