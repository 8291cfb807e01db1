-- 联盟资源清单 and 一键预约 (issue 18): each unit's shareable venues, experts, courses and data, and
-- their bookings. No two bookings that count (pending, confirmed, checked in) overlap a resource,
-- buffers included: the database refuses them (exclusion constraints over tstzrange, btree_gist).
-- In public, whatever the search path: an extension belongs to one schema of the database, and a
-- schema dropped with CASCADE (a test's) would take the constraints of every other schema with it.
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public;

CREATE TABLE resources (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  -- A space inside another (a hall's half): one level only, and booking one blocks the other.
  parent_id bigint REFERENCES resources (id),
  kind text NOT NULL CHECK (kind IN ('venue', 'expert', 'course', 'data')),
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  capacity integer CHECK (capacity IS NULL OR capacity > 0),
  tags text[] NOT NULL DEFAULT '{}',
  notice_hours integer NOT NULL CHECK (notice_hours >= 0),
  max_days_ahead integer NOT NULL DEFAULT 30 CHECK (max_days_ahead BETWEEN 1 AND 30),
  min_minutes integer NOT NULL DEFAULT 30 CHECK (min_minutes > 0),
  max_minutes integer NOT NULL DEFAULT 240 CHECK (max_minutes >= min_minutes),
  buffer_before_min integer NOT NULL DEFAULT 0 CHECK (buffer_before_min >= 0),
  buffer_after_min integer NOT NULL DEFAULT 0 CHECK (buffer_after_min >= 0),
  cancel_hours integer NOT NULL DEFAULT 24 CHECK (cancel_hours >= 0),
  needs_approval boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE UNIQUE INDEX resources_site_name ON resources (site_id, name);
CREATE INDEX resources_site ON resources (site_id, kind);
CREATE INDEX resources_parent ON resources (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE resource_bookings (
  id bigserial PRIMARY KEY,
  resource_id bigint NOT NULL REFERENCES resources (id),
  -- The owning unit (copied from the resource) and the unit the booker acts for, when they manage one.
  site_id text NOT NULL REFERENCES sites (id),
  for_site_id text REFERENCES sites (id),
  person_id bigint NOT NULL REFERENCES users (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- The time the resource is taken: the booking with the buffers before and after it.
  span tstzrange NOT NULL,
  purpose text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled', 'checked_in')),
  decided_by bigint REFERENCES users (id),
  decided_at timestamptz,
  note text,
  cancelled_by bigint REFERENCES users (id),
  cancelled_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK (ends_at > starts_at),
  CHECK (span @> tstzrange(starts_at, ends_at)),
  CONSTRAINT resource_bookings_no_overlap EXCLUDE USING gist (resource_id WITH =, span WITH &&) WHERE (status IN ('pending', 'confirmed', 'checked_in'))
);
CREATE INDEX resource_bookings_person ON resource_bookings (person_id, starts_at DESC);
CREATE INDEX resource_bookings_site ON resource_bookings (site_id, status, starts_at);

-- What a booking holds: its resource and every space inside it, each with the booking's span.
-- Booking a hall holds its halves, booking a half holds only that half, which the hall's booking
-- would hold too: the family never double-books, and the two halves stay free of each other.
CREATE TABLE resource_holds (
  booking_id bigint NOT NULL REFERENCES resource_bookings (id),
  resource_id bigint NOT NULL REFERENCES resources (id),
  span tstzrange NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (booking_id, resource_id),
  CONSTRAINT resource_holds_no_overlap EXCLUDE USING gist (resource_id WITH =, span WITH &&) WHERE (active)
);
