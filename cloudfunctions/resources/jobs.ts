/**
 * The bookings' jobs, each claiming its bookings FOR UPDATE SKIP LOCKED in batches (claimEach), so
 * two runs at once move each booking once and tell its booker once:
 *  - expirePending: a pending booking past its `expires_at` (2 working days after the request, or
 *    its start if sooner) expires and frees its slot; the requester hears why;
 *  - markNoShows: a confirmed booking nobody checked in to by 15 minutes after its start is a
 *    no-show and frees its slot; the booker's third counted no-show within 90 days suspends their
 *    booking for 30 days (counted under the booker's lock, the one booking takes, so it is once).
 */
import { CHECKIN_LATE_MIN, NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, SUSPENSION_DAYS } from '../../src/domain/resources/attendance'
import { claimEach, type Job } from '../core/jobs'
import { lockKey } from '../core/locks'
import type { Scope } from '../core/scope'
import { release } from './holds'
import type { CountRow } from './rows'

export const JOB_BATCH = { size: 100 }
const DAY = 24 * 60 * 60 * 1000

type DueRow = { id: number; session_id: number | null; person_id: number; site_id: string; starts_at: Date; name: string }

/** Claims up to a batch of bookings in `status` matching `due` ($1 is the instant), moves them to `to` and frees them. */
async function moveDue(tx: Scope, status: string, due: string, at: Date, to: string): Promise<DueRow[]> {
  const rows = await tx.db.query<DueRow>(
    `SELECT b.id, b.session_id, b.person_id, b.site_id, b.starts_at, r.name FROM resource_bookings b JOIN resources r ON r.id = b.resource_id
     WHERE b.status = '${status}' AND ${due} ORDER BY b.id LIMIT $2 FOR UPDATE OF b SKIP LOCKED`,
    [at, JOB_BATCH.size],
  )
  if (rows.length === 0) return rows
  await tx.db.query(`UPDATE resource_bookings SET status = '${to}' WHERE id = ANY($1::bigint[])`, [rows.map((row) => row.id)])
  for (const row of rows) await release(tx.db, row)
  return rows
}

const facts = (row: DueRow) => ({ bookingId: row.id, resourceName: row.name, siteId: row.site_id, startsAt: row.starts_at, personId: row.person_id })

export const expirePending: Job = {
  every: 5,
  run: (ctx) =>
    claimEach(ctx, async (tx) => {
      const rows = await moveDue(tx, 'pending', 'b.expires_at <= $1', tx.now, 'expired')
      for (const row of rows) await tx.publish({ type: 'booking.expired', key: `booking-expired:${row.id}`, ...facts(row) })
      return rows.length
    }),
}

/** Suspends the person when their counted no-shows reach the limit and no suspension runs yet. */
async function suspendIfDue(tx: Scope, personId: number) {
  await lockKey(tx.db, `booking-quota:${personId}`)
  const [{ n }] = await tx.db.query<CountRow>(
    `SELECT count(*)::int AS n FROM resource_bookings
     WHERE person_id = $1 AND status = 'no_show' AND forgiven_at IS NULL AND starts_at > $2 AND starts_at <= $3`,
    [personId, new Date(tx.now.getTime() - NO_SHOW_WINDOW_DAYS * DAY), tx.now],
  )
  if (n < NO_SHOW_LIMIT) return
  const until = new Date(tx.now.getTime() + SUSPENSION_DAYS * DAY)
  const [made] = await tx.db.query<{ id: number }>(
    `INSERT INTO resource_suspensions (person_id, starts_at, ends_at) SELECT $1, $2, $3
     WHERE NOT EXISTS (SELECT 1 FROM resource_suspensions WHERE person_id = $1 AND lifted_at IS NULL AND ends_at > $2) RETURNING id`,
    [personId, tx.now, until],
  )
  if (made) await tx.publish({ type: 'booking.suspended', key: `booking-suspended:${made.id}`, personId, until, noShows: n })
}

export const markNoShows: Job = {
  every: 5,
  run: (ctx) =>
    claimEach(ctx, async (tx) => {
      const before = new Date(tx.now.getTime() - CHECKIN_LATE_MIN * 60_000)
      const rows = await moveDue(tx, 'confirmed', 'b.starts_at < $1', before, 'no_show')
      for (const row of rows) await tx.publish({ type: 'booking.no_show', key: `booking-no-show:${row.id}`, ...facts(row) })
      for (const person of [...new Set(rows.map((row) => row.person_id))].sort((a, b) => a - b)) await suspendIfDue(tx, person)
      return rows.length
    }),
}
