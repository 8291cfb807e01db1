/**
 * A pending booking answered: by the owning unit (`decide`) or, for an expert, by the expert
 * (`respond`). Only a booking still pending moves (a conditional UPDATE, so of two answers at once
 * one wins); a declined one frees its slot, and the booker hears either way.
 */
import { bookingStatusLabels } from '../../src/domain/resources'
import { fail } from '../core/errors'
import type { Queryable } from '../core/db'
import type { Scope } from '../core/scope'
import type { BookingRow, StatusRow } from './rows'

/** A booking with its resource's name and cancel rule, locked for this transaction. */
export async function loadBooking(db: Queryable, id: number): Promise<BookingRow> {
  const [row] = await db.query<BookingRow>(
    `SELECT b.id, b.resource_id, b.site_id, b.person_id, b.starts_at, b.ends_at, b.status, r.name, r.cancel_hours
     FROM resource_bookings b JOIN resources r ON r.id = b.resource_id WHERE b.id = $1 FOR UPDATE OF b`,
    [id],
  )
  return row ?? fail('not_found', '未找到该预约')
}

export async function settlePending({ db, now, publish, audit }: Scope, booking: BookingRow, by: number, approve: boolean, note: string) {
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
    await db.query('UPDATE resource_holds SET active = false WHERE booking_id = $1', [booking.id])
    await publish({ type: 'booking.declined', key: `booking-declined:${booking.id}`, ...facts, note })
  }
  await audit(`booking:${booking.id}`, { status, note })
  return { status }
}
