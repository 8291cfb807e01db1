/**
 * Applies the migrations not yet applied, once, even with several processes starting: each file
 * runs whole (so `$$` bodies and triggers work) in one transaction under an advisory lock.
 */
import type { Db } from './db'
import { migrationFiles, type MigrationFile } from './migrations'

export interface Migration {
  version: number
  file: string
  sql: string
}

const NAME = /^(\d{3})_[a-z0-9_]+\.sql$/

/** The files in order, each with the version its name gives; a badly named or repeated file is an error. */
export function migrationsOf(files: MigrationFile[]): Migration[] {
  const seen = new Set<number>()
  return files.map(({ file, sql }) => {
    const match = NAME.exec(file)
    if (!match) throw new Error(`migration file ${file} is not named NNN_name.sql`)
    const version = Number(match[1])
    if (seen.has(version)) throw new Error(`two migrations have version ${version}`)
    seen.add(version)
    return { version, file, sql }
  }).sort((a, b) => a.version - b.version)
}

const LOCK_KEY = 7_342_001

export async function migrate(db: Db, migrations = migrationsOf(migrationFiles)): Promise<number[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())')
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY])
    const done = new Set((await tx.query('SELECT version FROM schema_migrations')).map((row) => row.version))
    const applied: number[] = []
    for (const migration of migrations) {
      if (done.has(migration.version)) continue
      await tx.exec(migration.sql)
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version])
      applied.push(migration.version)
    }
    return applied
  })
}
