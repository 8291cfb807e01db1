-- 社情民意's outputs beyond 专报: 提案 (proposals) with their proposers, source suggestions, handling
-- units, one reply per proposer and round, and timeline; the 专报's timeline; hand-offs to a unit
-- (即商即转 from a suggestion, or a 批示's follow-up) with a due day in working days.

CREATE TABLE proposals (
  id bigserial PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  category text NOT NULL,
  state text NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'submitted', 'registered', 'rejected', 'merged', 'assigned', 'replied', 'closed')),
  drafted_by bigint NOT NULL REFERENCES users (id),
  merged_into bigint REFERENCES proposals (id),
  -- The reply round (1, then 2 for the one redo) and the months the units have from 交办 (3, 6 at most).
  round smallint NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 2),
  months smallint NOT NULL DEFAULT 3 CHECK (months BETWEEN 1 AND 6),
  registered_at timestamptz,
  assigned_at timestamptz,
  assigned_day date,
  reply_due date,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((state = 'merged') = (merged_into IS NOT NULL))
);
CREATE INDEX proposals_list ON proposals (created_at DESC, id DESC);

-- The drafter, co-signers, and the proposers of proposals merged into this one: each gets a reply.
CREATE TABLE proposal_proposers (
  proposal_id bigint NOT NULL REFERENCES proposals (id),
  user_id bigint NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('lead', 'cosigner', 'merged')),
  via_proposal_id bigint REFERENCES proposals (id),
  PRIMARY KEY (proposal_id, user_id)
);
CREATE INDEX proposal_proposers_user ON proposal_proposers (user_id);

CREATE TABLE proposal_suggestions (
  proposal_id bigint NOT NULL REFERENCES proposals (id),
  suggestion_id bigint NOT NULL REFERENCES suggestions (id),
  PRIMARY KEY (proposal_id, suggestion_id)
);
CREATE INDEX proposal_suggestions_suggestion ON proposal_suggestions (suggestion_id);

CREATE TABLE proposal_units (
  proposal_id bigint NOT NULL REFERENCES proposals (id),
  unit_id text NOT NULL REFERENCES units (id),
  lead boolean NOT NULL,
  PRIMARY KEY (proposal_id, unit_id)
);

CREATE TABLE proposal_replies (
  proposal_id bigint NOT NULL REFERENCES proposals (id),
  proposer_id bigint NOT NULL REFERENCES users (id),
  round smallint NOT NULL CHECK (round BETWEEN 1 AND 2),
  unit_id text NOT NULL REFERENCES units (id),
  grade text NOT NULL CHECK (grade IN ('A', 'B', 'C', 'D')),
  body text NOT NULL,
  replied_by bigint NOT NULL REFERENCES users (id),
  replied_at timestamptz NOT NULL,
  satisfaction text CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied')),
  rated_at timestamptz,
  PRIMARY KEY (proposal_id, proposer_id, round)
);

CREATE TABLE proposal_timeline (
  id bigserial PRIMARY KEY,
  proposal_id bigint NOT NULL REFERENCES proposals (id),
  at timestamptz NOT NULL,
  actor_id bigint NOT NULL REFERENCES users (id),
  actor_role text NOT NULL,
  move text NOT NULL CHECK (move IN ('draft', 'cosign', 'submit', 'return', 'register', 'reject', 'merge', 'assign', 'extend', 'reply', 'evaluate')),
  to_state text NOT NULL,
  note text
);
CREATE INDEX proposal_timeline_proposal ON proposal_timeline (proposal_id, id);

CREATE TABLE report_timeline (
  id bigserial PRIMARY KEY,
  report_id bigint NOT NULL REFERENCES opinion_reports (id),
  at timestamptz NOT NULL,
  actor_id bigint NOT NULL REFERENCES users (id),
  actor_role text NOT NULL,
  move text NOT NULL CHECK (move IN ('write', 'submit', 'adopt', 'endorse', 'hand_off')),
  to_state text NOT NULL,
  note text
);
CREATE INDEX report_timeline_report ON report_timeline (report_id, id);

-- A matter handed straight to a unit: a suggestion (即商即转) or a 批示's follow-up. Once per source and unit.
CREATE TABLE opinion_handoffs (
  id bigserial PRIMARY KEY,
  suggestion_id bigint REFERENCES suggestions (id),
  report_id bigint REFERENCES opinion_reports (id),
  unit_id text NOT NULL REFERENCES units (id),
  title text NOT NULL,
  assigned_by bigint NOT NULL REFERENCES users (id),
  assigned_at timestamptz NOT NULL,
  due_day date NOT NULL,
  reply text,
  replied_by bigint REFERENCES users (id),
  replied_at timestamptz,
  CHECK ((suggestion_id IS NULL) <> (report_id IS NULL)),
  UNIQUE (suggestion_id, unit_id),
  UNIQUE (report_id, unit_id)
);
CREATE INDEX opinion_handoffs_unit ON opinion_handoffs (unit_id, assigned_at DESC);

CREATE INDEX reports_list ON opinion_reports (created_at DESC, id DESC);
