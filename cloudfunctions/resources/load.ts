/** A resource's and a booking's rows by id, or `not_found`. */
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import type { BookingRow, ResourceRow } from './rows'

export async function loadResource(db: Queryable, id: number, lock = false): Promise<ResourceRow> {
  const [row] = await db.query<ResourceRow>(`SELECT * FROM resources WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return row ?? fail('not_found', '未找到该资源')
}

/** The booking, locked, with its resource's name and cancellation rule. */
export async function loadBooking(db: Queryable, id: number): Promise<BookingRow> {
  const [row] = await db.query<BookingRow>(
    `SELECT b.id, b.resource_id, b.site_id, b.person_id, b.starts_at, b.ends_at, b.status, b.session_id, b.expires_at, r.name, r.cancel_hours
     FROM resource_bookings b JOIN resources r ON r.id = b.resource_id WHERE b.id = $1 FOR UPDATE OF b`,
    [id],
  )
  return row ?? fail('not_found', '未找到该预约')
}
