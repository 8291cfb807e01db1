/**
 * The embedded side of the db port: PGlite, spoken to the way node-postgres speaks to a server,
 * with node-postgres's protocol codec (pg-protocol) and type parsers (pg-types).
 *
 * The driver only needs an `Exchange`: protocol bytes in, the backend's answer out. PGlite runs
 * it in this thread (`openBackend`) or on the host's database thread (host/pglite-thread.ts),
 * which then does nothing but run PostgreSQL.
 *  - A statement is Bind/Describe/Execute/Sync on a named prepared statement, parsed once per
 *    distinct SQL text. PGlite's own `query` makes six calls per statement and re-plans each.
 *  - Statements that arrive while an exchange is out go together in the next one (pipelining);
 *    each keeps its own Sync, so each is its own implicit transaction and fails alone.
 *  - Values are encoded by node-postgres's own `prepareValue` (arrays as array literals, Buffers
 *    as bytea, Dates, objects as JSON), so both sides of the port take the same parameters; a
 *    value that cannot be encoded fails its own statement only.
 *  - Prepared statements survive schema changes: `exec` (migrations) forgets them all, and a
 *    statement whose cached plan no longer fits (0A000) is parsed again once.
 *  - A transaction holds the backend: statements from others wait until it ends.
 */
import { serialize, type DatabaseError } from 'pg-protocol'
import type { BackendMessage, CommandCompleteMessage, DataRowMessage, RowDescriptionMessage } from 'pg-protocol/dist/messages'
import { Parser } from 'pg-protocol/dist/parser'
import { prepareValue } from 'pg/lib/utils'
import type { Db, Row, Tx } from './db'

/** One round trip to a PGlite backend. */
export type Exchange = (message: Uint8Array) => Promise<Uint8Array>
export type TypeParser = (typeId: number) => (text: string) => unknown

interface Statement {
  sql: string
  params: unknown[]
  resolve(rows: Row[]): void
  reject(error: unknown): void
  /** Set once the statement was parsed again after its cached plan went stale. */
  reparsed?: boolean
}

interface Reply {
  rows: Row[]
  parsed: boolean
  command?: string
  error?: DatabaseError
}

/** SQL texts in this code base are constants; past this many, statements are parsed unnamed. */
const MAX_PREPARED = 500

/** Exchanges out at once; see the pump. */
const MAX_OUT = 2

/** What follows every Bind: describe the portal, run it, end the statement's transaction. */
const RUN = Buffer.concat([serialize.describe({ type: 'P' }), serialize.execute(), serialize.sync()])

/** PGlite in this thread, in `dataDir` or in memory. */
export async function openBackend(dataDir?: string): Promise<{ exchange: Exchange; close(): Promise<void> }> {
  const { PGlite } = await import('@electric-sql/pglite')
  // btree_gist: exclusion constraints over (id WITH =, range WITH &&), as the bookings use.
  const { btree_gist } = await import('@electric-sql/pglite/contrib/btree_gist')
  const pg = await PGlite.create(dataDir, { extensions: { btree_gist } })
  return {
    // No syncToFs: it copies memory to IndexedDB or OPFS; a folder (NodeFS) is written as it goes.
    exchange: async (message) => {
      const chunks: Uint8Array[] = []
      await pg.execProtocolRawStream(message, { syncToFs: false, onRawData: (chunk) => chunks.push(chunk.slice()) })
      return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)
    },
    close: () => pg.close(),
  }
}

/** A cached plan that no longer fits the schema ("cached plan must not change result type"). */
const STALE_PLAN = '0A000'

/** Splits the backend's answer into one reply per ReadyForQuery. */
function readReplies(answer: Uint8Array, parserFor: TypeParser): Reply[] {
  const replies: Reply[] = []
  let reply: Reply = { rows: [], parsed: false }
  let fields: RowDescriptionMessage['fields'] = []
  let parsers: ((text: string) => unknown)[] = []
  const bytes = Buffer.from(answer.buffer, answer.byteOffset, answer.byteLength)
  new Parser().parse(bytes, (message: BackendMessage) => {
    switch (message.name) {
      case 'parseComplete':
        reply.parsed = true
        break
      case 'rowDescription':
        fields = (message as RowDescriptionMessage).fields
        parsers = fields.map((field) => parserFor(field.dataTypeID))
        break
      case 'dataRow': {
        const row: Row = {}
        const values = (message as DataRowMessage).fields
        for (let i = 0; i < values.length; i++) row[fields[i].name] = values[i] === null ? null : parsers[i](values[i])
        reply.rows.push(row)
        break
      }
      case 'commandComplete':
        reply.command = (message as CommandCompleteMessage).text
        break
      case 'error':
        reply.error ??= message as DatabaseError
        break
      case 'readyForQuery':
        replies.push(reply)
        reply = { rows: [], parsed: false }
    }
  })
  return replies
}

