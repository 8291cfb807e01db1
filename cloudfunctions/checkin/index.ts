/** checkin: a person scans a site's code and checks in, once per site per Asia/Shanghai day. */
import { assistedLabel, type CheckinRecord } from '../../src/domain/checkin'
import { checkinContract } from '../../src/domain/checkin/contract'
import { judgeLocation, RAW_LOCATION_DAYS } from '../../src/domain/geo'
import { shanghaiDay } from '../../src/domain/time'
import { everyone } from '../core/access'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { pageOf } from '../core/page'
import { createMain, defineFunction } from '../core/router'
import { claimCard, siteOfCode } from './public'

const recordColumns = `id, site_id AS "siteId", day, created_at AS "at", location_status AS "locationStatus",
  distance_m AS "distanceM"`

export const definition = defineFunction({
  name: 'checkin',
  contract: checkinContract,
  openapi: [],
  access: { scan: everyone, mine: everyone, claim: everyone },
  actions: {
    scan: async ({ db, input, caller, now }) => {
      const site = await siteOfCode(db, input.scene)
      const fix = input.location
      const { status, distanceM } = judgeLocation({ lat: site.lat, lng: site.lng, radiusM: site.radius_m }, fix)
      const day = shanghaiDay(now)
      const [created] = await db.query<Omit<CheckinRecord, 'siteName'>>(
        `INSERT INTO checkins (user_id, site_id, day, created_at, lat, lng, accuracy, distance_m, location_status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (user_id, site_id, day) DO NOTHING
         RETURNING ${recordColumns}`,
        [caller.userId, site.id, day, now, fix?.lat ?? null, fix?.lng ?? null, fix?.accuracy ?? null, distanceM, status],
      )
      if (created) return { ...created, siteName: site.name }
      const [first] = await db.query<Omit<CheckinRecord, 'siteName'>>(
        `SELECT ${recordColumns} FROM checkins WHERE user_id = $1 AND site_id = $2 AND day = $3`,
        [caller.userId, site.id, day],
      )
      return fail('duplicate', '今天已签到', { ...first, siteName: site.name })
    },

    // One's own scans and, once one's card is joined to one's account, the desk's check-ins for one
    // (`verified`: the staff at the desk saw them there).
    mine: async ({ db, input, caller }) => {
      const page = await pageOf<CheckinRecord & { staff: string | null }>(
        db,
        {
          columns: `c.id, c.site_id AS "siteId", s.name AS "siteName", c.day, c.created_at AS "at",
            c.location_status AS "locationStatus", c.distance_m AS "distanceM", c.staff`,
          from: `(SELECT id, site_id, day, created_at, location_status, distance_m, NULL::text AS staff FROM checkins WHERE user_id = $1
            UNION ALL SELECT a.id, a.site_id, a.day, a.created_at, 'verified', NULL, u.nickname FROM assisted_checkins a
              JOIN assisted_people p ON p.id = a.person_id JOIN users u ON u.id = a.assisted_by WHERE p.user_id = $1) c JOIN sites s ON s.id = c.site_id`,
          params: [caller.userId],
          keys: ['c.created_at', 'c.id'],
          desc: true,
        },
        input,
      )
      return { ...page, items: page.items.map(({ staff, ...record }) => (staff === null ? record : { ...record, assistedLabel: assistedLabel(staff) })) }
    },

    claim: async ({ input, caller, platform, transaction }) =>
      transaction(async ({ db, audit }) => {
        const { personId, checkins } = await claimCard(db, platform, input.card, caller.userId)
        await audit(`assisted:${personId}`, { claimed: true })
        return { checkins }
      }),
  },
  jobs: {
    purgeRawLocations: { every: 24 * 60, run: ({ db, now }) => purgeRawLocations(db, now) },
  },
})

/** Clears the coordinates and accuracy of check-ins older than RAW_LOCATION_DAYS; answers how many. */
async function purgeRawLocations(db: Queryable, now: Date): Promise<number> {
  const before = new Date(now.getTime() - RAW_LOCATION_DAYS * 24 * 60 * 60 * 1000)
  const [{ n }] = await db.query<{ n: number }>(
    `WITH purged AS (
       UPDATE checkins SET lat = NULL, lng = NULL, accuracy = NULL
       WHERE created_at < $1 AND (lat IS NOT NULL OR lng IS NOT NULL OR accuracy IS NOT NULL)
       RETURNING 1)
     SELECT count(*)::int AS n FROM purged`,
    [before],
  )
  return n
}

export const main = createMain(definition)
