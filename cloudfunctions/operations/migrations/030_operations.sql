-- Site operations (issue 21): a site's profile (阵地档案) and the evidence of its 六有 — photos of the
-- space and the plaque, the rules documents, and each activity's archive parts (plan, minutes,
-- photos; the sign-in list is the activity's attendance). The statuses are derived, never stored.
-- The CHECK lists equal the const arrays of src/domain/operations (tests/functions/operations.test.ts).
CREATE TABLE operation_profiles (
  site_id text PRIMARY KEY REFERENCES sites (id),
  founder text NOT NULL DEFAULT '',
  theme text NOT NULL DEFAULT '',
  sectors text[] NOT NULL DEFAULT '{}',
  annual_plan text NOT NULL DEFAULT '',
  updated_by bigint REFERENCES users (id),
  updated_at timestamptz NOT NULL
);

CREATE TABLE operation_evidence (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  dimension text NOT NULL CHECK (dimension IN ('venue', 'sign', 'rules', 'archive')),
  file_kind text NOT NULL CHECK (file_kind IN ('photo', 'document')),
  file_id text NOT NULL,
  bytes integer NOT NULL CHECK (bytes > 0),
  lat double precision,
  lng double precision,
  -- A photo whose position lies outside the site's radius: kept, flagged for a person to check.
  outside_radius boolean NOT NULL DEFAULT false,
  -- An archive part names its activity (activities' id, read through activities/public.ts).
  activity_id bigint,
  part text CHECK (part IN ('plan', 'minutes', 'photo')),
  note text NOT NULL DEFAULT '',
  recorded_by bigint REFERENCES users (id),
  recorded_at timestamptz NOT NULL,
  CHECK ((dimension = 'archive') = (activity_id IS NOT NULL AND part IS NOT NULL))
);
CREATE INDEX operation_evidence_site ON operation_evidence (site_id, dimension, recorded_at);
CREATE INDEX operation_evidence_activity ON operation_evidence (activity_id) WHERE activity_id IS NOT NULL;
