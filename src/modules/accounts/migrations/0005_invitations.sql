-- Invitations (single use, 7 days) and password resets (single use, 30 minutes). Only hashes
-- of the tokens are stored; the tokens travel in the e-mailed links.
CREATE TABLE invitations (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  display_name TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  role TEXT NOT NULL,
  invited_by BIGINT REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE TABLE password_resets (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
