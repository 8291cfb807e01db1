-- The assessment (issue 19): the year's weights, versioned (a result names the version it used),
-- and the monthly bulletins, frozen when published (a published bulletin is never edited).
CREATE TABLE assessment_schemes (
  year integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
  version integer NOT NULL CHECK (version > 0),
  weights jsonb NOT NULL,
  saved_by bigint NOT NULL REFERENCES users(id),
  saved_at timestamptz NOT NULL,
  PRIMARY KEY (year, version)
);

CREATE TABLE assessment_bulletins (
  month text PRIMARY KEY CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  content jsonb NOT NULL,
  hash text NOT NULL,
  published_by bigint REFERENCES users(id),
  published_at timestamptz
);
