-- The whole quarterly visit (季观摩, issue 21): the site's self-assessment, the desk review (the
-- automatic checks and the documents), the on-site visit (the reviewer checked in with the site's
-- rotating code; two held activities of the quarter drawn by a seed everyone can recompute), fixes
-- due in 15 working days and the review after them (round 2). Two failing years in a row open an
-- exit proposal (摘牌) for staff to decide. The CHECK lists equal src/domain/operations' lists.
ALTER TABLE operation_visits
  ADD COLUMN stage text NOT NULL DEFAULT 'self_assessed' CHECK (stage IN ('self_assessed', 'desk_reviewed', 'rectifying', 'closed')),
  ADD COLUMN self_assessment jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN assessed_by bigint REFERENCES users (id),
  ADD COLUMN assessed_at timestamptz,
  ADD COLUMN automatic jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN desk_note text NOT NULL DEFAULT '',
  ADD COLUMN desk_reviewer_id bigint REFERENCES users (id),
  ADD COLUMN desk_reviewed_at timestamptz,
  ADD COLUMN checked_in_at timestamptz,
  ADD COLUMN due_on date,
  ADD COLUMN rereviewed_by bigint REFERENCES users (id),
  ADD COLUMN closed_at timestamptz,
  -- Whether the visit ended with any dimension 不达标 (set when it closes).
  ADD COLUMN failed boolean;
ALTER TABLE operation_visits ALTER COLUMN reviewer_id DROP NOT NULL, ALTER COLUMN visited_at DROP NOT NULL;
-- A visit of the first step (033) was the on-site verdict alone: it is now rectifying or closed.
UPDATE operation_visits v SET
  stage = CASE WHEN EXISTS (SELECT 1 FROM operation_visit_items i WHERE i.visit_id = v.id AND i.verdict <> 'met') THEN 'rectifying' ELSE 'closed' END,
  failed = EXISTS (SELECT 1 FROM operation_visit_items i WHERE i.visit_id = v.id AND i.verdict = 'failed');

ALTER TABLE operation_visit_items ADD COLUMN round integer NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 2);
ALTER TABLE operation_visit_items DROP CONSTRAINT operation_visit_items_pkey;
ALTER TABLE operation_visit_items ADD PRIMARY KEY (visit_id, round, dimension);

CREATE TABLE operation_exit_proposals (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  -- The second of the two failing years.
  year integer NOT NULL,
  opened_at timestamptz NOT NULL,
  decision text CHECK (decision IN ('keep', 'delist')),
  decided_by bigint REFERENCES users (id),
  decided_at timestamptz,
  note text NOT NULL DEFAULT '',
  UNIQUE (site_id, year)
);
