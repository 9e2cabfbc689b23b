-- A quarter has one spelling: "2025-Q1" (the French "2025-T1" was stored as typed before).
-- Values recorded as T and Q for the same quarter are then one period: its latest entry wins.
UPDATE plan_indicator_values SET period = replace(period, '-T', '-Q') WHERE period LIKE '%-T%';
