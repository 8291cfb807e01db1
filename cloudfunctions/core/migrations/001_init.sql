-- Sites, people and roles, check-ins, the audit log and the local message outbox.
CREATE TABLE sites (
  id text PRIMARY KEY,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('centre', 'alliance', 'studio', 'station')),
  category text CHECK (category IN ('flow', 'grassroots', 'representative')),
  sector text NOT NULL,
  address text NOT NULL,
  intro text NOT NULL DEFAULT '',
  contact_name text NOT NULL DEFAULT '',
  contact_phone text NOT NULL DEFAULT '',
  open_hours text NOT NULL DEFAULT '',
  lat double precision NOT NULL,
  lng double precision NOT NULL,
  radius_m integer NOT NULL CHECK (radius_m > 0),
  sort integer NOT NULL DEFAULT 0
);

CREATE TABLE units (
  id text PRIMARY KEY,
  name text NOT NULL
);

CREATE TABLE activities (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  title text NOT NULL,
  place text NOT NULL DEFAULT '',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL
);
CREATE INDEX activities_site_time ON activities (site_id, starts_at);

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  openid text NOT NULL UNIQUE,
  nickname text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_roles (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  role text NOT NULL,
  site_id text REFERENCES sites (id),
  unit_id text REFERENCES units (id),
  granted_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_roles_once ON user_roles (user_id, role, coalesce(site_id, ''), coalesce(unit_id, ''));

CREATE TABLE profiles (
  id bigserial PRIMARY KEY,
  role text NOT NULL,
  name text NOT NULL,
  site_id text REFERENCES sites (id),
  unit_id text REFERENCES units (id),
  bind_code text NOT NULL UNIQUE,
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  bound_user_id bigint REFERENCES users (id),
  bound_at timestamptz
);

CREATE TABLE checkins (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users (id),
  site_id text NOT NULL REFERENCES sites (id),
  day date NOT NULL,
  created_at timestamptz NOT NULL,
  lat double precision,
  lng double precision,
  accuracy double precision,
  distance_m integer,
  location_status text NOT NULL CHECK (location_status IN ('verified', 'pending', 'unverified')),
  UNIQUE (user_id, site_id, day)
);
CREATE INDEX checkins_site_day ON checkins (site_id, day);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  actor_user_id bigint REFERENCES users (id),
  fn text NOT NULL,
  action text NOT NULL,
  target text NOT NULL DEFAULT '',
  detail jsonb NOT NULL DEFAULT '{}',
  at timestamptz NOT NULL
);

CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  kind text NOT NULL,
  to_openid text NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
