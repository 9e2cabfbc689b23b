-- One row per tick of a periodic job (app/periodic_task.hpp), inserted by the vigie process
-- that runs it: the primary key lets exactly one process sharing the database claim a tick.
-- Rows older than 30 days are pruned by the claiming process.
CREATE TABLE periodic_runs (
  job TEXT NOT NULL,
  tick BIGINT NOT NULL,
  claimed_by TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (job, tick)
);
