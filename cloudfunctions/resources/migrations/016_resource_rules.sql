-- Booking rules (issue 18): opening hours and closed weekdays (statutory holidays come from the
-- holiday calendar), a monthly hour cap per unit, seated resources, weekly series, and the states
-- a booking reaches by itself: expired (pending, undecided within 2 working days) and no_show.
ALTER TABLE resources
  ADD COLUMN open_from_min integer NOT NULL DEFAULT 480 CHECK (open_from_min BETWEEN 0 AND 1440),
  ADD COLUMN open_to_min integer NOT NULL DEFAULT 1200 CHECK (open_to_min BETWEEN 0 AND 1440),
  -- ISO weekdays (1 Monday … 7 Sunday) the resource is closed on.
  ADD COLUMN closed_weekdays smallint[] NOT NULL DEFAULT '{}',
  -- Hours one unit may book of it in a Shanghai month; NULL: no cap.
  ADD COLUMN unit_month_hours integer CHECK (unit_month_hours > 0),
  -- Booked by the seat: bookings of the same times share one session of `capacity` seats.
  ADD COLUMN seated boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT resources_open_hours CHECK (open_to_min > open_from_min),
  ADD CONSTRAINT resources_seated_capacity CHECK (NOT seated OR capacity IS NOT NULL);
-- The venues' default cap (20 venue-hours per unit and month); the owner may change or clear it.
UPDATE resources SET unit_month_hours = 20 WHERE kind = 'venue';

CREATE SEQUENCE resource_series_seq;

ALTER TABLE resource_bookings
  DROP CONSTRAINT resource_bookings_status_check,
  ADD CONSTRAINT resource_bookings_status_check
    CHECK (status IN ('pending', 'confirmed', 'declined', 'cancelled', 'checked_in', 'expired', 'no_show')),
  -- The weekly series it belongs to (from resource_series_seq); NULL: a single booking.
  ADD COLUMN series_id bigint,
  -- A pending booking expires at this instant unless decided first.
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN checked_in_at timestamptz;
CREATE INDEX resource_bookings_series ON resource_bookings (series_id) WHERE series_id IS NOT NULL;
CREATE INDEX resource_bookings_expiring ON resource_bookings (expires_at) WHERE status = 'pending';
CREATE INDEX resource_bookings_unit_month ON resource_bookings (resource_id, for_site_id, starts_at) WHERE for_site_id IS NOT NULL;
