/**
 * Rate limits, the one way every feature limits: at most `max` events per key in a sliding window,
 * counted in the database (rate_events), so they hold across processes. The rule is written once, in
 * SQL (migration 011): `take` reserves a slot with `rate_take` (under a transaction-scoped advisory
 * lock on the key, so a burst of concurrent attempts cannot slip past the count) and `limited` only
 * asks; a PL/pgSQL hot path asks `rate_limited_keys` itself in its statement (the rotating-code
 * check-in). Called outside a transaction, a slot counts at once, whatever follows (a failed bind
 * stays counted) and the caller gives it back when the attempt should not count (a bind that
 * succeeded); inside one, the slot is the transaction's: the lock is held and the slot is undone
 * with it (a proposal that failed does not count).
 */
import type { Queryable } from './db'
import { fail } from './errors'

export interface Limit {
  key: string
  max: number
  windowMs: number
}

export interface Slot {
  release(): Promise<void>
}

interface At {
  db: Queryable
  now: Date
}

/** Takes a slot of `limit` at `now`, or fails `rate_limited` with `message`. */
export async function take({ db, now }: At, { key, max, windowMs }: Limit, message: string): Promise<Slot> {
  const [{ id }] = await db.query<{ id: number | null }>('SELECT rate_take($1, $2, $3, $4) AS id', [key, now, max, windowMs / 1000])
  if (id === null) return fail('rate_limited', message)
  return { release: async () => void (await db.query('DELETE FROM rate_events WHERE id = $1', [id])) }
}

/** Whether `limit` is used up at `now` (takes nothing). */
export async function limited(db: Queryable, { key, max, windowMs }: Limit, now: Date): Promise<boolean> {
  const [{ limited }] = await db.query<{ limited: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM rate_limited_keys(ARRAY[$1::text], ARRAY[$2::timestamptz], $3, $4)) AS limited',
    [key, now, max, windowMs / 1000],
  )
  return limited
}
