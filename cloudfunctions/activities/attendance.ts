/**
 * Attendance and the duty points it earns. A check-in by rotating code judges the activity's
 * window and audience from its facts (cached 30 s, like a site's row), then one call of the
 * database function `activity_attend` (migration 013), shared with the check-ins waiting beside it
 * (group commit), asks the kernel's rule whether the person's bad-token limit is used up
 * (`rate_limited_keys`, 011), writes the attendance row (one per person and activity, a unique key)
 * and hands each new one of a member to duty, whose `duty_earn_attendance` (012) writes the record
 * under the rule in force on the activity's day (one per person and activity, a unique key).
 * Printed site codes go to the `checkin` function and never reach these tables.
 */
import { readCache } from '../core/cache'
import type { Queryable } from '../core/db'
import { groupCommit } from '../core/group-commit'
import { limited } from '../core/rate-limit'
import { dropActivityPoints, earnActivityPoints } from '../duty/public'
import type { ActivityRow } from './read'

export const BAD_TOKEN_LIMIT = { max: 12, windowMs: 60_000 }
export const badTokenKey = (userId: number) => `activity-code:${userId}`

/** What a check-in needs to know about an activity: its window, audience and the rule its attendance earns. */
export interface CheckinFacts {
  id: number
  title: string
  audience: ActivityRow['audience']
  sectors: string[]
  siteId: string
  opensAt: Date
  closesAt: Date
  day: string
  rule: { id: number; kind: string; points: number } | null
}

type FactsRow = Omit<CheckinFacts, 'rule'> & {
  ruleId: number | null
  ruleKind: string | null
  rulePoints: number | null
}

/** How long an activity's facts are reused: every scan names one, and they change rarely (like a site's row). */
export const FACTS_CACHE_MS = 30_000

/** The rule for what attending earns comes from duty's `duty_rule_for` (006: studio duty day or attending, in force on the activity's day). */
export const checkinFacts = readCache(FACTS_CACHE_MS, async (db, activityId: number): Promise<CheckinFacts | undefined> => {
  const [row] = await db.query<FactsRow>(
    `SELECT a.id, a.title, a.audience, a.sectors, a.site_id AS "siteId",
       a.starts_at - a.window_before_min * interval '1 minute' AS "opensAt", a.ends_at + a.window_after_min * interval '1 minute' AS "closesAt",
       activity_day(a.starts_at)::text AS day, r.id AS "ruleId", r.kind AS "ruleKind", r.points::float8 AS "rulePoints"
     FROM activities a LEFT JOIN LATERAL duty_rule_for(a.kind, activity_day(a.starts_at)) r ON true WHERE a.id = $1`,
    [activityId],
  )
  if (!row) return undefined
  const { ruleId, ruleKind, rulePoints, ...rest } = row
  const rule = ruleId ? { id: Number(ruleId), kind: ruleKind as string, points: rulePoints as number } : null
  return { ...rest, id: Number(rest.id), opensAt: new Date(rest.opensAt), closesAt: new Date(rest.closesAt), rule }
})

interface Attend {
  activityId: number
  userId: number
  at: Date
  day: string
  rule: CheckinFacts['rule']
}

type Attended = { at: string | null; points: number }

/** Check-ins by rotating code, a batch in one call of `activity_attend` (migration 013); a row without `at`: limited or already in. */
const attend = groupCommit<Attend, Attended>(
  async (db, batch) =>
    db.query<Attended>('SELECT * FROM activity_attend($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
      batch.map((a) => a.activityId),
      batch.map((a) => a.userId),
      batch.map((a) => a.at),
      batch.map((a) => a.day),
      batch.map((a) => a.rule?.id ?? null),
      batch.map((a) => a.rule?.kind ?? null),
      batch.map((a) => a.rule?.points ?? null),
      batch.map((a) => badTokenKey(a.userId)),
      BAD_TOKEN_LIMIT.windowMs / 1000,
      BAD_TOKEN_LIMIT.max,
    ]),
  (a) => a.userId,
)

/** The check-in itself, with whatever other check-ins are waiting (group commit); the points when `member`. Nothing back: limited or already in (see `whyNot`). */
export async function attendByCode(db: Queryable, facts: CheckinFacts, userId: number, member: boolean, now: Date): Promise<{ at: string; points: number } | undefined> {
  const row = await attend(db, { activityId: facts.id, userId, at: now, day: facts.day, rule: member ? facts.rule : null })
  return row.at === null ? undefined : { at: row.at, points: row.points }
}

/** Why a check-in wrote nothing: the person is limited, or already checked in (with the first check-in's time). */
export async function whyNot(db: Queryable, activityId: number, userId: number, now: Date): Promise<{ refusal: 'rate_limited' | 'duplicate'; at?: string }> {
  if (await limited(db, { key: badTokenKey(userId), ...BAD_TOKEN_LIMIT }, now)) return { refusal: 'rate_limited' }
  const [row] = await db.query<{ at: string }>('SELECT at FROM activity_attendance WHERE activity_id = $1 AND user_id = $2', [activityId, userId])
  return { refusal: 'duplicate', at: row?.at }
}

/** An organiser's manual check-in; the points follow as for a scan. Answers false when already checked in. */
export async function addAttendance(db: Queryable, activityId: number, userId: number, by: number, reason: string, now: Date): Promise<boolean> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO activity_attendance (activity_id, user_id, at, via, added_by, reason) VALUES ($1, $2, $3, 'manual', $4, $5)
     ON CONFLICT (activity_id, user_id) DO NOTHING RETURNING id`,
    [activityId, userId, now, by, reason],
  )
  if (!row) return false
  await earnActivityPoints(db, [activityId], userId)
  return true
}

/** Undoes a check-in and the points it earned; answers the removed check-in's time, or undefined. */
export async function removeAttendance(db: Queryable, activityId: number, userId: number): Promise<string | undefined> {
  const [row] = await db.query<{ at: string }>('DELETE FROM activity_attendance WHERE activity_id = $1 AND user_id = $2 RETURNING at', [activityId, userId])
  if (!row) return undefined
  await dropActivityPoints(db, activityId, userId)
  return row.at
}

export const attendanceCount = async (db: Queryable, activityId: number): Promise<number> =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM activity_attendance WHERE activity_id = $1', [activityId]))[0].n
