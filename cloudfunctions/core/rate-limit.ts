/**
 * Rate limits counted in the database, so they hold across processes: at most `max` events per
 * key in a sliding window. `take` reserves a slot atomically (a transaction-scoped advisory lock
 * on the key), so a burst of concurrent attempts cannot slip past the count; the caller gives the
 * slot back when the attempt should not count (e.g. a bind that succeeded).
 */
import { fail } from './errors'
import type { Scope } from './scope'

export interface Limit {
  key: string
  max: number
  windowMs: number
}

export interface Slot {
  release(): Promise<void>
}

type Ctx = Pick<Scope, 'db' | 'now'> & { transaction<T>(work: (tx: Scope) => Promise<T>): Promise<T> }

export async function take({ db, now, transaction }: Ctx, { key, max, windowMs }: Limit, message: string): Promise<Slot> {
  const id = await transaction(async ({ db: tx }) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key])
    const [{ n }] = await tx.query('SELECT count(*)::int AS n FROM rate_events WHERE key = $1 AND at > $2', [
      key,
      new Date(now.getTime() - windowMs),
    ])
    if (n >= max) return undefined
    const [row] = await tx.query('INSERT INTO rate_events (key, at) VALUES ($1, $2) RETURNING id', [key, now])
    return row.id as number
  })
  if (id === undefined) return fail('rate_limited', message)
  return { release: async () => void (await db.query('DELETE FROM rate_events WHERE id = $1', [id])) }
}
