/** Writing a new activity (its row and its invitations), for `activities.create` and for other features through public.ts. */
import type { ActivityKind, Audience } from '../../src/domain/activities'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'

export interface NewActivity {
  siteId: string
  kind: ActivityKind
  title: string
  place: string
  intro: string
  startsAt: string | Date
  endsAt: string | Date
  capacity?: number | null
  audience: Audience
  sectors: string[]
  invitees: number[]
  topicId?: number | null
  /** The other units co-hosting it (活动共办); its own site is never among them. */
  cohosts: string[]
  codePeriodS: number
  windowBeforeMin: number
  windowAfterMin: number
}

/** The activity's row and its invitations, in the caller's transaction; answers its id. */
export async function insertActivity(db: Queryable, organiserId: number, a: NewActivity): Promise<number> {
  const cohosts = [...new Set(a.cohosts)].filter((id) => id !== a.siteId)
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sites WHERE id = ANY ($1::text[])', [cohosts])
  if (n !== cohosts.length) fail('not_found', '未找到联办单位')
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO activities (site_id, kind, title, place, intro, starts_at, ends_at, capacity, audience, sectors, organiser_id, topic_id,
       code_period_s, window_before_min, window_after_min, cohosts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [a.siteId, a.kind, a.title, a.place, a.intro, a.startsAt, a.endsAt, a.capacity ?? null, a.audience,
      a.sectors, organiserId, a.topicId ?? null, a.codePeriodS, a.windowBeforeMin, a.windowAfterMin, cohosts],
  )
  if (a.invitees.length) {
    await db.query(
      `INSERT INTO activity_invites (activity_id, user_id) SELECT $1, u.id FROM users u WHERE u.id = ANY ($2::bigint[]) ON CONFLICT DO NOTHING`,
      [row.id, a.invitees],
    )
  }
  return row.id
}
