-- The generation of the field records: one number, raised in the same transaction as every
-- insertion or deletion of records, so that a table of live counts computed at generation g is
-- known to be exact for as long as the generation is still g (field::Service keeps such tables
-- in memory; a write by another process, `vigie purge` included, is seen at the next read).
CREATE TABLE field_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  generation BIGINT NOT NULL
);
INSERT INTO field_generation (id, generation) VALUES (1, 0);
