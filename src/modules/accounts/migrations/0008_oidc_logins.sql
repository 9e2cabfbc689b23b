-- OpenID Connect logins in progress: the state (hashed), the PKCE verifier and the nonce,
-- single use, kept 10 minutes at most.
CREATE TABLE oidc_logins (
  state_hash TEXT PRIMARY KEY,
  code_verifier TEXT NOT NULL,
  nonce TEXT NOT NULL,
  created_at TEXT NOT NULL
);
