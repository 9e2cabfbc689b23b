-- Diagnostic calls: the coordination asks chosen organisations (or every organisation of some
-- types) for diagnostics on chosen measures before a date. The organisations asked are frozen
-- at opening; an organisation has answered a measure when it has published a diagnostic of it
-- since the opening (to the second). Reminders follow the kit's rule (kit/reminders.hpp).
CREATE TABLE diagnostic_calls (
  id {{id}},
  label TEXT NOT NULL,
  deadline TEXT NOT NULL,
  measures TEXT NOT NULL,
  opened_by BIGINT NOT NULL,
  opened_at TEXT NOT NULL,
  closed_at TEXT
);
CREATE TABLE diagnostic_call_targets (
  call_id BIGINT NOT NULL REFERENCES diagnostic_calls (id),
  org_id BIGINT NOT NULL,
  org_code TEXT NOT NULL,
  PRIMARY KEY (call_id, org_code)
);
CREATE TABLE diagnostic_call_notices (
  call_id BIGINT NOT NULL REFERENCES diagnostic_calls (id),
  org_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  PRIMARY KEY (call_id, org_code, kind, sent_on)
);
