/**
 * The database an operator's command runs on: DATABASE_URL, or without it the local PGlite in
 * DATA_DIR (with `npm start` stopped); one connection, migrations applied first, closed after.
 */
import { join, resolve } from 'node:path'
import { openDb, poolSettings, type Db } from './db'
import { migrate } from './migrate'

export async function withOperatorDb<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL || undefined
  const dataDir = resolve(process.env.DATA_DIR ?? join(process.cwd(), '.data'))
  const db = await openDb(url, join(dataDir, 'pglite'), { ...poolSettings(), max: 1 })
  try {
    await migrate(db)
    return await work(db)
  } finally {
    await db.close()
  }
}

/**
 * Runs an operator's command and exits with the code it answers; an error it expects (`expected`:
 * a refusal in words, such as the last admin) prints its message and exits 1, anything else says
 * the command failed, without a stack.
 */
export function runCommand(name: string, run: () => Promise<number>, expected: (error: unknown) => error is Error): void {
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(expected(error) ? error.message : `[${name}] failed: ${error instanceof Error ? error.message : error}`)
      process.exit(1)
    },
  )
}
