-- The duty records that check-ins by rotating code earn, written by duty alone: activities'
-- `activity_attend` (013) hands over, in the statement that records the attendance, each new
-- attendance with the rule the activity's facts chose (none for a non-member) and gets back the
-- points each person earned. One record per person and activity (a unique key), as before (006).
-- PL/pgSQL keeps the statement's plan, so a batch costs its inserts and not the planning.
CREATE FUNCTION duty_earn_attendance(p_user bigint[], p_activity bigint[], p_day date[], p_rule bigint[], p_kind text[],
    p_points numeric[], p_at timestamptz[])
  RETURNS TABLE (user_id bigint, activity_id bigint, points numeric) LANGUAGE plpgsql AS $fn$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY
    WITH earned AS (
      INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, activity_id, created_at)
      SELECT x.user_id, x.day, x.kind, x.rule_id, x.points, 'activity:' || x.activity_id, x.activity_id, x.at
      FROM unnest(p_user, p_activity, p_day, p_rule, p_kind, p_points, p_at) x (user_id, activity_id, day, rule_id, kind, points, at)
      WHERE x.rule_id IS NOT NULL
      ON CONFLICT (user_id, source_key) DO NOTHING RETURNING user_id, activity_id, points
    )
    SELECT earned.user_id, earned.activity_id, earned.points FROM earned;
  END
$fn$;
