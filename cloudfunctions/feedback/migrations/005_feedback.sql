-- 交办督复评: the holiday calendar, per-category due days, assignments to units with their notes and
-- supervision events, published outcomes, ratings (好差评) and appeals against them.

-- Days that differ from the weekday rule: a holiday on a weekday, or a make-up working day (调休).
CREATE TABLE calendar_days (
  day date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL DEFAULT ''
);

CREATE TABLE category_due_days (
  category text PRIMARY KEY,
  days integer NOT NULL CHECK (days BETWEEN 1 AND 120)
);

CREATE TABLE assignments (
  id bigserial PRIMARY KEY,
  topic_id bigint NOT NULL REFERENCES topics (id),
  unit_id text NOT NULL REFERENCES units (id),
  status text NOT NULL DEFAULT 'assigned' CHECK (status IN ('assigned', 'acknowledged', 'replied', 'withdrawn')),
  assigned_by bigint NOT NULL REFERENCES users (id),
  assigned_at timestamptz NOT NULL,
  -- The Asia/Shanghai month of assignment, and the instants the due days end (the next midnight in
  -- Asia/Shanghai), written beside the days so the figures compare plain columns.
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  ack_due date NOT NULL,
  reply_due date NOT NULL,
  ack_end timestamptz NOT NULL,
  reply_end timestamptz NOT NULL,
  acknowledged_at timestamptz,
  first_replied_at timestamptz,
  replied_at timestamptz,
  reply text,
  reply_photos jsonb NOT NULL DEFAULT '[]',
  -- Supervision: the level reached (0 none, 1 提醒, 2 催办, 3 督办), and when the next deadline passes.
  level smallint NOT NULL DEFAULT 0 CHECK (level BETWEEN 0 AND 3),
  next_check timestamptz,
  ack_overdue boolean NOT NULL DEFAULT false,
  reply_overdue boolean NOT NULL DEFAULT false,
  reopened_at timestamptz,
  reassign_requested boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX assignments_once ON assignments (topic_id, unit_id) WHERE status <> 'withdrawn';
CREATE INDEX assignments_due ON assignments (next_check, id) WHERE status IN ('assigned', 'acknowledged') AND level < 3;
CREATE INDEX assignments_month ON assignments (month, unit_id);

CREATE TABLE assignment_notes (
  id bigserial PRIMARY KEY,
  assignment_id bigint NOT NULL REFERENCES assignments (id),
  kind text NOT NULL CHECK (kind IN ('progress', 'reassign', 'reply', 'supervise', 'decision')),
  author_id bigint REFERENCES users (id),
  at timestamptz NOT NULL,
  body text NOT NULL,
  photos jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX assignment_notes_assignment ON assignment_notes (assignment_id, id);

-- One row per assignment and level: the key that makes each escalation happen once.
CREATE TABLE supervision_events (
  assignment_id bigint NOT NULL REFERENCES assignments (id),
  level smallint NOT NULL,
  at timestamptz NOT NULL,
  reason text NOT NULL,
  by_user_id bigint REFERENCES users (id),
  PRIMARY KEY (assignment_id, level)
);

CREATE TABLE topic_outcomes (
  topic_id bigint PRIMARY KEY REFERENCES topics (id),
  summary text NOT NULL,
  published_by bigint NOT NULL REFERENCES users (id),
  first_published_at timestamptz NOT NULL,
  published_at timestamptz NOT NULL,
  -- Set once, when ratings reopen the topic: the rule reopens a topic only once.
  reopened_by_rating_at timestamptz
);
CREATE INDEX topic_outcomes_list ON topic_outcomes (first_published_at DESC, topic_id DESC);

CREATE TABLE ratings (
  id bigserial PRIMARY KEY,
  topic_id bigint NOT NULL REFERENCES topics (id),
  user_id bigint NOT NULL REFERENCES users (id),
  score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  excluded boolean NOT NULL DEFAULT false,
  UNIQUE (topic_id, user_id)
);

CREATE TABLE rating_appeals (
  id bigserial PRIMARY KEY,
  rating_id bigint NOT NULL REFERENCES ratings (id),
  unit_id text NOT NULL REFERENCES units (id),
  reason text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'dismissed')),
  created_by bigint NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  decided_by bigint REFERENCES users (id),
  decided_at timestamptz,
  decision_note text,
  UNIQUE (rating_id, unit_id)
);
