/**
 * What other features may use of checkin: reading a site's check-in code, and recording a check-in
 * at the desk on behalf of a resident without a phone.
 */
import { parseScene } from '../../src/domain/scene'
import { shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { take } from '../core/rate-limit'
import { findSite, type SiteRow } from '../sites/public'

/** The site whose check-in code (its scene, as scanned) this is; `invalid_input` for a code that is not a site's. */
export async function siteOfCode(db: Queryable, scene: unknown): Promise<SiteRow> {
  const parsed = parseScene(scene)
  if (!parsed.ok) return fail('invalid_input', parsed.reason)
  return findSite(db, parsed.siteId)
}

/** At most this many desk check-ins per staff member in a day (a sliding 24 hours). */
export const ASSIST_DAILY_MAX = 60
const DAY_MS = 24 * 60 * 60 * 1000

export interface AssistInput {
  siteId: string
  /** The staff member at the desk (a site admin of the site, or district staff). */
  staffUserId: number
  name: string
  birthYear: number
  /** The last 4 characters of the ID card (digits, the last may be X). */
  idLast4: string
}

export type AssistedCheckinRow = { id: number; person_id: number; site_id: string; day: string; created_at: Date }

/**
 * Matches (or makes) the managed person record and checks them in at the site today, marked as
 * assisted by the staff member. Call it in a transaction: the limit's slot is undone with a refusal.
 */
export async function assistCheckin(db: Queryable, now: Date, input: AssistInput): Promise<AssistedCheckinRow> {
  await take({ db, now }, { key: `checkin.assist:${input.staffUserId}`, max: ASSIST_DAILY_MAX, windowMs: DAY_MS }, `每位工作人员每天最多代为签到 ${ASSIST_DAILY_MAX} 人`)
  await db.query(
    `INSERT INTO assisted_people (name, birth_year, id_last4, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (name, birth_year, id_last4) DO NOTHING`,
    [input.name, input.birthYear, input.idLast4, input.staffUserId, now],
  )
  const [person] = await db.query<{ id: number }>('SELECT id FROM assisted_people WHERE name = $1 AND birth_year = $2 AND id_last4 = $3', [input.name, input.birthYear, input.idLast4])
  const [row] = await db.query<AssistedCheckinRow>(
    `INSERT INTO assisted_checkins (person_id, site_id, day, created_at, assisted_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id, day) DO NOTHING RETURNING id, person_id, site_id, day, created_at`,
    [person.id, input.siteId, shanghaiDay(now), now, input.staffUserId],
  )
  return row ?? fail('duplicate', '该居民今天已签到，不能重复代签')
}
