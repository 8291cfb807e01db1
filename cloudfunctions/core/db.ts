/**
 * The db port: one small interface over PostgreSQL, embedded (PGlite, data in a folder) by default
 * or a server through `pg` when DATABASE_URL is set. Both return rows as plain objects with the
 * same types: int8 as number, date as 'YYYY-MM-DD', timestamptz as Date.
 */
import { getTypeParser } from 'pg-types'
import { openBackend, pgliteDb } from './db-pglite'

export type Row = Record<string, any>

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Runs several statements at once (migrations). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

const INT8 = 20
const DATE = 1082
const asNumber = (value: string) => Number(value)
const asText = (value: string) => value

/** node-postgres's text parsers, with int8 as number and date as 'YYYY-MM-DD', for both sides. */
export const typeParserFor = (typeId: number): ((text: string) => any) =>
  typeId === INT8 ? asNumber : typeId === DATE ? asText : getTypeParser(typeId, 'text')

/** PGlite in this thread, in `dataDir` (in memory without one); see db-pglite.ts. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { exchange, close } = await openBackend(dataDir)
  return pgliteDb(exchange, close, typeParserFor)
}

export async function openPostgres(url: string): Promise<Db> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    types: { getTypeParser: typeParserFor },
  })
  pool.on('error', (error) => console.error('[db] idle client error', error.message))
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(sql, params as any[])).rows,
    transaction: async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({ query: async (sql, params) => (await client.query(sql, params as any[])).rows })
        // A transaction that hit an error answers COMMIT with ROLLBACK.
        if ((await client.query('COMMIT')).command !== 'COMMIT') throw new Error('the transaction was rolled back')
        return result
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        client.release()
      }
    },
    exec: async (sql) => {
      await pool.query(sql)
    },
    close: () => pool.end(),
  }
}

/** Opens a PostgreSQL server when a URL is given (DATABASE_URL), else PGlite in `dataDir`. */
export function openDb(url: string | undefined, dataDir?: string): Promise<Db> {
  return url ? openPostgres(url) : openPglite(dataDir)
}
