/**
 * A lock on a name for the rest of the transaction (a transaction-scoped advisory lock, so it holds
 * under PgBouncer's transaction pooling and is never left behind): what a count-then-insert needs
 * when no row exists yet to lock, e.g. one person's active bookings against their quota.
 */
import type { Queryable } from './db'

export async function lockKey(tx: Queryable, key: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key])
}
