/**
 * The host's embedded database on its own thread. PGlite runs PostgreSQL on the thread that
 * calls it, so in the host's thread every statement would stop HTTP work. Here a worker thread
 * owns PGlite and only runs protocol bytes; the host keeps the db port itself (encoding,
 * pipelining, decoding, transactions: core/db-pglite.ts) on its main thread, so the two run on
 * separate cores. This file is both sides; the build emits it as dist/host/pglite-thread.js.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { guarded, typeParserFor, type Db } from '../core/db'
import { openBackend, pgliteDb } from '../core/db-pglite'

type Op = { op: 'open' | 'close' } | { op: 'exchange'; message: Uint8Array }
type Request = Op & { id: number }
type Reply = { id: number; answer?: Uint8Array; error?: string }

/** Main side: starts the worker on `dataDir` and answers once PGlite is open there. */
export async function openPgliteThread(dataDir: string, script: string): Promise<Db> {
  const worker = new Worker(script, { workerData: { dataDir } })
  const waiting = new Map<number, { resolve(answer?: Uint8Array): void; reject(error: Error): void }>()
  let next = 0
  let broken: Error | undefined
  const failAll = (error: Error) => {
    broken = error
    for (const { reject } of waiting.values()) reject(error)
    waiting.clear()
  }
  worker.on('message', ({ id, answer, error }: Reply) => {
    const call = waiting.get(id)
    waiting.delete(id)
    if (error === undefined) call?.resolve(answer)
    else call?.reject(new Error(error))
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`database thread exited (${code})`)))

  const ask = (request: Op) =>
    new Promise<Uint8Array | undefined>((resolve, reject) => {
      if (broken) return reject(broken)
      const id = ++next
      waiting.set(id, { resolve, reject })
      worker.postMessage({ ...request, id })
    })
  await ask({ op: 'open' })
  return guarded(
    pgliteDb(
      async (message) => (await ask({ op: 'exchange', message }))!,
      async () => {
        await ask({ op: 'close' })
        await worker.terminate()
      },
      typeParserFor,
    ),
  )
}

/** Worker side: owns PGlite and runs each message's bytes, in order. */
function serve(dataDir: string) {
  const opening = openBackend(dataDir)
  async function handle(request: Request): Promise<Uint8Array | undefined> {
    const backend = await opening
    if (request.op === 'exchange') return backend.exchange(request.message)
    if (request.op === 'close') await backend.close()
    return undefined
  }
  parentPort!.on('message', (request: Request) => {
    handle(request).then(
      (answer) => parentPort!.postMessage({ id: request.id, answer }),
      (error: unknown) => parentPort!.postMessage({ id: request.id, error: String((error as Error)?.message ?? error) }),
    )
  })
}

if (!isMainThread && workerData?.dataDir) serve(workerData.dataDir)
