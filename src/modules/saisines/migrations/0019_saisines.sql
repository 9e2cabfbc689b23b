-- Saisines: documented blocking cases an organisation files with the coordinator, who takes
-- them up with the authority concerned (a prefecture, a parquet, a police office, a ministry).
-- Narrative columns (*_sealed) hold text sealed with the key file's key ("sb1:…", see
-- security/secret_box.hpp): a copy of the database alone yields no facts, no chronology, no
-- summary and no message. The dates of each stage are kept on the case for the figures; the
-- transitions table is the signed history the timeline shows.
CREATE TABLE saisines (
  id {{id}},
  filer_org_id BIGINT NOT NULL,
  filer_org_code TEXT NOT NULL,
  filer_user_id BIGINT NOT NULL,
  title_sealed TEXT NOT NULL,
  category TEXT NOT NULL,
  authority_org_id BIGINT,
  authority_code TEXT,
  authority_type TEXT,
  departement TEXT,
  measures TEXT NOT NULL,
  facts_sealed TEXT NOT NULL,
  chronology_sealed TEXT NOT NULL,
  persons BIGINT,
  steps_sealed TEXT NOT NULL,
  expected_sealed TEXT NOT NULL,
  shared TEXT NOT NULL,
  summary_sealed TEXT,
  state TEXT NOT NULL,
  outcome_reason TEXT,
  committee_flag INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  triaged_at TEXT,
  referred_at TEXT,
  answered_at TEXT,
  concluded_at TEXT
);
CREATE INDEX saisines_filer ON saisines (filer_org_id);
CREATE INDEX saisines_authority ON saisines (authority_org_id);
CREATE INDEX saisines_state ON saisines (state);
CREATE TABLE saisine_transitions (
  id {{id}},
  saisine_id BIGINT NOT NULL REFERENCES saisines (id),
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  at TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  org_code TEXT NOT NULL,
  reason TEXT,
  message_sealed TEXT
);
CREATE INDEX saisine_transitions_case ON saisine_transitions (saisine_id);
-- Two threads per case that never cross: "filer" (the filing organisation and the
-- coordinator) and "authority" (the coordinator and the authority, once referred).
CREATE TABLE saisine_messages (
  id {{id}},
  saisine_id BIGINT NOT NULL REFERENCES saisines (id),
  thread TEXT NOT NULL,
  org_id BIGINT NOT NULL,
  org_code TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  text_sealed TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX saisine_messages_case ON saisine_messages (saisine_id, thread);
-- The deadline reminders sent (kit/reminders.hpp), one row per case, kind and day.
CREATE TABLE saisine_notices (
  saisine_id BIGINT NOT NULL REFERENCES saisines (id),
  kind TEXT NOT NULL,
  sent_on TEXT NOT NULL,
  PRIMARY KEY (saisine_id, kind, sent_on)
);
-- Attachments: the file itself lives outside the web root in the data directory, under a
-- random name, encrypted with a key of its own (security/file_box.hpp); the row holds that key
-- wrapped by the key file's key. The file name given by the filer is sealed like the texts.
CREATE TABLE saisine_attachments (
  id {{id}},
  saisine_id BIGINT NOT NULL REFERENCES saisines (id),
  name_sealed TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  stored_name TEXT NOT NULL UNIQUE,
  wrapped_key TEXT NOT NULL,
  org_id BIGINT NOT NULL,
  org_code TEXT NOT NULL,
  user_id BIGINT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX saisine_attachments_case ON saisine_attachments (saisine_id);
