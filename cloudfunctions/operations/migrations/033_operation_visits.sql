-- The quarterly visit (季观摩, issue 21), its first step: a reviewer's on-site verdict per 六有
-- dimension for a site and quarter, with fixes due for what needs them, and the two activities of
-- the quarter drawn for the cross-check. One visit per site and quarter.
CREATE TABLE operation_visits (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  quarter text NOT NULL CHECK (quarter ~ '^20[0-9]{2}-Q[1-4]$'),
  reviewer_id bigint NOT NULL REFERENCES users (id),
  sampled bigint[] NOT NULL DEFAULT '{}',
  note text NOT NULL DEFAULT '',
  visited_at timestamptz NOT NULL,
  UNIQUE (site_id, quarter)
);

CREATE TABLE operation_visit_items (
  visit_id bigint NOT NULL REFERENCES operation_visits (id),
  dimension text NOT NULL CHECK (dimension IN ('venue', 'sign', 'rules', 'activities', 'archive', 'evaluation')),
  verdict text NOT NULL CHECK (verdict IN ('met', 'rectify', 'failed')),
  note text NOT NULL DEFAULT '',
  due_on date,
  PRIMARY KEY (visit_id, dimension)
);
