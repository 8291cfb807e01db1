/** The outbox: written with the change, drained by one job, each message delivered once, failures retried with backoff. */
import { runJob } from '../../cloudfunctions/core/jobs'
import { backoffMs, enqueue, MAX_ATTEMPTS, type OutboxKind, type OutboxPayload } from '../../cloudfunctions/notices/outbox'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { PlatformError, type Platform } from '../../cloudfunctions/core/platform'
import { transactionOf } from '../../cloudfunctions/core/scope'
import { definition as notices } from '../../cloudfunctions/notices'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`the outbox on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let resident: number
  beforeEach(async () => {
    rt = await startRuntime()
    ;[{ id: resident }] = await rt.db.query<{ id: number }>("SELECT id FROM users WHERE openid = 'demo-resident'")
  })
  afterEach(() => rt.close())

  const actor = { userId: null, fn: 'test', action: 'enqueue' }
  const outbox = () => ({
    enqueue: <K extends OutboxKind>(kind: K, to: number, payload: OutboxPayload[K], key: string) => enqueue(rt.db, rt.clock.now(), kind, to, payload, key),
  })
  const drain = () => runJob(notices, 'drainOutbox', rt)
  const rows = () => rt.db.query('SELECT dedupe_key, status, attempts, last_error, next_attempt_at FROM outbox ORDER BY id')
  const subscribe = (n: number) => ({ templateId: 'tpl-topic', page: 'pages/mine/index', data: { thing1: { value: `议题${n}` } } })

  it('keeps one row per dedupe key, and none from a rolled-back transaction', async () => {
    expect(await outbox().enqueue('inapp', resident, { title: '通知', body: '一' }, 'k-1')).toBe(true)
    expect(await outbox().enqueue('inapp', resident, { title: '通知', body: '二' }, 'k-1')).toBe(false)
    const transaction = transactionOf(rt.db, rt.clock.now(), actor)
    await expect(
      transaction(async (tx) => {
        await enqueue(tx.db, tx.now, 'inapp', resident, { title: '通知', body: '三' }, 'k-2')
        throw new Error('the change failed')
      }),
    ).rejects.toThrow('the change failed')
    expect((await rows()).map((row) => row.dedupe_key)).toEqual(['k-1'])
  })

  it('delivers in-app notices and subscription messages once; a second run finds nothing and writes nothing', async () => {
    for (let n = 0; n < 30; n++) {
      await outbox().enqueue(n % 2 ? 'inapp' : 'subscribe', resident, n % 2 ? { title: '通知', body: `第${n}条` } : subscribe(n), `m-${n}`)
    }
    expect(await drain()).toEqual({ job: 'drainOutbox', done: 30 })
    expect((await rows()).every((row) => row.status === 'sent')).toBe(true)
    const [{ notes }] = await rt.db.query<{ notes: number }>('SELECT count(*)::int AS notes FROM notifications WHERE user_id = $1', [resident])
    const messages = await rt.db.query('SELECT to_openid FROM platform_messages')
    expect(notes).toBe(15)
    expect(messages).toHaveLength(15)
    expect(new Set(messages.map((m) => m.to_openid))).toEqual(new Set(['demo-resident']))
    const before = JSON.stringify(await rows())
    expect(await drain()).toEqual({ job: 'drainOutbox', done: 0 })
    expect(JSON.stringify(await rows())).toBe(before)
  })

  it('delivers each message once when two drains overlap', async () => {
    for (let n = 0; n < 500; n++) await outbox().enqueue('subscribe', resident, subscribe(n), `o-${n}`)
    const local = localPlatform(rt.db, 'http://localhost:8080')
    const seen: string[] = []
    const slow: Platform = {
      ...local,
      sendSubscribe: async (message) => {
        seen.push(message.dedupeKey)
        await new Promise((resolve) => setTimeout(resolve, 1))
        return local.sendSubscribe(message)
      },
    }
    const both = await Promise.all([drain(), runJob(notices, 'drainOutbox', { ...rt, platform: slow })])
    rt.platform = local
    expect(both[0].done + both[1].done).toBe(500)
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('retries a transient failure with backoff, and gives up on a permanent one or after the last attempt', async () => {
    await outbox().enqueue('subscribe', resident, subscribe(1), 'flaky')
    await outbox().enqueue('subscribe', resident, subscribe(2), 'refused')
    let failFlaky = true
    const local = localPlatform(rt.db, 'http://localhost:8080')
    rt.platform = {
      ...local,
      sendSubscribe: async (message) => {
        if (message.dedupeKey === 'refused') throw new PlatformError('subscribeMessage.send: 43101', true)
        if (failFlaky) throw new PlatformError('subscribeMessage.send: -1 system busy', false)
        return local.sendSubscribe(message)
      },
    }
    const start = rt.clock.now().getTime()
    expect((await drain()).done).toBe(0)
    expect(await rows()).toEqual([
      { dedupe_key: 'flaky', status: 'pending', attempts: 1, last_error: 'subscribeMessage.send: -1 system busy', next_attempt_at: new Date(start + backoffMs(1)) },
      { dedupe_key: 'refused', status: 'failed', attempts: 1, last_error: 'subscribeMessage.send: 43101', next_attempt_at: new Date(start + backoffMs(1)) },
    ])
    rt.clock.set(new Date(start + backoffMs(1) - 1000))
    expect((await drain()).done).toBe(0)
    expect((await rows())[0].attempts).toBe(1)
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      rt.clock.set(new Date(rt.clock.now().getTime() + backoffMs(attempt) + 1000))
      await drain()
    }
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
    expect(backoffMs(2)).toBe(2 * backoffMs(1))
    await rt.db.query("UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = $1 WHERE dedupe_key = 'flaky'", [rt.clock.now()])
    failFlaky = false
    expect((await drain()).done).toBe(1)
  })
})
