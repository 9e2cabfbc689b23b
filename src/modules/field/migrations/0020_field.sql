-- Field data: anonymous victim profiles and field signals (src/modules/field/model.hpp).
-- By design no column can hold a name, a date of birth, an address or a document number:
-- contact is a year and a month, age a band, place a département or a country code; lists of
-- codes are stored '|'-separated; the note is free text that passed the identifier guard.
-- Records are never updated (a correction is a new record).
CREATE TABLE field_records (
  id {{id}},
  org_id BIGINT NOT NULL,
  org_code TEXT NOT NULL,
  author_user_id BIGINT NOT NULL,
  contact_year INTEGER NOT NULL,
  contact_month INTEGER NOT NULL,
  departement TEXT NOT NULL,
  forms TEXT NOT NULL,
  exploitation_departement TEXT NOT NULL,
  exploitation_country TEXT NOT NULL,
  sector TEXT NOT NULL,
  sex TEXT NOT NULL,
  age_band TEXT NOT NULL,
  minor_at_contact INTEGER NOT NULL,
  minor_at_exploitation TEXT NOT NULL,
  nationality TEXT NOT NULL,
  ilo_indicators TEXT NOT NULL,
  means_of_control TEXT NOT NULL,
  recruitment TEXT NOT NULL,
  victim_status TEXT NOT NULL,
  support TEXT NOT NULL,
  operation TEXT NOT NULL,
  note TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX field_records_org ON field_records (org_id, contact_year);
CREATE INDEX field_records_created ON field_records (created_at);

-- Reads of an organisation's records by anyone outside it (the coordinator), shown to the
-- owning organisation ("who read my records"); each also in the audit trail.
CREATE TABLE field_reads (
  id {{id}},
  owner_org_id BIGINT NOT NULL,
  reader_org_code TEXT NOT NULL,
  reader_user_id BIGINT NOT NULL,
  what TEXT NOT NULL,
  records INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX field_reads_owner ON field_reads (owner_org_id, id);

-- Releases: the dated, frozen counts every controlled aggregate is computed on, so that
-- comparing two days' figures reveals no single new record. A release keeps, per combination
-- of the published dimensions, how many records it counted (never a record id or a note).
CREATE TABLE field_releases (
  id {{id}},
  period TEXT NOT NULL,
  frozen_at TEXT NOT NULL,
  records BIGINT NOT NULL,
  created_by BIGINT NOT NULL
);
CREATE INDEX field_releases_period ON field_releases (period);

CREATE TABLE field_release_counts (
  release_id BIGINT NOT NULL,
  org_id BIGINT NOT NULL,
  contact_year INTEGER NOT NULL,
  contact_month INTEGER NOT NULL,
  departement TEXT NOT NULL,
  forms TEXT NOT NULL,
  sector TEXT NOT NULL,
  sex TEXT NOT NULL,
  age_band TEXT NOT NULL,
  minor_at_contact INTEGER NOT NULL,
  nationality TEXT NOT NULL,
  victim_status TEXT NOT NULL,
  support TEXT NOT NULL,
  operation TEXT NOT NULL,
  n BIGINT NOT NULL
);
CREATE INDEX field_release_counts_release ON field_release_counts (release_id, contact_year);

-- Field signals and their dated, signed transitions.
CREATE TABLE field_signals (
  id {{id}},
  org_id BIGINT NOT NULL,
  org_code TEXT NOT NULL,
  author_user_id BIGINT NOT NULL,
  week TEXT NOT NULL,
  territory TEXT NOT NULL,
  forms TEXT NOT NULL,
  kind TEXT NOT NULL,
  severity TEXT NOT NULL,
  description TEXT NOT NULL,
  state TEXT NOT NULL,
  shared_with TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX field_signals_org ON field_signals (org_id, id);

CREATE TABLE field_signal_transitions (
  id {{id}},
  signal_id BIGINT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  shared_with TEXT NOT NULL,
  by_user_id BIGINT NOT NULL,
  by_org_code TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX field_signal_transitions_signal ON field_signal_transitions (signal_id, id);

-- In-app notifications (an urgent signal for the coordinator), per user.
CREATE TABLE field_notifications (
  id {{id}},
  user_id BIGINT NOT NULL,
  signal_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX field_notifications_user ON field_notifications (user_id, read_at);
