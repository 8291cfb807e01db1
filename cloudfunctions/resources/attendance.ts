/**
 * Showing up: the booker checks in at the place with the site's check-in code (read through the
 * checkin feature's `siteOfCode`) from 15 minutes before the start to 15 after; a person's standing
 * (no-shows counted, a suspension running); staff list suspensions and lift one with a reason,
 * which forgives the no-shows behind it.
 */
import { bookingStatusLabels } from '../../src/domain/resources'
import { checkinWindow, CHECKIN_EARLY_MIN, CHECKIN_LATE_MIN, NO_SHOW_WINDOW_DAYS, type Standing, type Suspension } from '../../src/domain/resources/attendance'
import type { resourcesContract } from '../../src/domain/resources/contract'
import { siteOfCode } from '../checkin/public'
import { fail } from '../core/errors'
import { pageOf } from '../core/page'
import type { Handlers } from '../core/router'
import type { Queryable } from '../core/db'
import { loadBooking } from './load'
import type { CountRow, UntilRow } from './rows'

const DAY = 24 * 60 * 60 * 1000
const WINDOW = `签到时间为开始前 ${CHECKIN_EARLY_MIN} 分钟至开始后 ${CHECKIN_LATE_MIN} 分钟`

/** A person's no-shows still counted (not forgiven, within 90 days) and the end of a running suspension. */
export async function standingOf(db: Queryable, personId: number, now: Date): Promise<Standing> {
  const [{ n }] = await db.query<CountRow>(
    `SELECT count(*)::int AS n FROM resource_bookings WHERE person_id = $1 AND status = 'no_show' AND forgiven_at IS NULL AND starts_at > $2 AND starts_at <= $3`,
    [personId, new Date(now.getTime() - NO_SHOW_WINDOW_DAYS * DAY), now],
  )
  const [running] = await db.query<UntilRow>(
    'SELECT ends_at FROM resource_suspensions WHERE person_id = $1 AND lifted_at IS NULL AND starts_at <= $2 AND ends_at > $2 ORDER BY ends_at DESC LIMIT 1',
    [personId, now],
  )
  return { noShows: n, suspendedUntil: running ? running.ends_at.toISOString() : null }
}

type AttendanceActions = Pick<Handlers<typeof resourcesContract>, 'checkin' | 'standing' | 'suspensions' | 'waive'>

export const attendanceActions: AttendanceActions = {
  checkin: async ({ input, caller, transaction }) =>
    transaction(async ({ db, now, audit }) => {
      const site = await siteOfCode(db, input.scene)
      const booking = await loadBooking(db, input.bookingId)
      if (booking.person_id !== caller.userId) fail('not_yours', '只能为自己的预约签到')
      if (booking.status === 'checked_in') fail('duplicate', '该预约已签到')
      if (booking.status === 'pending') fail('not_confirmed', '该预约尚未通过审核，不能签到')
      if (booking.status !== 'confirmed') fail('already_decided', `该预约${bookingStatusLabels[booking.status]}，不能签到`)
      if (site.id !== booking.site_id) fail('wrong_site', '这不是该资源所在单位的签到码，请扫描现场的二维码')
      const { from, to } = checkinWindow(booking.starts_at)
      if (now < from) fail('outside_window', `还未到签到时间：${WINDOW}`)
      if (now > to) fail('outside_window', `已过签到时间：${WINDOW}`)
      await db.query(`UPDATE resource_bookings SET status = 'checked_in', checked_in_at = $2 WHERE id = $1`, [booking.id, now])
      await audit(`booking:${booking.id}`, { checkedIn: true })
      return { status: 'checked_in' as const }
    }),

  standing: async ({ db, caller, now }) => standingOf(db, caller.userId, now),

  suspensions: async ({ db, input }) =>
    pageOf<Suspension>(
      db,
      {
        columns: `s.id, s.person_id AS "personId", COALESCE(NULLIF(u.nickname, ''), '用户' || u.id) AS "personName", s.starts_at AS "startsAt",
          s.ends_at AS "endsAt", s.lifted_at AS "liftedAt", s.note`,
        from: 'resource_suspensions s JOIN users u ON u.id = s.person_id',
        keys: ['s.id'],
        desc: true,
      },
      input,
    ),

  waive: async ({ input, caller, transaction }) =>
    transaction(async ({ db, now, audit }) => {
      const [lifted] = await db.query<{ person_id: number }>(
        'UPDATE resource_suspensions SET lifted_by = $2, lifted_at = $3, note = $4 WHERE id = $1 AND lifted_at IS NULL AND ends_at > $3 RETURNING person_id',
        [input.suspensionId, caller.userId, now, input.reason],
      )
      if (!lifted) {
        const [known] = await db.query('SELECT 1 FROM resource_suspensions WHERE id = $1', [input.suspensionId])
        return known ? fail('already_decided', '该暂停已解除或已到期') : fail('not_found', '未找到该暂停记录')
      }
      await db.query(
        `UPDATE resource_bookings SET forgiven_at = $2 WHERE person_id = $1 AND status = 'no_show' AND forgiven_at IS NULL AND starts_at <= $2`,
        [lifted.person_id, now],
      )
      await audit(`booking-suspension:${input.suspensionId}`, { lifted: lifted.person_id, reason: input.reason })
      return { lifted: true as const }
    }),
}
