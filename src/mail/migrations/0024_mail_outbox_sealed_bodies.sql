-- Bodies at rest (mail/outbox.hpp): a message already sent keeps no body (it held invitation
-- and password-reset links for 30 days). Bodies still queued are sealed by vigie at start:
-- sealing needs the key file, which SQL has not.
UPDATE mail_outbox SET body = '' WHERE sent_at IS NOT NULL;
