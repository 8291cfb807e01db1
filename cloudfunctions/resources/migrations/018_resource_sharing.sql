-- What the alliance shares besides slots (issue 18): the member who is an expert resource and the
-- contact shown once they accept an invitation, a data set's fields, data requests with their
-- download links, a unit's secret calendar feed, and each booking's calendar SEQUENCE.

ALTER TABLE resources
  -- The person who answers an expert's (or course's) invitations; a member's held sessions count in their duty record.
  ADD COLUMN expert_user_id bigint REFERENCES users (id),
  -- Shown to the inviter only once the invitation is accepted.
  ADD COLUMN contact text NOT NULL DEFAULT '',
  -- The fields a data set offers, to be requested by name.
  ADD COLUMN data_fields text[] NOT NULL DEFAULT '{}';
CREATE INDEX resources_expert ON resources (expert_user_id) WHERE expert_user_id IS NOT NULL;

ALTER TABLE resource_bookings
  -- The iCalendar SEQUENCE: rises with every change of state or time (the trigger below), whoever makes it.
  ADD COLUMN sequence integer NOT NULL DEFAULT 0,
  -- An expert's or course's session confirmed as held (after its end), once.
  ADD COLUMN held_at timestamptz,
  -- The activity a venue booking became, once.
  ADD COLUMN activity_id bigint UNIQUE REFERENCES activities (id);

CREATE FUNCTION resource_booking_sequence() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF (NEW.status, NEW.starts_at, NEW.ends_at, NEW.purpose) IS DISTINCT FROM (OLD.status, OLD.starts_at, OLD.ends_at, OLD.purpose) THEN
      NEW.sequence := OLD.sequence + 1;
    END IF;
    RETURN NEW;
  END
$fn$;
CREATE TRIGGER resource_bookings_sequence BEFORE UPDATE ON resource_bookings FOR EACH ROW EXECUTE FUNCTION resource_booking_sequence();

CREATE TABLE resource_data_requests (
  id bigserial PRIMARY KEY,
  resource_id bigint NOT NULL REFERENCES resources (id),
  site_id text NOT NULL REFERENCES sites (id),
  for_site_id text REFERENCES sites (id),
  person_id bigint NOT NULL REFERENCES users (id),
  purpose text NOT NULL,
  fields text[] NOT NULL CHECK (cardinality(fields) > 0),
  level text NOT NULL CHECK (level IN ('aggregate', 'masked', 'detail')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
  note text,
  -- The de-identified extract the owner approved with; downloaded by the requester until expires_at.
  extract text,
  expires_at timestamptz,
  decided_by bigint REFERENCES users (id),
  decided_at timestamptz,
  created_at timestamptz NOT NULL,
  CHECK ((status = 'approved') = (extract IS NOT NULL AND expires_at IS NOT NULL))
);
-- One open request per person and data set: a second is `duplicate`.
CREATE UNIQUE INDEX resource_data_requests_open ON resource_data_requests (resource_id, person_id) WHERE status = 'pending';
CREATE INDEX resource_data_requests_site ON resource_data_requests (site_id, status, id);
CREATE INDEX resource_data_requests_person ON resource_data_requests (person_id, id);

-- A unit's calendar feed behind a secret link: only the token's SHA-256 is kept; one live link per unit.
CREATE TABLE resource_feeds (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  token_hash text NOT NULL UNIQUE,
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL,
  revoked_at timestamptz
);
CREATE UNIQUE INDEX resource_feeds_live ON resource_feeds (site_id) WHERE revoked_at IS NULL;
