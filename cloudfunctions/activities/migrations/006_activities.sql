-- Activities (extending the skeleton's table), sign-ups with a waitlist, attendance by rotating
-- codes, members' facts (sector, studio), and the duty record (履职档案) with versioned rules.
ALTER TABLE activities
  ADD COLUMN kind text NOT NULL DEFAULT 'salon'
    CHECK (kind IN ('studio_day', 'salon', 'forum', 'hearing', 'monthly', 'sector', 'lecture')),
  ADD COLUMN intro text NOT NULL DEFAULT '',
  ADD COLUMN capacity integer CHECK (capacity IS NULL OR capacity > 0),
  ADD COLUMN confirmed_count integer NOT NULL DEFAULT 0,
  ADD COLUMN audience text NOT NULL DEFAULT 'open' CHECK (audience IN ('open', 'members', 'sectors', 'invited')),
  ADD COLUMN sectors text[] NOT NULL DEFAULT '{}',
  ADD COLUMN organiser_id bigint REFERENCES users (id),
  ADD COLUMN topic_id bigint REFERENCES topics (id),
  ADD COLUMN code_period_s integer NOT NULL DEFAULT 10 CHECK (code_period_s BETWEEN 10 AND 60),
  ADD COLUMN window_before_min integer NOT NULL DEFAULT 30 CHECK (window_before_min BETWEEN 0 AND 240),
  ADD COLUMN window_after_min integer NOT NULL DEFAULT 30 CHECK (window_after_min BETWEEN 0 AND 240),
  ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
  -- The database holds the capacity: a confirmed seat is taken by a conditional UPDATE of this count.
  ADD CONSTRAINT activities_capacity CHECK (capacity IS NULL OR confirmed_count <= capacity),
  ADD CONSTRAINT activities_order CHECK (ends_at > starts_at);
CREATE INDEX activities_time ON activities (starts_at, id);

CREATE TABLE activity_invites (
  activity_id bigint NOT NULL REFERENCES activities (id),
  user_id bigint NOT NULL REFERENCES users (id),
  PRIMARY KEY (activity_id, user_id)
);

CREATE TABLE activity_signups (
  id bigserial PRIMARY KEY,
  activity_id bigint NOT NULL REFERENCES activities (id),
  person_id bigint NOT NULL REFERENCES users (id),
  status text NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled')),
  created_at timestamptz NOT NULL,
  -- Waitlist order: the sequence of the (re)sign-up, taken under the activity's row lock.
  queued_seq bigint NOT NULL,
  UNIQUE (activity_id, person_id)
);
CREATE INDEX activity_signups_queue ON activity_signups (activity_id, status, queued_seq);
CREATE INDEX activity_signups_person ON activity_signups (person_id, status);
CREATE SEQUENCE activity_signup_seq;

CREATE TABLE activity_attendance (
  id bigserial PRIMARY KEY,
  activity_id bigint NOT NULL REFERENCES activities (id),
  user_id bigint NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL,
  via text NOT NULL CHECK (via IN ('code', 'manual')),
  added_by bigint REFERENCES users (id),
  reason text,
  UNIQUE (activity_id, user_id)
);

CREATE TABLE member_facts (
  user_id bigint PRIMARY KEY REFERENCES users (id),
  name text NOT NULL,
  sector text NOT NULL DEFAULT '',
  studio_site_id text REFERENCES sites (id)
);
CREATE INDEX member_facts_studio ON member_facts (studio_site_id);

-- Points by kind, versioned: a record takes the rule in force on its day, kept on the record.
CREATE TABLE duty_rules (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  label text NOT NULL,
  points numeric(6, 1) NOT NULL,
  effective_from date NOT NULL,
  UNIQUE (kind, effective_from)
);
INSERT INTO duty_rules (kind, label, points, effective_from) VALUES
  ('studio_day', '委员工作室接待日', 5, '2020-01-01'),
  ('attend', '参加协商活动', 3, '2020-01-01'),
  ('speak', '会议发言', 4, '2020-01-01'),
  ('adopted', '议题或提案被采纳', 10, '2020-01-01'),
  ('correction', '人工更正', 0, '2020-01-01');

CREATE TABLE duty_records (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  day date NOT NULL,
  kind text NOT NULL,
  rule_id bigint NOT NULL REFERENCES duty_rules (id),
  points numeric(6, 1) NOT NULL,
  -- What earned it: 'activity:<id>' (one per person and activity), 'correction:<audit-free key>', …
  source_key text NOT NULL,
  activity_id bigint REFERENCES activities (id),
  note text,
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, source_key)
);
CREATE INDEX duty_records_user_day ON duty_records (user_id, day);

