-- Every password-reset request, for an account or not (the address hashed): at most three reset
-- e-mails per address an hour, and the same writes whether the address has an account or not
-- (`decoy` holds, for an address without one, as many bytes as the e-mail would have).
CREATE TABLE password_reset_requests (
  id {{id}},
  email_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decoy TEXT
);
CREATE INDEX password_reset_requests_email ON password_reset_requests (email_hash, created_at);
