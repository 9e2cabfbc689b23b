-- The time step of the last TOTP code accepted at login: a code opens one login only.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
