/**
 * Bookings in calendars: a booking's .ics file and phone-calendar event (its booker, the invited
 * expert, the owning unit's managers, staff), and a unit's feed behind a secret link. The link's token is 32 random
 * bytes shown once; only its SHA-256 is kept, one live link per unit, and a new link or a revoke
 * ends the old one. An unknown, revoked or malformed token gets the same bare 404.
 */
import { createHash, randomBytes } from 'node:crypto'
import { ICS_TYPE } from '../../src/domain/ics'
import type { sharingContract } from '../../src/domain/resources/contract-sharing'
import { bookingIcs, bookingUid, phoneEvent, unitFeed, type CalendarBooking } from '../../src/domain/resources/ics'
import { can } from '../../src/domain/resources/permissions'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { lockKey } from '../core/locks'
import type { Feed, Handlers } from '../core/router'
import { findSite } from '../sites/public'

const calendarColumns = `b.id, b.sequence, b.status, b.starts_at AS "startsAt", b.ends_at AS "endsAt", r.name AS "resourceName",
  s.name AS "siteName", b.purpose, fs.name AS "forSiteName"`
const calendarFrom = 'resource_bookings b JOIN resources r ON r.id = b.resource_id JOIN sites s ON s.id = b.site_id LEFT JOIN sites fs ON fs.id = b.for_site_id'

type CalendarRow = CalendarBooking & { site_id: string; person_id: number; expert_user_id: number | null }

/** How far back and ahead a unit's feed reaches. */
const FEED_PAST_DAYS = 30
const FEED_AHEAD_DAYS = 60
const DAY = 24 * 60 * 60 * 1000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
export const feedPath = (token: string) => `/feeds/resources/unit/${token}.ics`

async function managedSite(db: Queryable, caller: Parameters<typeof can>[0], siteId: string) {
  const site = await findSite(db, siteId)
  if (!can(caller, 'decide', { siteId: site.id })) fail('forbidden', '只能管理本单位的日历订阅')
  return site
}

export const calendarActions: Pick<Handlers<typeof sharingContract>, 'calendar' | 'feedLink' | 'feedRevoke'> = {
  calendar: async ({ db, input, caller, now }) => {
    const [row] = await db.query<CalendarRow>(`SELECT ${calendarColumns}, b.site_id, b.person_id, r.expert_user_id FROM ${calendarFrom} WHERE b.id = $1`, [input.bookingId])
    if (!row) return fail('not_found', '未找到该预约')
    const invited = row.expert_user_id !== null && Number(row.expert_user_id) === caller.userId
    if (row.person_id !== caller.userId && !invited && !can(caller, 'decide', { siteId: row.site_id })) fail('forbidden', '只能把自己的预约加入日历')
    return { filename: `预约-${row.id}.ics`, ics: bookingIcs(row, now), uid: bookingUid(row.id), sequence: row.sequence, event: phoneEvent(row) }
  },

  feedLink: async ({ input, caller, transaction }) =>
    transaction(async ({ db, now, audit }) => {
      const site = await managedSite(db, caller, input.siteId)
      // One unit's links in order: of two new links at once, the second revokes the first.
      await lockKey(db, `resource-feed:${site.id}`)
      const token = randomBytes(32).toString('base64url')
      await db.query('UPDATE resource_feeds SET revoked_at = $2 WHERE site_id = $1 AND revoked_at IS NULL', [site.id, now])
      await db.query('INSERT INTO resource_feeds (site_id, token_hash, created_by, created_at) VALUES ($1, $2, $3, $4)', [site.id, hashToken(token), caller.userId, now])
      await audit(`resource-feed:${site.id}`, { issued: true })
      return { path: feedPath(token) }
    }),

  feedRevoke: async ({ input, caller, transaction }) =>
    transaction(async ({ db, now, audit }) => {
      const site = await managedSite(db, caller, input.siteId)
      const revoked = await db.query('UPDATE resource_feeds SET revoked_at = $2 WHERE site_id = $1 AND revoked_at IS NULL RETURNING id', [site.id, now])
      if (revoked.length) await audit(`resource-feed:${site.id}`, { revoked: true })
      return { revoked: revoked.length > 0 }
    }),
}

/** The unit's feed: its resources' bookings from a month back to two months ahead, by start. */
export const unitCalendar: Feed = async ({ db, now }, token) => {
  const [feed] = await db.query<{ site_id: string; name: string }>(
    'SELECT f.site_id, s.name FROM resource_feeds f JOIN sites s ON s.id = f.site_id WHERE f.token_hash = $1 AND f.revoked_at IS NULL',
    [hashToken(token)],
  )
  if (!feed) return undefined
  const bookings = await db.query<CalendarBooking>(
    `SELECT ${calendarColumns} FROM ${calendarFrom} WHERE b.site_id = $1 AND b.starts_at >= $2 AND b.starts_at < $3 ORDER BY b.starts_at, b.id`,
    [feed.site_id, new Date(now.getTime() - FEED_PAST_DAYS * DAY), new Date(now.getTime() + FEED_AHEAD_DAYS * DAY)],
  )
  return { contentType: ICS_TYPE, body: unitFeed(feed.name, bookings, now) }
}
