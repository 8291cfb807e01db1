/**
 * The embedded side of the db port: PGlite, spoken to the way node-postgres speaks to a server,
 * with node-postgres's own protocol codec (pg-protocol).
 *
 * PGlite's `query` makes six calls into the WASM backend per statement (parse, describe, bind,
 * describe, execute, sync), re-plans every time and parses replies with a slower codec. Here:
 *  - a statement is Bind/Describe/Execute/Sync on a named prepared statement, parsed once per
 *    distinct SQL text;
 *  - statements that arrive while the backend is busy go together in one call (pipelining);
 *    each keeps its own Sync, so each is still its own transaction and fails alone;
 *  - values go as text, chosen by value as node-postgres does (Date as ISO 8601, objects as
 *    JSON), so both sides of the port take the same parameters.
 */
import { serialize, type DatabaseError } from 'pg-protocol'
import type { BackendMessage, DataRowMessage, RowDescriptionMessage } from 'pg-protocol/dist/messages'
import { Parser } from 'pg-protocol/dist/parser'
import type { Db, Queryable, Row } from './db'

type TypeParsers = Record<number, (text: string, typeId?: number) => any>

interface Statement {
  sql: string
  params: unknown[]
  resolve(rows: Row[]): void
  reject(error: unknown): void
}

interface Reply {
  rows: Row[]
  parsed: boolean
  error?: DatabaseError
}

/** SQL texts in this code base are constants; past this many, statements are parsed unnamed. */
const MAX_PREPARED = 500

/** What follows every Bind: describe the portal, run it, end the statement's transaction. */
const RUN = Buffer.concat([serialize.describe({ type: 'P' }), serialize.execute(), serialize.sync()])

const asText = (value: unknown): string | null => {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}

/** Splits the backend's answer into one reply per Sync (ReadyForQuery ends each). */
function readReplies(answer: Buffer, parsers: TypeParsers): Reply[] {
  const replies: Reply[] = []
  let reply: Reply = { rows: [], parsed: false }
  let fields: RowDescriptionMessage['fields'] = []
  new Parser().parse(answer, (message: BackendMessage) => {
    switch (message.name) {
      case 'parseComplete':
        reply.parsed = true
        break
      case 'rowDescription':
        fields = (message as RowDescriptionMessage).fields
        break
      case 'dataRow': {
        const row: Row = {}
        ;(message as DataRowMessage).fields.forEach((text, i) => {
          const { name, dataTypeID } = fields[i]
          const parser = parsers[dataTypeID]
          row[name] = text === null || !parser ? text : parser(text, dataTypeID)
        })
        reply.rows.push(row)
        break
      }
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

export async function openPglite(dataDir: string | undefined, parsers: TypeParsers): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite')
  const pg = await PGlite.create(dataDir, { parsers })
  const prepared = new Map<string, string>()
  let named = 0

  /** Runs statements in one call to the backend; the caller holds PGlite's query lock. */
  async function run(batch: Statement[]) {
    try {
      const parts: Buffer[] = []
      const parsing: (string | undefined)[] = []
      const fresh = new Set<string>()
      for (const { sql, params } of batch) {
        // A text not yet prepared is parsed under a new name once; repeats in the same call,
        // and texts past the limit, are parsed unnamed.
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
        parsing.push(parsed)
        parts.push(serialize.bind({ statement: name, values: params.map(asText) }), RUN)
      }
      const chunks: Uint8Array[] = []
      await pg.execProtocolRawStream(Buffer.concat(parts), { syncToFs: false, onRawData: (chunk) => chunks.push(chunk.slice()) })
      const replies = readReplies(Buffer.concat(chunks), pg.parsers as TypeParsers)
      batch.forEach((statement, i) => {
        const reply = replies[i]
        // Remembered only once its parse succeeded, so a statement that failed is never reused.
        if (parsing[i] && reply?.parsed) prepared.set(statement.sql, parsing[i]!)
        if (!reply) statement.reject(new Error('the database gave no reply'))
        else if (reply.error) statement.reject(reply.error)
        else statement.resolve(reply.rows)
      })
    } catch (error) {
      for (const statement of batch) statement.reject(error)
    }
  }

  let waiting: Statement[] = []
  let pumping = false
  // PGlite's two locks: the transaction lock keeps statements out of another caller's open
  // transaction, the query lock keeps one call in the backend at a time. A statement that finds
  // the backend idle goes at once; when none is waiting, the pump gives queued events (other
  // requests, other messages) one turn of the event loop to add theirs before it stops.
  async function pump() {
    pumping = true
    for (;;) {
      if (waiting.length === 0) await new Promise(setImmediate)
      if (waiting.length === 0) break
      const batch = waiting
      waiting = []
      await pg._runExclusiveTransaction(() => pg._runExclusiveQuery(() => run(batch)))
    }
    pumping = false
  }

  const statement = (sql: string, params: unknown[] = [], send: (statement: Statement) => void) =>
    new Promise<any[]>((resolve, reject) => send({ sql, params, resolve, reject }))

  const inTransaction: Queryable = {
    query: (sql, params) => statement(sql, params, (one) => void pg._runExclusiveQuery(() => run([one]))),
  }

  // No syncToFs: it copies memory to IndexedDB or OPFS, and this port only opens a folder
  // (NodeFS, where every write already goes to its file) or memory.
  return {
    kind: 'pglite',
    query: (sql, params) =>
      statement(sql, params, (one) => {
        waiting.push(one)
        if (!pumping) void pump()
      }),
    transaction: (fn) => pg.transaction(() => fn(inTransaction)),
    exec: async (sql) => {
      await pg.exec(sql)
    },
    close: () => pg.close(),
  }
}
