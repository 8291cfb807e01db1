-- The kernel's seams: the outbox with retries, in-app notifications, the local platform's message
-- log, scheduled jobs (schedule and runs), demo seeding steps, and rate-limit events.

-- The walking skeleton's outbox was the local platform's message log; both are replaced.
DROP TABLE outbox;

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('inapp', 'subscribe')),
  recipient_user_id bigint NOT NULL REFERENCES users (id),
  payload jsonb NOT NULL,
  dedupe_key text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE status IN ('pending', 'sending');

CREATE TABLE notifications (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  title text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  outbox_id bigint UNIQUE REFERENCES outbox (id)
);
CREATE INDEX notifications_user ON notifications (user_id, created_at DESC, id DESC);

CREATE TABLE platform_messages (
  id bigserial PRIMARY KEY,
  dedupe_key text NOT NULL UNIQUE,
  to_openid text NOT NULL,
  template_id text NOT NULL,
  page text NOT NULL,
  data jsonb NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE job_schedule (
  fn text NOT NULL,
  job text NOT NULL,
  next_due timestamptz NOT NULL,
  PRIMARY KEY (fn, job)
);

CREATE TABLE job_runs (
  id bigserial PRIMARY KEY,
  fn text NOT NULL,
  job text NOT NULL,
  trigger text NOT NULL CHECK (trigger IN ('timer', 'host', 'direct')),
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  done integer,
  error text
);
CREATE INDEX job_runs_recent ON job_runs (fn, job, started_at DESC);

CREATE TABLE seed_steps (
  name text PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE rate_events (
  id bigserial PRIMARY KEY,
  key text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX rate_events_key ON rate_events (key, at);
