/**
 * A pending booking answered: by the owning unit (`decide`) or, for an expert, by the expert
 * (`respond`). Only a booking still pending moves (a conditional UPDATE, so of two answers at once
 * one wins); a declined one frees its slot, and the booker hears either way.
 */
import { bookingStatusLabels } from '../../src/domain/resources'
import { fail } from '../core/errors'
import type { Scope } from '../core/scope'
import { release } from './holds'
import type { BookingRow, StatusRow } from './rows'

/** Answers the (locked, `loadBooking`) pending booking; one past its 2 working days has expired (the job frees it). */
export async function settlePending({ db, now, publish, audit }: Scope, booking: BookingRow, by: number, approve: boolean, note: string) {
  if (booking.status === 'pending' && booking.expires_at !== null && booking.expires_at <= now) fail('expired', '该预约已超过审核期限，已自动失效')
  const status = approve ? ('confirmed' as const) : ('declined' as const)
  const [done] = await db.query<StatusRow>(
    `UPDATE resource_bookings SET status = $2, decided_by = $3, decided_at = $4, note = NULLIF($5, '') WHERE id = $1 AND status = 'pending' RETURNING status`,
    [booking.id, status, by, now, note],
  )
  if (!done) return fail('already_decided', `该预约已处理（${bookingStatusLabels[booking.status]}）`)
  const facts = { bookingId: booking.id, resourceName: booking.name, siteId: booking.site_id, startsAt: booking.starts_at, personId: booking.person_id }
  if (approve) {
    await publish({ type: 'booking.confirmed', key: `booking-confirmed:${booking.id}`, ...facts })
  } else {
    await release(db, booking)
    await publish({ type: 'booking.declined', key: `booking-declined:${booking.id}`, ...facts, note })
  }
  await audit(`booking:${booking.id}`, { status, note })
  return { status }
}
