/**
 * The db port: one small interface over PostgreSQL, embedded (PGlite, data in a folder) by default
 * or a server through `pg` when DATABASE_URL is set. Both return rows as plain objects with the
 * same types: int8 (and int8[]) as number, date as 'YYYY-MM-DD', timestamptz as Date.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { getTypeParser } from 'pg-types'
import { openBackend, pgliteDb } from './db-pglite'

/** A row whose columns a query has not named: each query that reads one gives its row type (`query<T>`). */
export type Row = Record<string, unknown>

export interface Queryable {
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>
}

/** The transaction's side of the port. */
export interface Tx extends Queryable {
  /** Runs a whole SQL text (several statements, `$$` bodies) inside the transaction. */
  exec(sql: string): Promise<void>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `fn` in one transaction: all of its writes land, or none. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  /** Runs a whole SQL text (several statements at once). */
  exec(sql: string): Promise<void>
  close(): Promise<void>
}

/**
 * Inside a transaction every statement must go through its `tx`. On PGlite a plain `db` call there
 * would wait for the transaction, which waits for it (the database froze for good); on a server it
 * would run on another connection, outside the transaction. Both now fail at once, and so does a
 * `tx` used after its transaction ended.
 */
const insideTransaction = new AsyncLocalStorage<true>()
const misuse = (what: string) => Promise.reject(new Error(`${what}: inside db.transaction use its tx`))

export function guarded(db: Db): Db {
  return {
    kind: db.kind,
    query: (sql, params) => (insideTransaction.getStore() ? misuse('db.query') : db.query(sql, params)),
    exec: (sql) => (insideTransaction.getStore() ? misuse('db.exec') : db.exec(sql)),
    close: () => db.close(),
    transaction: (fn) =>
      insideTransaction.getStore()
        ? misuse('db.transaction')
        : db.transaction((tx) => {
            let open = true
            const over = () => Promise.reject(new Error('this transaction has ended: its tx cannot be used'))
            const scoped: Tx = {
              query: (sql, params) => (open ? tx.query(sql, params) : over()),
              exec: (sql) => (open ? tx.exec(sql) : over()),
            }
            return insideTransaction.run(true, () => fn(scoped)).finally(() => {
              open = false
            })
          }),
  }
}

const INT8 = 20
const INT8_ARRAY: number = 1016
const DATE = 1082
const asNumber = (value: string) => Number(value)
const asNumbers = (value: string) => (getTypeParser(INT8_ARRAY, 'text')(value) as (string | null)[]).map((item) => (item === null ? null : Number(item)))
const asText = (value: string) => value

/** node-postgres's text parsers, with int8 (and int8[]) as number and date as 'YYYY-MM-DD', for both sides. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each parser answers its own PostgreSQL type
export const typeParserFor = (typeId: number): ((text: string) => any) =>
  typeId === INT8 ? asNumber : typeId === INT8_ARRAY ? asNumbers : typeId === DATE ? asText : getTypeParser(typeId, 'text')

/** PGlite in this thread, in `dataDir` (in memory without one); see db-pglite.ts. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const { exchange, close } = await openBackend(dataDir)
  return guarded(pgliteDb(exchange, close, typeParserFor))
}

export interface PoolSettings {
  /** Connections this process may hold (DATABASE_POOL_SIZE). */
  max: number
  /** An idle connection is closed after this long (DATABASE_IDLE_TIMEOUT_MS). */
  idleTimeoutMs: number
  /** The server cancels a statement running longer (DATABASE_STATEMENT_TIMEOUT_MS; 0: none sent). */
  statementTimeoutMs: number
}

const setting = (value: string | undefined, fallback: number, name: string): number => {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, not ${JSON.stringify(value)}`)
  return n
}

/**
 * The pool of one process. Production (NODE_ENV=production, or a deployed function) keeps it
 * small — 2 connections, so functions × instances × 2 fits under the pooler's limit — with a 15 s
 * statement timeout; development and the tests keep 10 and no timeout, as before. The timeout goes
 * as a startup parameter (no session SET, so a transaction pooler cannot hand it to another client).
 */
export function poolSettings(env: NodeJS.ProcessEnv = process.env, deployed = false): PoolSettings {
  const production = deployed || env.NODE_ENV === 'production'
  const max = setting(env.DATABASE_POOL_SIZE, production ? 2 : 10, 'DATABASE_POOL_SIZE')
  if (max < 1) throw new Error('DATABASE_POOL_SIZE must be at least 1')
  return {
    max,
    idleTimeoutMs: setting(env.DATABASE_IDLE_TIMEOUT_MS, 10_000, 'DATABASE_IDLE_TIMEOUT_MS'),
    statementTimeoutMs: setting(env.DATABASE_STATEMENT_TIMEOUT_MS, production ? 15_000 : 0, 'DATABASE_STATEMENT_TIMEOUT_MS'),
  }
}

export async function openPostgres(url: string, settings: PoolSettings = poolSettings()): Promise<Db> {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    idleTimeoutMillis: settings.idleTimeoutMs,
    ...(settings.statementTimeoutMs > 0 ? { statement_timeout: settings.statementTimeoutMs } : {}),
    types: { getTypeParser: typeParserFor },
  })
  pool.on('error', (error) => console.error('[db] idle client error', error.message))
  return guarded({
    kind: 'postgres',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-postgres types its parameters as any[]
    query: async (sql, params) => (await pool.query(sql, params as any[])).rows,
    transaction: async (fn) => {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({
          // eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-postgres types its parameters as any[]
          query: async (sql, params) => (await client.query(sql, params as any[])).rows,
          exec: async (sql) => {
            await client.query(sql)
          },
        })
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
  })
}

/** Opens a PostgreSQL server when a URL is given (DATABASE_URL), else PGlite in `dataDir`. */
export function openDb(url: string | undefined, dataDir?: string, settings?: PoolSettings): Promise<Db> {
  return url ? openPostgres(url, settings) : openPglite(dataDir)
}
