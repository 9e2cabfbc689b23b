-- The append-only, HMAC-chained audit trail (security/audit_log.hpp). seq is contiguous
-- from 1; any gap, change or reordering breaks the chain.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  actor_user_id BIGINT,
  actor_org_id BIGINT,
  owner_org_id BIGINT,
  action TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_owner_org ON audit_log (owner_org_id, seq);
