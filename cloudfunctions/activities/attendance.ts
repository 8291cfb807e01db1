/**
 * Attendance and the duty points it earns. A check-in by rotating code is one call of the
 * database function `activity_checkin` (migration 006): the activity (in its window, open to the
 * person, the person not rate-limited), the attendance row (one per person and activity, a unique
 * key) and, for a member, the duty record under the rule in force on the activity's day (one per
 * person and activity, a unique key). Printed site codes go to the `checkin` function and never
 * reach these tables.
 */
import type { Queryable } from '../core/db'

/** The rule for what attending `a` earns (migration 006: studio duty day or attending, in force on the activity's day). */
const ruleFor = 'LATERAL duty_rule_for(a.kind, activity_day(a.starts_at)) rule'

export const BAD_TOKEN_LIMIT = { max: 12, windowMs: 60_000 }
export const badTokenKey = (userId: number) => `activity-code:${userId}`

export interface CodeCheckin {
  activityId: number
  userId: number
  now: Date
  /** A member or district staff: members-only activities are open to them. */
  mayMembers: boolean
  member: boolean
}

/** The check-in by a verified token (the `activity_checkin` function of migration 006); nothing when any condition failed (see `whyNot`). */
export async function checkInByCode(db: Queryable, c: CodeCheckin): Promise<{ at: string; title: string; points: number } | undefined> {
  const [row] = await db.query(
    'SELECT * FROM activity_checkin($1, $2, $3, $4, $5, $6, $7, $8)',
    [c.activityId, c.userId, c.now, c.mayMembers, c.member, badTokenKey(c.userId), new Date(c.now.getTime() - BAD_TOKEN_LIMIT.windowMs), BAD_TOKEN_LIMIT.max],
  )
  return row as { at: string; title: string; points: number } | undefined
}

export type Refusal = 'not_found' | 'rate_limited' | 'forbidden' | 'duplicate' | 'outside_window'

/** Why a check-in wrote nothing, read only on that path; `at` of the first check-in for a duplicate. */
export async function whyNot(db: Queryable, c: CodeCheckin): Promise<{ refusal: Refusal; at?: string }> {
  const [row] = await db.query(
    `SELECT activity_open_to(a.id, a.audience, a.sectors, $2, $4, $5) AS open,
       $3 BETWEEN a.starts_at - a.window_before_min * interval '1 minute' AND a.ends_at + a.window_after_min * interval '1 minute' AS "inWindow",
       (SELECT at FROM activity_attendance t WHERE t.activity_id = a.id AND t.user_id = $2) AS "firstAt",
       (SELECT count(*) FROM rate_events WHERE key = $6 AND at > $7) >= $8 AS limited
     FROM activities a WHERE a.id = $1`,
    [c.activityId, c.userId, c.now, c.mayMembers, c.member, badTokenKey(c.userId), new Date(c.now.getTime() - BAD_TOKEN_LIMIT.windowMs), BAD_TOKEN_LIMIT.max],
  )
  if (!row) return { refusal: 'not_found' }
  if (row.limited) return { refusal: 'rate_limited' }
  if (!row.open) return { refusal: 'forbidden' }
  if (row.firstAt) return { refusal: 'duplicate', at: row.firstAt }
  return { refusal: 'outside_window' }
}

/** An organiser's manual check-in; the points follow as for a scan. Answers false when already checked in. */
export async function addAttendance(db: Queryable, activityId: number, userId: number, by: number, reason: string, now: Date): Promise<boolean> {
  const [row] = await db.query(
    `INSERT INTO activity_attendance (activity_id, user_id, at, via, added_by, reason) VALUES ($1, $2, $3, 'manual', $4, $5)
     ON CONFLICT (activity_id, user_id) DO NOTHING RETURNING id`,
    [activityId, userId, now, by, reason],
  )
  if (!row) return false
  await earnPoints(db, [activityId], userId)
  return true
}

/**
 * The duty records that the attendance of members at these activities earns and does not have yet
 * (one person's, or everyone's): the organiser's manual check-in and the demo data use it.
 */
export async function earnPoints(db: Queryable, activityIds: number[], userId?: number): Promise<number> {
  const rows = await db.query(
    `INSERT INTO duty_records (user_id, day, kind, rule_id, points, source_key, activity_id, created_at)
     SELECT t.user_id, activity_day(a.starts_at), rule.kind, rule.id, rule.points, 'activity:' || a.id, a.id, t.at
     FROM activity_attendance t JOIN activities a ON a.id = t.activity_id CROSS JOIN ${ruleFor}
     WHERE a.id = ANY ($1::bigint[]) AND ($2::bigint IS NULL OR t.user_id = $2)
       AND EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = t.user_id AND r.role = 'member')
     ON CONFLICT (user_id, source_key) DO NOTHING RETURNING 1`,
    [activityIds, userId ?? null],
  )
  return rows.length
}

/** Undoes a check-in and the points it earned; answers the removed check-in's time, or undefined. */
export async function removeAttendance(db: Queryable, activityId: number, userId: number): Promise<string | undefined> {
  const [row] = await db.query('DELETE FROM activity_attendance WHERE activity_id = $1 AND user_id = $2 RETURNING at', [activityId, userId])
  if (!row) return undefined
  await db.query('DELETE FROM duty_records WHERE user_id = $1 AND source_key = $2', [userId, `activity:${activityId}`])
  return row.at
}

export const attendanceCount = async (db: Queryable, activityId: number): Promise<number> =>
  (await db.query('SELECT count(*)::int AS n FROM activity_attendance WHERE activity_id = $1', [activityId]))[0].n
