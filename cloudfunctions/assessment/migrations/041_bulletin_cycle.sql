-- The bulletin's cycle (issue 19): a month is frozen into versions, each with the inputs it was
-- made of (so it can be recomputed byte for byte) and the hashes of inputs and content; a version
-- goes to the units for appeals (review), then is final; an upheld appeal issues a new version and
-- the one before is superseded. A frozen version's content, inputs and hashes are never edited,
-- and no version is deleted (a trigger refuses both).
ALTER TABLE assessment_bulletins DROP CONSTRAINT assessment_bulletins_pkey;
ALTER TABLE assessment_bulletins DROP CONSTRAINT assessment_bulletins_status_check;
-- Bulletins published before this cycle are final versions 1, without frozen inputs.
UPDATE assessment_bulletins SET status = 'final';
ALTER TABLE assessment_bulletins
  ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version > 0),
  ADD COLUMN inputs jsonb,
  ADD COLUMN inputs_hash text,
  ADD COLUMN scheme_version integer NOT NULL DEFAULT 0,
  ADD COLUMN frozen_by bigint REFERENCES users(id),
  ADD COLUMN frozen_at timestamptz,
  ADD COLUMN appeal_until date,
  ADD COLUMN change_log jsonb NOT NULL DEFAULT '[]',
  ADD CONSTRAINT assessment_bulletins_status_check CHECK (status IN ('review', 'final', 'superseded'));
UPDATE assessment_bulletins SET frozen_at = published_at, frozen_by = published_by, appeal_until = (published_at AT TIME ZONE 'Asia/Shanghai')::date;
ALTER TABLE assessment_bulletins ALTER COLUMN frozen_at SET NOT NULL, ALTER COLUMN appeal_until SET NOT NULL, ADD PRIMARY KEY (month, version);
-- One current version per month.
CREATE UNIQUE INDEX assessment_bulletins_current ON assessment_bulletins (month) WHERE status <> 'superseded';

CREATE FUNCTION assessment_bulletin_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a bulletin version is never deleted' USING ERRCODE = 'check_violation';
  END IF;
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.inputs IS DISTINCT FROM OLD.inputs OR NEW.hash IS DISTINCT FROM OLD.hash
     OR NEW.inputs_hash IS DISTINCT FROM OLD.inputs_hash OR NEW.month <> OLD.month OR NEW.version <> OLD.version THEN
    RAISE EXCEPTION 'a frozen bulletin is never edited' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER assessment_bulletins_frozen BEFORE UPDATE OR DELETE ON assessment_bulletins
  FOR EACH ROW EXECUTE FUNCTION assessment_bulletin_frozen();

-- A unit's appeal against one figure of a version under review; staff decide it once.
CREATE TABLE assessment_appeals (
  id bigserial PRIMARY KEY,
  month text NOT NULL,
  version integer NOT NULL,
  site_id text NOT NULL,
  figure text NOT NULL,
  value double precision NOT NULL,
  claimed double precision NOT NULL CHECK (claimed >= 0),
  reason text NOT NULL,
  evidence text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'rejected')),
  filed_by bigint NOT NULL REFERENCES users(id),
  filed_at timestamptz NOT NULL,
  decided_by bigint REFERENCES users(id),
  decided_at timestamptz,
  note text,
  issued_version integer,
  FOREIGN KEY (month, version) REFERENCES assessment_bulletins (month, version),
  CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- One open appeal per unit, figure and month.
CREATE UNIQUE INDEX assessment_appeals_open ON assessment_appeals (month, site_id, figure) WHERE status = 'pending';
CREATE INDEX assessment_appeals_month ON assessment_appeals (month, status);
