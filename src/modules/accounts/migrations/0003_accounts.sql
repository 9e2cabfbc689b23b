-- Organisations, their users, server-side sessions and login attempts (accounts module).
CREATE TABLE organisations (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  territory TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE users (
  id {{id}},
  email TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  organisation_id BIGINT NOT NULL REFERENCES organisations (id),
  role TEXT NOT NULL,
  platform_admin INTEGER NOT NULL DEFAULT 0,
  password_hash TEXT NOT NULL,
  totp_secret TEXT,
  disabled_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  revoked_at TEXT,
  remote TEXT NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE login_attempts (
  id {{id}},
  email TEXT NOT NULL,
  remote TEXT NOT NULL,
  at TEXT NOT NULL,
  success INTEGER NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_remote ON login_attempts (remote, at);
