-- Second factor for every user who wants it: a secret waiting for its first code, and
-- single-use recovery codes (hashed) for a lost phone.
ALTER TABLE users ADD COLUMN pending_totp_secret TEXT;
CREATE TABLE recovery_codes (
  id {{id}},
  user_id BIGINT NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id);
