-- Field alerts as notified to the coordinator: one row per rule, département and day, so that
-- the hourly pass tells of each alert once.
CREATE TABLE field_alerts (
  id {{id}},
  rule TEXT NOT NULL,
  departement TEXT NOT NULL,
  day TEXT NOT NULL,
  value INTEGER NOT NULL,
  threshold TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX field_alerts_once ON field_alerts (rule, departement, day);
