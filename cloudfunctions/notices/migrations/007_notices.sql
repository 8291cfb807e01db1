-- Notices: site followers, staff notices with their audiences, read receipts (notifications keep
-- the notice they carry), one-time subscription authorisations. Members by sector (界别) come from
-- member_facts (006), the one place a member's sector is kept.
CREATE INDEX member_facts_sector ON member_facts (sector);

CREATE TABLE site_followers (
  site_id text NOT NULL REFERENCES sites (id),
  user_id bigint NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL,
  PRIMARY KEY (site_id, user_id)
);
CREATE INDEX site_followers_user ON site_followers (user_id, site_id);

CREATE TABLE notices (
  id bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id),
  sender text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  cover text,
  link text,
  audience jsonb NOT NULL,
  publish_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'published', 'withdrawn')),
  pinned boolean NOT NULL DEFAULT false,
  audience_size integer,
  created_at timestamptz NOT NULL,
  published_at timestamptz,
  withdrawn_at timestamptz
);
CREATE INDEX notices_due ON notices (publish_at, id) WHERE status = 'scheduled';
CREATE INDEX notices_list ON notices (created_at DESC, id DESC);
CREATE INDEX notices_author ON notices (author_id, created_at DESC, id DESC);

ALTER TABLE notifications ADD COLUMN notice_id bigint REFERENCES notices (id);
CREATE INDEX notifications_notice ON notifications (notice_id) WHERE notice_id IS NOT NULL;
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

-- One row per authorisation a person gave by tapping 允许; a message spends one (used_for is the
-- outbox key of the message that spent it, so one message never spends two).
CREATE TABLE subscription_grants (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  template text NOT NULL,
  granted_at timestamptz NOT NULL,
  used_at timestamptz,
  used_for text UNIQUE
);
CREATE INDEX subscription_grants_unused ON subscription_grants (user_id, template, id) WHERE used_at IS NULL;

-- A notice's delivery log reads its outbox rows by key prefix (`notice:<id>:`), in any collation.
CREATE INDEX outbox_key_prefix ON outbox (dedupe_key text_pattern_ops);
