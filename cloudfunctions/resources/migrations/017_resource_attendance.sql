-- Seats, check-in and no-shows (issue 18).
-- A seated resource's session: the bookings of the same times share its seats. `taken` counts the
-- bookings holding a seat and may never pass `seats` (a conditional UPDATE takes a seat, so 40
-- requests for 30 seats at once give 30 and 10 `full`); sessions with a seat taken never overlap.
CREATE TABLE resource_sessions (
  id bigserial PRIMARY KEY,
  resource_id bigint NOT NULL REFERENCES resources (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  span tstzrange NOT NULL,
  seats integer NOT NULL CHECK (seats > 0),
  taken integer NOT NULL DEFAULT 0,
  CHECK (taken BETWEEN 0 AND seats),
  UNIQUE (resource_id, starts_at, ends_at),
  CONSTRAINT resource_sessions_no_overlap EXCLUDE USING gist (resource_id WITH =, span WITH &&) WHERE (taken > 0)
);

-- A seat booking belongs to a session and holds no slot of its own: the session does.
ALTER TABLE resource_bookings
  ADD COLUMN session_id bigint REFERENCES resource_sessions (id),
  -- Staff forgave this no-show when lifting a suspension: it no longer counts.
  ADD COLUMN forgiven_at timestamptz,
  DROP CONSTRAINT resource_bookings_no_overlap,
  ADD CONSTRAINT resource_bookings_no_overlap EXCLUDE USING gist (resource_id WITH =, span WITH &&)
    WHERE (status IN ('pending', 'confirmed', 'checked_in') AND session_id IS NULL);
-- One seat per person and session.
CREATE UNIQUE INDEX resource_bookings_one_seat ON resource_bookings (session_id, person_id)
  WHERE session_id IS NOT NULL AND status IN ('pending', 'confirmed', 'checked_in');
CREATE INDEX resource_bookings_no_shows ON resource_bookings (person_id, starts_at) WHERE status = 'no_show';
CREATE INDEX resource_bookings_starting ON resource_bookings (starts_at) WHERE status = 'confirmed';

-- Booking suspended: 3 no-shows within 90 days → 30 days. Lifted early only by staff, with a reason.
CREATE TABLE resource_suspensions (
  id bigserial PRIMARY KEY,
  person_id bigint NOT NULL REFERENCES users (id),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  lifted_by bigint REFERENCES users (id),
  lifted_at timestamptz,
  note text,
  CHECK (ends_at > starts_at),
  CHECK ((lifted_at IS NULL) = (lifted_by IS NULL))
);
CREATE INDEX resource_suspensions_person ON resource_suspensions (person_id, ends_at DESC);
