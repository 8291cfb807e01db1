/** ctx.transaction: a change, its timeline, audit and outbox rows land together or not at all. */
import { main as admin } from '../../cloudfunctions/admin'
import { dispatch } from '../../cloudfunctions/core/router'
import { PROBE_TABLES, probe } from '../support/probe-function'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const within = <T>(promise: Promise<T>, ms = 3000) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms))])

describe(`the unit of work on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
    await rt.db.exec(PROBE_TABLES)
  })
  afterAll(() => rt.close())

  const create = (data: object) => dispatch(probe, { action: 'create', data }, { openid: 'uow-person' }, rt) as Promise<any>
  const counts = async (label: string) => {
    const [row] = await rt.db.query(
      `SELECT (SELECT count(*)::int FROM probe_items WHERE label = $1) AS items,
         (SELECT count(*)::int FROM probe_timeline t JOIN probe_items i ON i.id = t.item_id WHERE i.label = $1) AS timeline,
         (SELECT count(*)::int FROM audit_log WHERE fn = 'probe') AS audit,
         (SELECT count(*)::int FROM outbox WHERE payload->>'body' = $1) AS outbox`,
      [label],
    )
    return row
  }

  it('commits the change, its timeline, audit and outbox rows together', async () => {
    const done = await create({ label: '加装电梯' })
    expect(done.ok).toBe(true)
    expect(await counts('加装电梯')).toEqual({ items: 1, timeline: 1, audit: 1, outbox: 1 })
  })

  it('rolls all of them back when the handler fails after writing', async () => {
    const failed = await create({ label: '停车难', failAfterWrites: true })
    expect(failed.error.code).toBe('conflict')
    expect(await counts('停车难')).toEqual({ items: 0, timeline: 0, audit: 1, outbox: 0 })
  })

  it('fails at once, without freezing the database, when the plain db is used inside a transaction', async () => {
    const misuse = rt.db.transaction(async () => rt.db.query('SELECT 1'))
    await expect(within(misuse)).rejects.toThrow('db.query: inside db.transaction use its tx')
    await expect(within(rt.db.transaction(async () => rt.db.transaction(async () => 1)))).rejects.toThrow('inside db.transaction')
    let leaked: { query(sql: string): Promise<unknown> } | undefined
    await rt.db.transaction(async (tx) => {
      leaked = tx
    })
    await expect(leaked!.query('SELECT 1')).rejects.toThrow('this transaction has ended')
    expect(await within(rt.db.query('SELECT 2 AS two'))).toEqual([{ two: 2 }])
  })

  it('writes the audit row of a privileged action inside its transaction', async () => {
    await rt.db.exec('ALTER TABLE audit_log RENAME TO audit_log_away')
    try {
      const issued = await caller(admin, 'demo-staff')('createProfile', { role: 'member', name: '审计失败' })
      expect(issued.error.code).toBe('internal')
    } finally {
      await rt.db.exec('ALTER TABLE audit_log_away RENAME TO audit_log')
    }
    expect(await rt.db.query<{ id: number }>("SELECT id FROM profiles WHERE name = '审计失败'")).toEqual([])
  })
})
