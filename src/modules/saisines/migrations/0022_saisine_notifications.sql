-- In-app notifications of a saisine's transitions, messages and reminders, one row per user of
-- each party organisation told (the parties the e-mails go to); read_at set when seen. No
-- narrative here, ever (narratives are sealed at rest): only the case, the state it was in,
-- the kind of event and its date.
CREATE TABLE saisine_notifications (
  id {{id}},
  user_id BIGINT NOT NULL,
  saisine_id BIGINT NOT NULL REFERENCES saisines (id),
  kind TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX saisine_notifications_user ON saisine_notifications (user_id, read_at);
