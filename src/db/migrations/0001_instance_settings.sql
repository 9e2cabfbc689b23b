-- Instance-wide settings, one row per key: the instance id, when demo data was loaded, ...
CREATE TABLE instance_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
