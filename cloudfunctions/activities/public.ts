/** What other features may use of activities: read-only facts about activities held at the sites, and creating one (resources' booking → activity). */
import type { Queryable, Row } from '../core/db'

export { insertActivity as createActivity, type NewActivity } from './create'

/** An activity held at a site: ended by `now`, with at least one person checked in (the `activities.held` figure's rule). */
export type HeldActivityRow = Row & { id: number; site_id: string; title: string; starts_at: Date; ends_at: Date; attendance: number }

/** The activities held at `siteIds` that began in [from, to) and ended by `now`, by start. */
export async function heldActivities(db: Queryable, siteIds: readonly string[], from: Date, to: Date, now: Date): Promise<HeldActivityRow[]> {
  return db.query<HeldActivityRow>(
    `SELECT a.id, a.site_id, a.title, a.starts_at, a.ends_at, count(x.id)::int AS attendance
     FROM activities a JOIN activity_attendance x ON x.activity_id = a.id
     WHERE a.site_id = ANY($1::text[]) AND a.starts_at >= $2 AND a.starts_at < $3 AND a.ends_at <= $4
     GROUP BY a.id ORDER BY a.starts_at, a.id`,
    [siteIds, from, to, now],
  )
}

/** An activity's site and times, or undefined. */
export type ActivityRef = Row & { id: number; site_id: string; title: string; starts_at: Date; ends_at: Date }

export async function findActivity(db: Queryable, activityId: number): Promise<ActivityRef | undefined> {
  const [row] = await db.query<ActivityRef>('SELECT id, site_id, title, starts_at, ends_at FROM activities WHERE id = $1', [activityId])
  return row
}
