/** Reading activities: the row behind a call, summaries, one activity as a person sees it, a studio's section. */
import type { ActivityDetail, ActivitySummary, SignupStatus, StudioSection } from '../../src/domain/activities'
import { can } from '../../src/domain/activities/permissions'
import { maskName } from '../../src/domain/mask'
import { personNameSql, publicMasker } from '../core/names'
import type { Caller } from '../core/identity'
import type { Queryable, Row } from '../core/db'
import { fail } from '../core/errors'

export const summaryColumns = `a.id, a.site_id AS "siteId", s.name AS "siteName", a.kind, a.title, a.place,
  a.starts_at AS "startsAt", a.ends_at AS "endsAt", a.capacity, a.confirmed_count AS "confirmed", a.audience`
export const summaryFrom = 'activities a JOIN sites s ON s.id = a.site_id'

export interface ActivityRow extends Row {
  id: number
  site_id: string
  title: string
  kind: string
  organiser_id: number | null
  audience: ActivityDetail['audience']
  sectors: string[]
  capacity: number | null
  confirmed_count: number
  code_period_s: number
  starts_at: Date
  ends_at: Date
}

/** The activity's row (locked for the transaction when `lock`), or `not_found`. */
export async function loadActivity(db: Queryable, id: number, lock = false): Promise<ActivityRow> {
  const [row] = await db.query<ActivityRow>(`SELECT * FROM activities WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return row ?? fail('not_found', '未找到该活动')
}

/** The activity, or `forbidden` unless the caller organises it or manages its site. */
export async function managedActivity(db: Queryable, caller: Caller, id: number, lock = false): Promise<ActivityRow> {
  const activity = await loadActivity(db, id, lock)
  if (!can(caller, 'manage', { siteId: activity.site_id, organiserId: activity.organiser_id })) fail('forbidden', '只有活动组织者或本联盟点管理员可以操作')
  return activity
}

/** What the join rule needs to know about the caller for this activity: their sector and whether they were invited. */
export async function joinFacts(db: Queryable, userId: number, activityId: number): Promise<{ memberSector: string | null; invited: boolean }> {
  const [row] = await db.query<{ sector: string | null; invited: boolean }>(
    `SELECT (SELECT sector FROM member_facts WHERE user_id = $1) AS sector,
       EXISTS (SELECT 1 FROM activity_invites WHERE activity_id = $2 AND user_id = $1) AS invited`,
    [userId, activityId],
  )
  return { memberSector: row.sector ?? null, invited: row.invited }
}

type DetailRow = Omit<ActivityDetail, 'mine' | 'manages'> & { organiserId: number | null; myStatus: SignupStatus | null; myPosition: number | null }

export async function activityDetail(db: Queryable, caller: Caller, id: number): Promise<ActivityDetail> {
  const [row] = await db.query<DetailRow>(
    `SELECT ${summaryColumns}, a.intro, a.sectors, a.topic_id AS "topicId", a.code_period_s AS "codePeriodS",
       a.organiser_id AS "organiserId", ${personNameSql('o', 'of')} AS "organiserName",
       (SELECT count(*)::int FROM activity_signups w WHERE w.activity_id = a.id AND w.status = 'waitlisted') AS waitlisted,
       (SELECT count(*)::int FROM activity_attendance t WHERE t.activity_id = a.id) AS attendance,
       EXISTS (SELECT 1 FROM activity_attendance t WHERE t.activity_id = a.id AND t.user_id = $2) AS "checkedIn",
       m.status AS "myStatus",
       (SELECT COALESCE(json_agg(json_build_object('siteId', c.id, 'siteName', c.name) ORDER BY c.sort, c.id), '[]')
        FROM sites c WHERE c.id = ANY (a.cohosts)) AS cohosts,
       CASE WHEN m.status = 'waitlisted' THEN (SELECT count(*)::int FROM activity_signups w
         WHERE w.activity_id = a.id AND w.status = 'waitlisted' AND w.queued_seq <= m.queued_seq) END AS "myPosition"
     FROM ${summaryFrom}
       LEFT JOIN users o ON o.id = a.organiser_id LEFT JOIN member_facts of ON of.user_id = a.organiser_id
       LEFT JOIN activity_signups m ON m.activity_id = a.id AND m.person_id = $2 AND m.status <> 'cancelled'
     WHERE a.id = $1`,
    [id, caller.userId],
  )
  if (!row) return fail('not_found', '未找到该活动')
  const { organiserId, myStatus, myPosition, ...detail } = row
  return {
    ...detail,
    intro: (await publicMasker(db))(detail.intro),
    organiserName: organiserId && detail.organiserName ? maskName(detail.organiserName) : null,
    mine: myStatus ? { status: myStatus, position: myPosition ?? null } : null,
    manages: can(caller, 'manage', { siteId: detail.siteId, organiserId }),
  }
}

export async function studioSection(db: Queryable, siteId: string, now: Date): Promise<StudioSection> {
  const [members, upcoming, past] = await Promise.all([
    db.query<StudioSection['members'][number]>(
      `SELECT f.user_id AS "userId", f.name, f.sector FROM member_facts f WHERE f.studio_site_id = $1 ORDER BY f.name, f.user_id`,
      [siteId],
    ),
    db.query<ActivitySummary>(`SELECT ${summaryColumns} FROM ${summaryFrom} WHERE a.site_id = $1 AND a.ends_at > $2 ORDER BY a.starts_at, a.id LIMIT 5`, [siteId, now]),
    db.query<StudioSection['past'][number]>(
      `SELECT ${summaryColumns}, (SELECT count(*)::int FROM activity_attendance t WHERE t.activity_id = a.id) AS attended
       FROM ${summaryFrom} WHERE a.site_id = $1 AND a.ends_at <= $2 ORDER BY a.starts_at DESC, a.id DESC LIMIT 10`,
      [siteId, now],
    ),
  ])
  return { members, upcoming, past }
}

export type { ActivitySummary }
