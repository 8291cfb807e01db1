-- 社情民意: suggestions with their title bigrams (duplicate hints) and timeline; 专报 linked to
-- suggestions many-to-many. Nothing is deleted: withdrawal and merging are states.

CREATE TABLE suggestions (
  id bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id),
  -- Entered on someone's behalf at a desk or a meeting: the speaker's name (editors only).
  on_behalf_of text,
  channel text NOT NULL CHECK (channel IN ('self', 'activity', 'on_behalf')),
  site_id text REFERENCES sites (id),
  activity_id bigint REFERENCES activities (id),
  category text NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  contact_consent boolean NOT NULL DEFAULT false,
  phone text,
  state text NOT NULL CHECK (state IN ('held', 'submitted', 'accepted', 'returned', 'merged', 'withdrawn', 'used')),
  merged_into bigint REFERENCES suggestions (id),
  gram_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  accepted_at timestamptz,
  CHECK ((state = 'merged') = (merged_into IS NOT NULL))
);
CREATE INDEX suggestions_author ON suggestions (author_id, created_at DESC, id DESC);
CREATE INDEX suggestions_list ON suggestions (created_at DESC, id DESC);
CREATE INDEX suggestions_site_month ON suggestions (site_id, created_at);

CREATE TABLE suggestion_grams (
  gram text NOT NULL,
  suggestion_id bigint NOT NULL REFERENCES suggestions (id),
  PRIMARY KEY (gram, suggestion_id)
);
CREATE INDEX suggestion_grams_suggestion ON suggestion_grams (suggestion_id);

CREATE TABLE suggestion_timeline (
  id bigserial PRIMARY KEY,
  suggestion_id bigint NOT NULL REFERENCES suggestions (id),
  at timestamptz NOT NULL,
  actor_id bigint NOT NULL REFERENCES users (id),
  actor_role text NOT NULL,
  move text NOT NULL CHECK (move IN ('submit', 'accept', 'return', 'merge', 'withdraw', 'use')),
  to_state text NOT NULL,
  note text
);
CREATE INDEX suggestion_timeline_suggestion ON suggestion_timeline (suggestion_id, id);

CREATE TABLE opinion_reports (
  id bigserial PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'adopted', 'endorsed')),
  created_by bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  submitted_level text,
  submitted_at timestamptz,
  adopted_by text,
  adopted_at timestamptz,
  endorsed_level text,
  endorsed_at timestamptz,
  -- A leader's 批示: data, shown only to editors and auditors.
  endorsement text
);

CREATE TABLE report_suggestions (
  report_id bigint NOT NULL REFERENCES opinion_reports (id),
  suggestion_id bigint NOT NULL REFERENCES suggestions (id),
  PRIMARY KEY (report_id, suggestion_id)
);
CREATE INDEX report_suggestions_suggestion ON report_suggestions (suggestion_id);
