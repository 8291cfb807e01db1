/** Applies the numbered SQL migrations not yet applied, once, even with several processes starting. */
import type { Db } from './db'
import init from './migrations/001_init.sql'

export const migrations: { version: number; sql: string }[] = [{ version: 1, sql: init }]

const LOCK_KEY = 7_342_001

export async function migrate(db: Db): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
    const done = new Set((await tx.query('SELECT version FROM schema_migrations')).map((row) => row.version))
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      for (const statement of splitStatements(migration.sql)) await tx.query(statement)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version])
      applied.push(migration.version)
    }
    return applied
  })
}

/** Splits a migration into statements (our migrations hold no semicolons inside literals or bodies). */
function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(';')
    .map((statement) => statement.trim())
    .filter(Boolean)
}