export function pgliteDb(exchange: Exchange, close: () => Promise<void>, parserFor: TypeParser): Db {
  const prepared = new Map<string, string>()
  let named = 0

  /**
   * Sends statements in one exchange and settles each with its own reply. A statement whose
   * values cannot be encoded fails alone; one whose cached plan went stale is forgotten and, when
   * `again` is given (outside transactions), sent once more.
   */
  async function send(batch: Statement[], again?: (statement: Statement) => void) {
    const sent: Statement[] = []
    try {
      const parts: Buffer[] = []
      const parsing: (string | undefined)[] = []
      const fresh = new Set<string>()
      for (const statement of batch) {
        let values: (string | Buffer | null)[]
        try {
          values = statement.params.map(prepareValue)
        } catch (error) {
          statement.reject(error)
          continue
        }
        const { sql } = statement
        // A text not yet prepared is parsed under a new name once; repeats in the same
        // exchange, and texts past the limit, are parsed unnamed.
        let name = prepared.get(sql)
        let parsed: string | undefined
        if (name === undefined) {
          const keep = !fresh.has(sql) && prepared.size + fresh.size < MAX_PREPARED
          name = keep ? `s${++named}` : ''
          if (keep) {
            fresh.add(sql)
            parsed = name
          }
          parts.push(serialize.parse({ name, text: sql }))
        }
        sent.push(statement)
        parsing.push(parsed)
        parts.push(serialize.bind({ statement: name, values }), RUN)
      }
      if (sent.length === 0) return
      const replies = readReplies(await exchange(Buffer.concat(parts)), parserFor)
      sent.forEach((statement, i) => {
        const reply = replies[i]
        // Remembered only once its parse succeeded, so a statement that failed is never reused.
        if (parsing[i] && reply?.parsed) prepared.set(statement.sql, parsing[i]!)
        if (reply?.error?.code === STALE_PLAN && !parsing[i]) {
          prepared.delete(statement.sql)
          if (again && !statement.reparsed) return again({ ...statement, reparsed: true })
        }
        if (!reply) statement.reject(new Error('the database gave no reply'))
        else if (reply.error) statement.reject(reply.error)
        else statement.resolve(reply.rows)
      })
    } catch (error) {
      for (const statement of sent) statement.reject(error)
    }
  }

  /** Forgets every prepared statement, here and in the backend (after schema changes). */
  async function forgetPrepared(run: (sql: string) => Promise<unknown>) {
    prepared.clear()
    await run('DEALLOCATE ALL')
  }

  /** Runs SQL through the simple protocol (several statements at once); answers the last command. */
  async function simple(sql: string): Promise<string | undefined> {
    const replies = readReplies(await exchange(serialize.query(sql)), parserFor)
    const failed = replies.find((reply) => reply.error)
    if (failed) throw failed.error
    return replies.at(-1)?.command
  }

  // Two exchanges may be out at once, so a backend on another thread has the next one queued
  // while it answers this one; exchanges run in the order they are sent. A statement that finds
  // nothing out goes at once; otherwise the second exchange waits for the end of this turn of
  // the event loop, so that it carries every statement the turn's events made.
  let waiting: Statement[] = []
  const enqueue = (statement: Statement) => {
    waiting.push(statement)
    pump()
  }
  const out = new Set<Promise<void>>()
  let held = false
  let endOfTurn: NodeJS.Immediate | undefined
  function pump(now = false) {
    if (out.size >= MAX_OUT || held || waiting.length === 0) return
    if (out.size > 0 && !now) {
      endOfTurn ??= setImmediate(() => {
        endOfTurn = undefined
        pump(true)
      })
      return
    }
    const batch = waiting
    waiting = []
    const sent: Promise<void> = send(batch, enqueue).finally(() => {
      out.delete(sent)
      pump(true)
    })
    out.add(sent)
  }

  /** Holds the backend for one caller: lets the exchanges out finish, keeps the queue waiting. */
  let holder: Promise<unknown> = Promise.resolve()
  function hold<T>(work: () => Promise<T>): Promise<T> {
    const run = holder.then(async () => {
      held = true
      await Promise.all(out)
      try {
        return await work()
      } finally {
        held = false
        pump()
      }
    })
    holder = run.catch(() => undefined)
    return run
  }

  const inTransaction: Tx = {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller names the row type T
    query: (sql, params = []) => new Promise<any[]>((resolve, reject) => void send([{ sql, params, resolve, reject }])),
    exec: async (sql) => {
      await simple(sql)
      await forgetPrepared(simple)
    },
  }

  return {
    kind: 'pglite',
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the caller names the row type T
    query: (sql, params = []) => new Promise<any[]>((resolve, reject) => enqueue({ sql, params, resolve, reject })),
    transaction: (fn) =>
      hold(async () => {
        await simple('BEGIN')
        let result
        try {
          result = await fn(inTransaction)
        } catch (error) {
          await simple('ROLLBACK').catch(() => undefined)
          throw error
        }
        // A transaction that hit an error answers COMMIT with ROLLBACK.
        if ((await simple('COMMIT')) !== 'COMMIT') throw new Error('the transaction was rolled back')
        return result
      }),
    exec: (sql) =>
      hold(async () => {
        try {
          await simple(sql)
        } finally {
          await forgetPrepared(simple)
        }
      }),
    close: () => hold(close),
  }
}
