-- The archive (档案, issue 21): one item per activity, numbered year-site-sequence (2026-W05-001)
-- from a counter per site and year. The counter's row is locked before the item is looked for, so
-- two parts recorded at once for one activity give one item, and a number is never skipped (a
-- refused record rolls its increment back with it).
CREATE TABLE operation_archive_counters (
  site_id text NOT NULL REFERENCES sites (id),
  year integer NOT NULL CHECK (year BETWEEN 2020 AND 2099),
  last_seq integer NOT NULL CHECK (last_seq >= 0),
  PRIMARY KEY (site_id, year)
);

CREATE TABLE operation_archive_items (
  -- An activity of activities (read through activities/public.ts), archived once.
  activity_id bigint PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  year integer NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  created_at timestamptz NOT NULL,
  UNIQUE (site_id, year, seq)
);
