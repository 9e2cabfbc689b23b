-- The language a member chose for the interface ("fr" or "en"), kept with the account so that
-- it follows them from one browser to another; NULL until they choose.
ALTER TABLE users ADD COLUMN language TEXT;
