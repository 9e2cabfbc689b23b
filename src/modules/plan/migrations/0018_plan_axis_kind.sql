-- An axis is thematic (a form of exploitation) or transversal (a cross-cutting theme of the
-- plan, on which the field can give a diagnostic as a whole). The shipped plan's transversal
-- axes (data/plan-2024-2027.json: A1, A2, A6) are marked in databases loaded before the kind
-- was kept; a plan loaded since takes the kind from its file.
ALTER TABLE plan_axes ADD COLUMN kind TEXT NOT NULL DEFAULT 'thematic';
UPDATE plan_axes SET kind = 'transversal'
  WHERE code IN ('A1', 'A2', 'A6')
    AND plan_id IN (SELECT id FROM plans WHERE code = 'PNTEH-2024-2027');
