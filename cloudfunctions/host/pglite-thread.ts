/**
 * The host's embedded database on its own thread. PGlite runs PostgreSQL on the thread that
 * calls it, so in the host's thread every statement would stop HTTP work. Here the host holds a
 * Db whose calls are messages to a worker thread that owns PGlite (db-pglite.ts), and the two
 * run on separate cores. This file is both sides; the build emits it as dist/host/pglite-thread.js.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { openPglite, type Db, type Queryable } from '../core/db'

type Op =
  | { op: 'open' | 'close' | 'begin' }
  | { op: 'exec'; sql: string }
  | { op: 'query'; sql: string; params?: unknown[]; tx?: number }
  | { op: 'end'; tx: number; commit: boolean }
type Request = Op & { id: number }

type Reply = { id: number; value?: unknown; error?: { message: string; code?: string } }

type Ask = (request: Op) => Promise<any>

/** Main side: starts the worker on `dataDir` and answers once PGlite is open there. */
export async function openPgliteThread(dataDir: string, script: string): Promise<Db> {
  const worker = new Worker(script, { workerData: { dataDir } })
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  let next = 0
  let broken: Error | undefined
  const failAll = (error: Error) => {
    broken = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', ({ id, value, error }: Reply) => {
    const call = waiting.get(id)
    waiting.delete(id)
    if (!error) return call?.resolve(value)
    call?.reject(Object.assign(new Error(error.message), { code: error.code }))
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`database thread exited (${code})`)))

  const ask: Ask = (request) =>
    new Promise((resolve, reject) => {
      if (broken) return reject(broken)
      const id = ++next
      waiting.set(id, { resolve, reject })
      worker.postMessage({ ...request, id })
    })
  await ask({ op: 'open' })

  return {
    kind: 'pglite',
    query: (sql, params) => ask({ op: 'query', sql, params }),
    exec: async (sql) => {
      await ask({ op: 'exec', sql })
    },
    transaction: async (fn) => {
      const tx: number = await ask({ op: 'begin' })
      let result
      try {
        result = await fn({ query: (sql, params) => ask({ op: 'query', sql, params, tx }) })
      } catch (error) {
        await ask({ op: 'end', tx, commit: false }).catch(() => undefined)
        throw error
      }
      await ask({ op: 'end', tx, commit: true })
      return result
    },
    close: async () => {
      await ask({ op: 'close' })
      await worker.terminate()
    },
  }
}

/** Worker side: owns PGlite and runs what the main side asks, in arrival order per lock. */
function serve(dataDir: string) {
  const opening = openPglite(dataDir)
  const open = new Map<number, { tx: Queryable; finish(commit: boolean): void; done: Promise<unknown> }>()
  let nextTx = 0

  const begin = (db: Db) =>
    new Promise<number>((started, failed) => {
      const id = ++nextTx
      const done = db.transaction(
        (tx) =>
          new Promise((commit, rollback) => {
            open.set(id, { tx, done, finish: (ok) => (ok ? commit(undefined) : rollback(new Error('rolled back'))) })
            started(id)
          }),
      )
      done.catch(failed)
    })

  const end = async (tx: number, commit: boolean) => {
    const entry = open.get(tx)!
    open.delete(tx)
    entry.finish(commit)
    await (commit ? entry.done : entry.done.catch(() => undefined))
  }

  async function handle(request: Request): Promise<unknown> {
    const db = await opening
    switch (request.op) {
      case 'open':
        return undefined
      case 'exec':
        return db.exec(request.sql)
      case 'query':
        return (request.tx ? open.get(request.tx)!.tx : db).query(request.sql, request.params)
      case 'begin':
        return begin(db)
      case 'end':
        return end(request.tx, request.commit)
      case 'close':
        return db.close()
    }
  }

  parentPort!.on('message', (request: Request) => {
    handle(request).then(
      (value) => parentPort!.postMessage({ id: request.id, value }),
      (error: any) => parentPort!.postMessage({ id: request.id, error: { message: String(error?.message ?? error), code: error?.code } }),
    )
  })
}

if (!isMainThread && workerData?.dataDir) serve(workerData.dataDir)
