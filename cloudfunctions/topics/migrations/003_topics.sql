-- 月月说事: monthly cycles per site, topics with their title bigrams, timeline, followers and
-- supporters, votes (one per topic per person; at most K per ballot by slot), meeting records,
-- and vote surges already reported.

CREATE TABLE site_cycle_settings (
  site_id text PRIMARY KEY REFERENCES sites (id),
  settings jsonb NOT NULL
);

CREATE TABLE cycles (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  month text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  settings jsonb NOT NULL,
  propose_start timestamptz NOT NULL,
  propose_end timestamptz NOT NULL,
  vote_start timestamptz NOT NULL,
  vote_end timestamptz NOT NULL,
  meeting_at timestamptz NOT NULL,
  votes_per_person integer NOT NULL CHECK (votes_per_person BETWEEN 1 AND 10),
  status text NOT NULL DEFAULT 'proposing' CHECK (status IN ('proposing', 'voting', 'closed')),
  opened_at timestamptz,
  closed_at timestamptz,
  UNIQUE (site_id, month),
  CHECK (propose_start < propose_end AND propose_end <= vote_start AND vote_start < vote_end)
);
CREATE INDEX cycles_to_open ON cycles (vote_start) WHERE status = 'proposing';
CREATE INDEX cycles_to_close ON cycles (vote_end) WHERE status = 'voting';

CREATE TABLE topics (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  month text NOT NULL,
  proposer_id bigint NOT NULL REFERENCES users (id),
  title text NOT NULL,
  body text NOT NULL,
  category text NOT NULL,
  photos jsonb NOT NULL DEFAULT '[]',
  state text NOT NULL,
  merged_into bigint REFERENCES topics (id),
  ballot_cycle_id bigint REFERENCES cycles (id),
  gram_count integer NOT NULL,
  proposed_day date NOT NULL,
  accepted_at timestamptz,
  final_votes integer,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX topics_site_month ON topics (site_id, month, state);
CREATE INDEX topics_proposer_day ON topics (proposer_id, proposed_day);
CREATE INDEX topics_list ON topics (created_at DESC, id DESC);
CREATE INDEX topics_ballot ON topics (ballot_cycle_id) WHERE ballot_cycle_id IS NOT NULL;

-- The title's character pairs, for "已有相似议题" hints and duplicate ranking at screening.
CREATE TABLE topic_grams (
  site_id text NOT NULL,
  gram text NOT NULL,
  topic_id bigint NOT NULL REFERENCES topics (id),
  PRIMARY KEY (site_id, gram, topic_id)
);
CREATE INDEX topic_grams_topic ON topic_grams (topic_id);

CREATE TABLE topic_timeline (
  id bigserial PRIMARY KEY,
  topic_id bigint NOT NULL REFERENCES topics (id),
  at timestamptz NOT NULL,
  actor_id bigint REFERENCES users (id),
  actor_role text NOT NULL,
  move text NOT NULL,
  from_state text,
  to_state text NOT NULL,
  note text
);
CREATE INDEX topic_timeline_topic ON topic_timeline (topic_id, id);

CREATE TABLE topic_followers (
  topic_id bigint NOT NULL REFERENCES topics (id),
  user_id bigint NOT NULL REFERENCES users (id),
  supporter boolean NOT NULL DEFAULT false,
  at timestamptz NOT NULL,
  PRIMARY KEY (topic_id, user_id)
);
CREATE INDEX topic_followers_user ON topic_followers (user_id, topic_id);

CREATE TABLE votes (
  id bigserial PRIMARY KEY,
  cycle_id bigint NOT NULL REFERENCES cycles (id),
  topic_id bigint NOT NULL REFERENCES topics (id),
  user_id bigint NOT NULL REFERENCES users (id),
  slot smallint NOT NULL CHECK (slot BETWEEN 1 AND 10),
  at timestamptz NOT NULL,
  UNIQUE (topic_id, user_id),
  UNIQUE (cycle_id, user_id, slot)
);
CREATE INDEX votes_cycle_topic ON votes (cycle_id, topic_id);

CREATE TABLE topic_meetings (
  topic_id bigint PRIMARY KEY REFERENCES topics (id),
  form text NOT NULL,
  at timestamptz NOT NULL,
  place text NOT NULL,
  activity_id bigint REFERENCES activities (id),
  participants integer NOT NULL,
  sectors text[] NOT NULL,
  opinions text NOT NULL,
  next_steps text NOT NULL,
  recorded_by bigint NOT NULL REFERENCES users (id),
  recorded_at timestamptz NOT NULL
);

CREATE TABLE topic_surges (
  id bigserial PRIMARY KEY,
  topic_id bigint NOT NULL REFERENCES topics (id),
  started_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);
CREATE INDEX topic_surges_topic ON topic_surges (topic_id, last_seen_at DESC);
