/**
 * Group commit for hot single-row writes (a vote, a check-in by rotating code): the requests that
 * arrive while one statement runs go together in the next, so one statement serves many people and
 * the database's cost per request falls as load rises. Alone, a request runs at once as a batch of
 * one, so it waits for nothing. A batch holds at most one request per key (a person), so requests
 * of one person never meet inside one statement; across instances (each has its own queues) the
 * database's keys decide, and batches ordered by key take their row locks in one order. When a
 * batch fails (the statement wrote nothing), each of its requests runs again alone, so one bad
 * request fails only its own caller.
 */
import type { Queryable } from './db'

/** The most requests one statement takes. */
const MAX_BATCH = 200

interface Pending<Request, Answer> {
  request: Request
  resolve(answer: Answer): void
  reject(error: unknown): void
}

/**
 * A writer: `run` takes a batch and answers one row per request, in order; the writer answers each
 * request its row. One queue per database object.
 */
export function groupCommit<Request, Answer>(
  run: (db: Queryable, batch: Request[]) => Promise<Answer[]>,
  keyOf: (request: Request) => number,
): (db: Queryable, request: Request) => Promise<Answer> {
  const queues = new WeakMap<Queryable, (request: Request) => Promise<Answer>>()

  function queueFor(db: Queryable) {
    let waiting: Pending<Request, Answer>[] = []
    let running = false

    function nextBatch(): Pending<Request, Answer>[] {
      const keys = new Set<number>()
      const batch: Pending<Request, Answer>[] = []
      const later: Pending<Request, Answer>[] = []
      for (const pending of waiting) {
        const key = keyOf(pending.request)
        if (batch.length < MAX_BATCH && !keys.has(key)) {
          keys.add(key)
          batch.push(pending)
        } else later.push(pending)
      }
      waiting = later
      return batch.sort((a, b) => keyOf(a.request) - keyOf(b.request))
    }

    async function runAlone(pending: Pending<Request, Answer>) {
      try {
        pending.resolve((await run(db, [pending.request]))[0])
      } catch (error) {
        pending.reject(error)
      }
    }

    async function drain() {
      running = true
      while (waiting.length > 0) {
        const batch = nextBatch()
        try {
          const answers = await run(db, batch.map((pending) => pending.request))
          batch.forEach((pending, i) => pending.resolve(answers[i]))
        } catch (error) {
          if (batch.length === 1) batch[0].reject(error)
          else for (const pending of batch) await runAlone(pending)
        }
      }
      running = false
    }

    return (request: Request) =>
      new Promise<Answer>((resolve, reject) => {
        waiting.push({ request, resolve, reject })
        if (!running) void drain()
      })
  }

  return (db, request) => {
    let queue = queues.get(db)
    if (!queue) {
      queue = queueFor(db)
      queues.set(db, queue)
    }
    return queue(request)
  }
}
