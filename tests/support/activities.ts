/** Helpers for the activities and duty tests: callers, members made in bulk, an activity made by staff, a current code. */
import type { Queryable } from '../../cloudfunctions/core/db'
import { main as activities } from '../../cloudfunctions/activities'
import { DEV_CODE_SECRET, issueToken } from '../../cloudfunctions/activities/token'
import { main as duty } from '../../cloudfunctions/duty'
import { caller } from './runtime'

export const as = (openid: string) => ({ activities: caller(activities, openid), duty: caller(duty, openid) })

/** People with the member role (and a sector), as binding their profiles would make them; answers their user ids. */
export async function makeMembers(db: Queryable, prefix: string, count: number, sector = '文艺界'): Promise<number[]> {
  const rows = await db.query(
    `WITH made AS (
       INSERT INTO users (openid, nickname) SELECT $1 || g, '委员' || g FROM generate_series(1, $2::int) g RETURNING id, nickname)
     , roles AS (INSERT INTO user_roles (user_id, role) SELECT id, 'member' FROM made)
     , facts AS (INSERT INTO member_facts (user_id, name, sector) SELECT id, nickname, $3 FROM made)
     SELECT id FROM made ORDER BY id`,
    [prefix, count, sector],
  )
  return rows.map((r) => Number(r.id))
}

/** 10:00–12:00 Shanghai on the tests' default day (2026-11-20). */
export const activityDraft = (extra: object = {}) => ({
  siteId: 'W01',
  kind: 'studio_day',
  title: '“运河情·同心缘”国学体验日',
  place: '工作室一楼',
  startsAt: '2026-11-20T02:00:00Z',
  endsAt: '2026-11-20T04:00:00Z',
  ...extra,
})

export async function createActivity(extra: object = {}): Promise<number> {
  const made = await as('demo-staff').activities('create', activityDraft(extra))
  if (!made.ok) throw new Error(JSON.stringify(made))
  return made.data.id
}

/** The scene an organiser's screen shows at `at` (the tests run without ACTIVITY_CODE_SECRET). */
export const sceneAt = (activityId: number, at: Date | string, periodS = 10) => issueToken(DEV_CODE_SECRET, activityId, periodS, new Date(at)).scene
