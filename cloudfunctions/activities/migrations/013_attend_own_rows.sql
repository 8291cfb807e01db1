-- The rotating-code check-in (006's `activity_attend`, same arguments and answer) writes only
-- activities' rows: the bad-token limit is the kernel's rule (`rate_limited_keys`, 011) and the duty
-- records are duty's to write (`duty_earn_attendance`, 012), both in the same one statement, so a
-- batch is still one round trip. One row per input, in order; no `at`: limited or already checked in.
CREATE OR REPLACE FUNCTION activity_attend(p_activity bigint[], p_user bigint[], p_now timestamptz[], p_day date[], p_rule bigint[], p_kind text[],
    p_points numeric[], p_limit_key text[], p_limit_secs float8, p_limit_max bigint)
  RETURNS TABLE (at timestamptz, points float8) LANGUAGE plpgsql AS $fn$
  #variable_conflict use_column
  BEGIN
    RETURN QUERY
    WITH input AS (
      SELECT * FROM unnest(p_activity, p_user, p_now, p_day, p_rule, p_kind, p_points, p_limit_key)
        WITH ORDINALITY AS i (activity_id, user_id, at, day, rule_id, kind, points, limit_key, n)
    ), att AS (
      INSERT INTO activity_attendance (activity_id, user_id, at, via)
      SELECT i.activity_id, i.user_id, i.at, 'code' FROM input i
      WHERE i.limit_key NOT IN (SELECT * FROM rate_limited_keys(p_limit_key, p_now, p_limit_max, p_limit_secs))
      ON CONFLICT (activity_id, user_id) DO NOTHING RETURNING activity_id, user_id, at
    ), fresh AS (
      SELECT array_agg(i.user_id) AS users, array_agg(i.activity_id) AS activities, array_agg(i.day) AS days, array_agg(i.rule_id) AS rules,
        array_agg(i.kind) AS kinds, array_agg(i.points) AS points, array_agg(att.at) AS ats
      FROM att JOIN input i ON i.activity_id = att.activity_id AND i.user_id = att.user_id WHERE i.rule_id IS NOT NULL
      HAVING count(*) > 0
    ), duty AS (
      SELECT d.user_id, d.points
      FROM fresh CROSS JOIN LATERAL duty_earn_attendance(fresh.users, fresh.activities, fresh.days, fresh.rules, fresh.kinds, fresh.points, fresh.ats) d
    )
    SELECT att.at, coalesce(duty.points, 0)::float8
    FROM input i LEFT JOIN att ON att.activity_id = i.activity_id AND att.user_id = i.user_id LEFT JOIN duty ON duty.user_id = i.user_id
    ORDER BY i.n;
  END
$fn$;