-- An activity's Asia/Shanghai day (fixed +08:00, as everywhere else).
CREATE FUNCTION activity_day(starts timestamptz) RETURNS date LANGUAGE sql IMMUTABLE
  AS $$ SELECT ((starts AT TIME ZONE 'UTC') + interval '8 hours')::date $$;

-- What attending an activity of this kind on this day earns: the rule in force that day.
CREATE FUNCTION duty_rule_for(activity_kind text, on_day date) RETURNS SETOF duty_rules LANGUAGE sql STABLE
  AS $$ SELECT * FROM duty_rules WHERE kind = CASE WHEN activity_kind = 'studio_day' THEN 'studio_day' ELSE 'attend' END
        AND effective_from <= on_day ORDER BY effective_from DESC LIMIT 1 $$;

-- Check-ins by verified rotating tokens, a batch at once (the host groups the check-ins that wait
-- for the database: one per person in a batch), once the caller has judged each activity's window
-- and audience (from its cached facts): for each person under their bad-token limit, the
-- attendance row (one per person and activity) and, when a rule is given (a member), the duty
-- record (one per person and activity). PL/pgSQL keeps the statement's plan, so a batch costs its
-- inserts and not the planning. One row per input, in order; no `at`: limited or already checked in.
CREATE FUNCTION activity_attend(p_activity bigint[], p_user bigint[], p_now timestamptz[], p_day date[], p_rule bigint[], p_kind text[],
    p_points numeric[], p_limit_key text[], p_limit_secs float8, p_limit_max bigint)
  RETURNS TABLE (at timestamptz, points float8) LANGUAGE plpgsql AS $fn$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY
    WITH input AS (
      SELECT * FROM unnest(p_activity, p_user, p_now, p_day, p_rule, p_kind, p_points, p_limit_key)
        WITH ORDINALITY AS i (activity_id, user_id, at, day, rule_id, kind, points, limit_key, n)
    ), att AS (
      INSERT INTO activity_attendance (activity_id, user_id, at, via)
      SELECT i.activity_id, i.user_id, i.at, 'code' FROM input i
      WHERE (SELECT count(*) FROM rate_events e WHERE e.key = i.limit_key AND e.at > i.at - make_interval(secs => p_limit_secs)) < p_limit_max
      ON CONFLICT (activity_id, user_id) DO NOTHING RETURNING activity_id, user_id, at
    ), duty AS (
      INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, activity_id, created_at)
      SELECT i.user_id, i.day, i.kind, i.rule_id, i.points, 'activity:' || i.activity_id, i.activity_id, i.at
      FROM att JOIN input i ON i.activity_id = att.activity_id AND i.user_id = att.user_id WHERE i.rule_id IS NOT NULL
      ON CONFLICT (user_id, source_key) DO NOTHING RETURNING user_id, points
    )
    SELECT att.at, coalesce(duty.points, 0)::float8
    FROM input i LEFT JOIN att ON att.activity_id = i.activity_id AND att.user_id = i.user_id LEFT JOIN duty ON duty.user_id = i.user_id
    ORDER BY i.n;
  END
$fn$;
