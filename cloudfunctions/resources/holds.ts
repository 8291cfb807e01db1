/** What bookings hold of their resources: the spans taken, and letting a booking's slot or seat go. */
import type { Queryable } from '../core/db'
import type { HoldRow } from './rows'

/** The spans held, in [from, to), on a resource and the spaces inside it: what a booking of it may not meet. */
export const heldAround = (db: Queryable, resourceId: number, from: Date, to: Date) =>
  db.query<HoldRow>(
    `SELECT DISTINCT lower(h.span) AS span_from, upper(h.span) AS span_to, b.starts_at, b.ends_at
     FROM resource_holds h JOIN resource_bookings b ON b.id = h.booking_id
     WHERE h.active AND h.resource_id IN (SELECT id FROM resources WHERE id = $1 OR parent_id = $1)
       AND h.span && tstzrange($2, $3) ORDER BY 1`,
    [resourceId, from, to],
  )

/**
 * Frees what a booking that stops counting held: its holds, or its seat in a session. Call in the
 * transaction that moved the booking out of a counting state (it holds the booking's row lock).
 */
export async function release(db: Queryable, booking: { id: number; session_id: number | null }): Promise<void> {
  if (booking.session_id === null) await db.query('UPDATE resource_holds SET active = false WHERE booking_id = $1', [booking.id])
  else await db.query('UPDATE resource_sessions SET taken = taken - 1 WHERE id = $1', [booking.session_id])
}
