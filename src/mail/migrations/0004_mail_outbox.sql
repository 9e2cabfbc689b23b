-- Outgoing e-mail, written in the same transaction as what caused it and sent by the mail
-- sender of any vigie process (mail/outbox.hpp). Delivered rows are kept for 30 days.
CREATE TABLE mail_outbox (
  id {{id}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT,
  last_error TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox (sent_at, next_attempt_at);
