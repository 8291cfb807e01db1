/**
 * Seeding: named, idempotent steps recorded in `seed_steps` like migrations, so the demo rows a
 * new feature brings reach an existing database on its next start. Each step runs in its own
 * transaction with its record, under an advisory lock, so two processes starting at once apply it
 * once. Steps are written to be harmless on data that already holds their rows (ON CONFLICT).
 */
import type { Db, Queryable } from './db'

export interface SeedStep<C> {
  name: string
  run(tx: Queryable, context: C): Promise<void>
}

const LOCK_KEY = 7_342_002

/** Applies the steps not yet recorded, in order; answers their names. */
export async function applySeeds<C>(db: Db, steps: SeedStep<C>[], context: C): Promise<string[]> {
  const applied: string[] = []
  for (const step of steps) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
      const [done] = await tx.query('SELECT 1 FROM seed_steps WHERE name = $1', [step.name])
      if (done) return false
      await step.run(tx, context)
      await tx.query('INSERT INTO seed_steps (name) VALUES ($1)', [step.name])
      return true
    })
    if (ran) applied.push(step.name)
  }
  return applied
}

/** A demo person's user id by openid (account's demo step makes their row), for the steps that act as them; undefined when absent. */
export async function demoUserId(tx: Queryable, openid: string): Promise<number | undefined> {
  const [row] = await tx.query<{ id: number }>('SELECT id FROM users WHERE openid = $1', [openid])
  return row?.id
}
