-- The annual joint plan (年度联动活动计划, issue 21): a site's planned activities by month, with the
-- sites that co-host them; planned vs held is read against activities' records (activities/public.ts).
CREATE TABLE operation_plan_items (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id),
  year integer NOT NULL CHECK (year BETWEEN 2020 AND 2099),
  month integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  title text NOT NULL,
  cohosts text[] NOT NULL DEFAULT '{}',
  created_by bigint REFERENCES users (id),
  created_at timestamptz NOT NULL,
  UNIQUE (site_id, year, month, title)
);
CREATE INDEX operation_plan_items_year ON operation_plan_items (year, site_id);
