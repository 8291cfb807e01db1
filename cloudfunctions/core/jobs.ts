/**
 * Scheduled jobs. A function declares `jobs` beside its actions: a name, how often it is due (in
 * minutes) and a handler that answers how many units of work it did. They run three ways:
 *  - deployed: WeChat allows one timer trigger per function, so the build writes one trigger
 *    (`timerTrigger`) firing at the greatest common interval of the function's jobs; each firing
 *    runs the jobs that are due;
 *  - on the local host: the same `runDueJobs` on an interval, with the runtime's clock;
 *  - in tests: `runJob` by name, with the runtime's (injected) clock.
 * Whether a job is due is claimed atomically in `job_schedule`, so two firings at once (two host
 * processes, a retried trigger) start it once; and every job does each unit of work once even when
 * two runs overlap (it claims its units with FOR UPDATE SKIP LOCKED or a conditional UPDATE).
 * Every run is recorded in `job_runs`: trigger, started, finished, units done, error.
 */
import type { Queryable } from './db'
import { grantedPlatform, type Openapi, type Platform } from './platform'
import type { Runtime } from './runtime'
import { scopeOf, transactionOf, type Scope } from './scope'

export interface JobCtx extends Scope {
  platform: Platform
  transaction<T>(work: (tx: Scope) => Promise<T>): Promise<T>
}

export interface Job {
  /** Minutes between runs. */
  every: number
  /** Does the due work; answers the number of units done. */
  run(ctx: JobCtx): Promise<number>
}

/** The function a job belongs to (its name, its openapi grants and its jobs). */
export interface JobOwner {
  name: string
  openapi: readonly Openapi[]
  jobs: Record<string, Job>
}

export interface JobRun {
  job: string
  done: number
  error?: string
}

export const triggers = ['timer', 'host', 'direct'] as const
export type Trigger = (typeof triggers)[number]

/**
 * The one claim loop of a job: runs `step` in its own transaction again and again, each claiming
 * its own units (FOR UPDATE SKIP LOCKED, so an overlapping run takes others) and answering how many
 * it did, until a step finds none; answers the total. A failing step rolls back its units only.
 */
export async function claimEach(ctx: Pick<JobCtx, 'transaction'>, step: (tx: Scope) => Promise<number>): Promise<number> {
  let done = 0
  for (;;) {
    const n = await ctx.transaction(step)
    if (n === 0) return done
    done += n
  }
}

/** Runs one job now, whether due or not, and records the run. A failure is recorded, not thrown. */
export async function runJob(owner: JobOwner, name: string, runtime: Runtime, trigger: Trigger = 'direct'): Promise<JobRun> {
  const job = owner.jobs[name]
  if (!job) throw new Error(`no job ${owner.name}.${name}`)
  const { db, clock } = runtime
  const now = clock.now()
  const actor = { userId: null, fn: owner.name, action: name }
  const [{ id }] = await db.query<{ id: number }>('INSERT INTO job_runs (fn, job, trigger, started_at) VALUES ($1, $2, $3, $4) RETURNING id', [
    owner.name,
    name,
    trigger,
    now,
  ])
  const finish = (done: number, error?: string) =>
    db.query('UPDATE job_runs SET finished_at = $2, done = $3, error = $4 WHERE id = $1', [id, clock.now(), done, error ?? null])
  try {
    const done = await job.run({
      ...scopeOf(db, now, actor),
      platform: grantedPlatform(runtime.platform, owner.openapi),
      transaction: transactionOf(db, now, actor),
    })
    await finish(done)
    return { job: name, done }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[job] ${owner.name}.${name} failed:`, message)
    await finish(0, message.slice(0, 500))
    return { job: name, done: 0, error: message }
  }
}

/** Claims the job's next slot if it is due; true for exactly one of any number of claimants. */
async function claimDue(db: Queryable, fn: string, name: string, every: number, now: Date): Promise<boolean> {
  const next = new Date(now.getTime() + every * 60_000)
  const rows = await db.query(
    `INSERT INTO job_schedule (fn, job, next_due) VALUES ($1, $2, $3)
     ON CONFLICT (fn, job) DO UPDATE SET next_due = EXCLUDED.next_due WHERE job_schedule.next_due <= $4
     RETURNING job`,
    [fn, name, next, now],
  )
  return rows.length === 1
}

/** Runs every job of the function that is due now. */
export async function runDueJobs(owner: JobOwner, runtime: Runtime, trigger: Trigger): Promise<JobRun[]> {
  const runs: JobRun[] = []
  for (const [name, job] of Object.entries(owner.jobs)) {
    if (await claimDue(runtime.db, owner.name, name, job.every, runtime.clock.now())) runs.push(await runJob(owner, name, runtime, trigger))
  }
  return runs
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

/** The function's one WeChat timer trigger (seven-field cron, seconds first), or none without jobs. */
export interface TimerTrigger {
  name: string
  type: 'timer'
  config: string
}

export function timerTrigger(jobs: Record<string, Job>): TimerTrigger | undefined {
  const intervals = Object.values(jobs).map((job) => job.every)
  if (intervals.length === 0) return undefined
  const minutes = intervals.reduce(gcd)
  let config = '0 * * * * * *'
  if (minutes < 60 && 60 % minutes === 0) config = `0 */${minutes} * * * * *`
  else if (minutes % 1440 === 0) config = '0 0 0 * * * *'
  else if (minutes % 60 === 0 && 24 % (minutes / 60) === 0) config = `0 0 */${minutes / 60} * * * *`
  return { name: 'jobs', type: 'timer', config }
}

/** The local host's scheduler: every `intervalMs`, the due jobs of every function, never two ticks at once. */
export function scheduleJobs(owners: JobOwner[], runtime: Runtime, intervalMs: number): () => Promise<void> {
  let running: Promise<void> | undefined
  let stopped = false
  const tick = async () => {
    if (running || stopped) return
    running = (async () => {
      try {
        for (const owner of owners) {
          if (stopped) break
          await runDueJobs(owner, runtime, 'host')
        }
      } catch (error) {
        console.error('[job] scheduler:', error instanceof Error ? error.message : error)
      }
    })()
    await running
    running = undefined
  }
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  /** Stops the timer; answers when the run under way (if any) has finished its current owner's jobs. */
  return async () => {
    stopped = true
    clearInterval(timer)
    await running
  }
}
