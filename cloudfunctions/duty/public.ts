/**
 * What other features may use of duty: the duty records that members' attendance (and the sessions
 * they hold as experts, for resources) earns under the
 * rules (`duty_rule_for`, migration 006) and their removal when a check-in is undone. Duty alone
 * writes its records; activities tells it whose attendance changed: here, or, for a check-in by
 * rotating code, in the database function `duty_earn_attendance` (duty's migration 012), which
 * activities' `activity_attend` calls in its one statement.
 */
import type { Queryable } from '../core/db'

/**
 * The records that the attendance of members at these activities earns and does not have yet
 * (one person's, or everyone's): an organiser's manual check-in and the demo data use it.
 */
export async function earnActivityPoints(db: Queryable, activityIds: number[], userId?: number): Promise<number> {
  const rows = await db.query(
    `INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, activity_id, created_at)
     SELECT t.user_id, activity_day(a.starts_at), rule.kind, rule.id, rule.points, 'activity:' || a.id, a.id, t.at
     FROM activity_attendance t JOIN activities a ON a.id = t.activity_id
       CROSS JOIN LATERAL duty_rule_for(a.kind, activity_day(a.starts_at)) rule
     WHERE a.id = ANY ($1::bigint[]) AND ($2::bigint IS NULL OR t.user_id = $2)
       AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = t.user_id AND r.role = 'member')
     ON CONFLICT (user_id, source_key) DO NOTHING RETURNING 1`,
    [activityIds, userId ?? null],
  )
  return rows.length
}

/** Removes what one person's attendance at an activity earned. */
export async function dropActivityPoints(db: Queryable, activityId: number, userId: number): Promise<void> {
  await db.query('DELETE FROM duty_records WHERE user_id = $1 AND source_key = $2', [userId, `activity:${activityId}`])
}

/**
 * The record a member earns for a session they held as an expert or a course's teacher (resources:
 * an accepted invitation confirmed as held), once per `key`: the attending rule of the session's
 * Shanghai day, the session's title as its note. Answers the points (0 for a non-member, or again).
 */
export async function earnSessionPoints(db: Queryable, s: { userId: number; day: string; key: string; note: string; at: Date }): Promise<number> {
  const [row] = await db.query<{ points: number }>(
    `INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, note, created_at)
     SELECT $1, $2::date, rule.kind, rule.id, rule.points, $3, $4, $5 FROM duty_rule_for('salon', $2::date) rule
     WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = $1 AND r.role = 'member')
     ON CONFLICT (user_id, source_key) DO NOTHING RETURNING points::float8 AS points`,
    [s.userId, s.day, s.key, s.note, s.at],
  )
  return row?.points ?? 0
}
