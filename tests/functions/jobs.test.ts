/** Scheduled jobs: run by name, by the timer event, when due; recorded; each unit of work once. */
import { runDueJobs, runJob, timerTrigger } from '../../cloudfunctions/core/jobs'
import { dispatch } from '../../cloudfunctions/core/router'
import { PROBE_TABLES, probe } from '../support/probe-function'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`scheduled jobs on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-11-20T15:59:00Z')
    await rt.db.exec(PROBE_TABLES)
    await rt.db.query("INSERT INTO probe_items (label) SELECT '议题' || n FROM generate_series(1, 50) n")
  })
  afterEach(() => rt.close())

  const runs = () => rt.db.query('SELECT job, trigger, done, error, finished_at IS NOT NULL AS finished FROM job_runs ORDER BY id')

  it('runs a job by name with the injected clock and records the run', async () => {
    expect(await runJob(probe, 'finish', rt)).toEqual({ job: 'finish', done: 50 })
    const [{ n }] = await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM probe_items WHERE done_at = '2026-11-20T15:59:00Z'")
    expect(n).toBe(50)
    expect(await runJob(probe, 'finish', rt)).toEqual({ job: 'finish', done: 0 })
    expect(await runs()).toEqual([
      { job: 'finish', trigger: 'direct', done: 50, error: null, finished: true },
      { job: 'finish', trigger: 'direct', done: 0, error: null, finished: true },
    ])
  })

  it('does each unit of work once when two runs overlap', async () => {
    const [a, b] = await Promise.all([runJob(probe, 'finish', rt), runJob(probe, 'finish', rt)])
    expect(a.done + b.done).toBe(50)
  })

  it('records a failing job without throwing', async () => {
    expect(await runJob(probe, 'broken', rt)).toEqual({ job: 'broken', done: 0, error: 'the job broke' })
    expect((await runs())[0]).toMatchObject({ job: 'broken', error: 'the job broke', finished: true })
  })

  it('starts a due job once however many firings race, and again only when due', async () => {
    const firings = await Promise.all(Array.from({ length: 5 }, () => runDueJobs(probe, rt, 'timer')))
    expect(firings.flat().map((run) => run.job).sort()).toEqual(['broken', 'finish'])
    expect(await runDueJobs(probe, rt, 'timer')).toEqual([])
    rt.clock.set('2026-11-20T16:04:00Z')
    expect((await runDueJobs(probe, rt, 'timer')).map((run) => run.job)).toEqual(['finish'])
    rt.clock.set('2026-11-20T16:59:00Z')
    expect((await runDueJobs(probe, rt, 'timer')).map((run) => run.job).sort()).toEqual(['broken', 'finish'])
  })

  it('runs due jobs for the timer event, which carries no identity, and never for a person', async () => {
    const event = { Type: 'timer', TriggerName: 'jobs', Time: '2026-11-20T15:59:00Z' }
    const fired = (await dispatch(probe, event, { timer: true }, rt)) as any
    expect(fired).toEqual({ ok: true, data: [{ job: 'finish', done: 50 }, { job: 'broken', done: 0, error: 'the job broke' }] })
    const byPerson = (await dispatch(probe, event, { openid: 'someone' }, rt)) as any
    expect(byPerson.error.code).toBe('invalid_input')
    expect((await runs()).map((run) => run.trigger)).toEqual(['timer', 'timer'])
  })

  it('writes one timer trigger at the greatest common interval', () => {
    const job = (every: number) => ({ every, run: async () => 0 })
    expect(timerTrigger({})).toBeUndefined()
    expect(timerTrigger({ a: job(5), b: job(60) })).toEqual({ name: 'jobs', type: 'timer', config: '0 */5 * * * * *' })
    expect(timerTrigger({ a: job(120), b: job(360) })).toEqual({ name: 'jobs', type: 'timer', config: '0 0 */2 * * * *' })
    expect(timerTrigger({ a: job(7) })?.config).toBe('0 * * * * * *')
    expect(timerTrigger({ a: job(1440) })?.config).toBe('0 0 0 * * * *')
  })
})
