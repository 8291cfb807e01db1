/** What other features may use of activities: read-only facts about activities held at the sites, and creating one (resources' booking → activity). */
import type { Queryable, Row } from '../core/db'

export { insertActivity as createActivity, type NewActivity } from './create'

/** An activity held at a site: ended by `now`, with at least one person checked in (the `activities.held` figure's rule). */
export type HeldActivityRow = Row & { id: number; site_id: string; title: string; starts_at: Date; ends_at: Date; attendance: number }

/**
 * The activities held at `siteIds` that began in [from, to) and ended by `now`, by start. Each one's
 * attendance is counted unless `counted` is false (then 0: whether anyone came is all that is asked,
 * one probe of the attendance index per activity).
 */
export async function heldActivities(db: Queryable, siteIds: readonly string[], from: Date, to: Date, now: Date, counted = true): Promise<HeldActivityRow[]> {
  return db.query<HeldActivityRow>(
    `SELECT a.id, a.site_id, a.title, a.starts_at, a.ends_at,
       ${counted ? '(SELECT count(*)::int FROM activity_attendance x WHERE x.activity_id = a.id)' : '0'} AS attendance
     FROM activities a
     WHERE a.site_id = ANY($1::text[]) AND a.starts_at >= $2 AND a.starts_at < $3 AND a.ends_at <= $4
       AND EXISTS (SELECT 1 FROM activity_attendance x WHERE x.activity_id = a.id)
     ORDER BY a.starts_at, a.id`,
    [siteIds, from, to, now],
  )
}

/** The activities `ids` with how many checked in (any that exist), by id. */
export async function activitiesByIds(db: Queryable, ids: readonly number[]): Promise<HeldActivityRow[]> {
  return db.query<HeldActivityRow>(
    `SELECT a.id, a.site_id, a.title, a.starts_at, a.ends_at, (SELECT count(*)::int FROM activity_attendance x WHERE x.activity_id = a.id) AS attendance
     FROM activities a WHERE a.id = ANY($1::bigint[]) ORDER BY a.id`,
    [ids],
  )
}

/** An activity's site and times, or undefined. */
export type ActivityRef = Row & { id: number; site_id: string; title: string; starts_at: Date; ends_at: Date }

export async function findActivity(db: Queryable, activityId: number): Promise<ActivityRef | undefined> {
  const [row] = await db.query<ActivityRef>('SELECT id, site_id, title, starts_at, ends_at FROM activities WHERE id = $1', [activityId])
  return row
}

/** One line of an activity's sign-in list: the display name (never an openid), when, and how (code or 补签). */
export type SigninRow = Row & { activity_id: number; nickname: string; at: Date; via: 'code' | 'manual' }

/** The sign-in lists of `activityIds`, by activity and time. */
export async function signinLists(db: Queryable, activityIds: readonly number[]): Promise<SigninRow[]> {
  return db.query<SigninRow>(
    `SELECT x.activity_id, u.nickname, x.at, x.via FROM activity_attendance x JOIN users u ON u.id = x.user_id
     WHERE x.activity_id = ANY($1::bigint[]) ORDER BY x.activity_id, x.at, x.id`,
    [activityIds],
  )
}
