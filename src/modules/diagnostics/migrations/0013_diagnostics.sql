-- Field diagnostics: an organisation's assessment of how a plan measure works on the ground,
-- for a territory and a period. A diagnostic is a chain of versions (lineage_id = the first
-- version's id): a published version is never changed; editing it writes a new draft version,
-- and publishing that supersedes the one before. Publishing a new diagnostic for the same
-- measure, territory and period supersedes the organisation's previous one too.
CREATE TABLE diagnostics (
  id {{id}},
  lineage_id BIGINT NOT NULL,
  version INTEGER NOT NULL,
  author_org_id BIGINT NOT NULL,
  author_org_code TEXT NOT NULL,
  author_org_type TEXT NOT NULL,
  author_user_id BIGINT NOT NULL,
  measure_code TEXT NOT NULL,
  territory TEXT NOT NULL,
  period TEXT NOT NULL,
  rating TEXT NOT NULL,
  strengths TEXT NOT NULL,
  obstacles TEXT NOT NULL,
  recommendations TEXT NOT NULL,
  evidence TEXT NOT NULL,
  visibility TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  published_at TEXT,
  superseded_at TEXT
);
CREATE INDEX diagnostics_measure_state ON diagnostics (measure_code, state);
CREATE INDEX diagnostics_state_period ON diagnostics (state, period);
CREATE INDEX diagnostics_author ON diagnostics (author_org_id, state);
CREATE INDEX diagnostics_lineage ON diagnostics (lineage_id, version);

-- The pilot organisation's answer: one per diagnostic chain, revisable; every revision kept.
CREATE TABLE diagnostic_replies (
  id {{id}},
  lineage_id BIGINT NOT NULL,
  text TEXT NOT NULL,
  author_org_id BIGINT NOT NULL,
  author_org_code TEXT NOT NULL,
  author_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX diagnostic_replies_lineage ON diagnostic_replies (lineage_id, id);

-- The committee's discussion of a diagnostic.
CREATE TABLE diagnostic_comments (
  id {{id}},
  lineage_id BIGINT NOT NULL,
  text TEXT NOT NULL,
  author_org_id BIGINT NOT NULL,
  author_org_code TEXT NOT NULL,
  author_user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX diagnostic_comments_lineage ON diagnostic_comments (lineage_id, id);

-- In-app notifications of replies and comments, per user; read_at set when seen.
CREATE TABLE diagnostic_notifications (
  id {{id}},
  user_id BIGINT NOT NULL,
  lineage_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX diagnostic_notifications_user ON diagnostic_notifications (user_id, read_at);
