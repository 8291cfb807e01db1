-- Check-in at the desk (issue 21): a site's admin checks in a resident who has no phone, matched to
-- a managed person record by name, birth year and the last 4 characters of the ID (never the whole
-- number). The check-ins are apart from `checkins` (whose rows are a WeChat user's) and counted
-- with them in the figures; a person's record names their account once they bind WeChat.
CREATE TABLE assisted_people (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  birth_year integer NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
  id_last4 text NOT NULL CHECK (id_last4 ~ '^[0-9]{3}[0-9X]$'),
  user_id bigint REFERENCES users (id),
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (name, birth_year, id_last4)
);

CREATE TABLE assisted_checkins (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES assisted_people (id),
  site_id text NOT NULL REFERENCES sites (id),
  day date NOT NULL,
  created_at timestamptz NOT NULL,
  assisted_by bigint NOT NULL REFERENCES users (id),
  -- Once a day, at any site: the same person assisted twice in a day is refused.
  UNIQUE (person_id, day)
);
CREATE INDEX assisted_checkins_site_day ON assisted_checkins (site_id, day);
