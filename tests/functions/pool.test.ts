/** The pool of one process: small in production, with an idle and a statement timeout. */
import { openPostgres, poolSettings } from '../../cloudfunctions/core/db'

describe('pool settings', () => {
  it('keeps 2 connections and a 15 s statement timeout in production, 10 and none in development and tests', () => {
    expect(poolSettings({ NODE_ENV: 'production' })).toEqual({ max: 2, idleTimeoutMs: 10_000, statementTimeoutMs: 15_000 })
    expect(poolSettings({}, true)).toEqual({ max: 2, idleTimeoutMs: 10_000, statementTimeoutMs: 15_000 })
    expect(poolSettings({ NODE_ENV: 'test' })).toEqual({ max: 10, idleTimeoutMs: 10_000, statementTimeoutMs: 0 })
    expect(poolSettings({ NODE_ENV: 'production', DATABASE_POOL_SIZE: '4', DATABASE_IDLE_TIMEOUT_MS: '500', DATABASE_STATEMENT_TIMEOUT_MS: '0' })).toEqual({ max: 4, idleTimeoutMs: 500, statementTimeoutMs: 0 })
    expect(() => poolSettings({ DATABASE_POOL_SIZE: '0' })).toThrow('DATABASE_POOL_SIZE')
    expect(() => poolSettings({ DATABASE_STATEMENT_TIMEOUT_MS: 'soon' })).toThrow('DATABASE_STATEMENT_TIMEOUT_MS')
  })

  // Through PgBouncer (DATABASE_POOLED=1) the timeout cannot go as a startup parameter: it is the role's there (docs/deploy.md).
  const onServer = process.env.DATABASE_URL && process.env.DATABASE_POOLED !== '1' ? it : it.skip
  if (onServer === it.skip) console.log('pool.test.ts: the statement timeout is checked only on the PostgreSQL server without a pooler (not set or pooled here)')
  onServer('has the server cancel a statement past the timeout, and holds at most its size', async () => {
    const db = await openPostgres(process.env.DATABASE_URL!, { max: 2, idleTimeoutMs: 1000, statementTimeoutMs: 300 })
    try {
      await expect(db.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' })
      const [{ timeout }] = await db.query<{ timeout: string }>("SELECT current_setting('statement_timeout') AS timeout")
      expect(timeout).toBe('300ms')
      const pids = await Promise.all(Array.from({ length: 8 }, () => db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')))
      expect(new Set(pids.map(([row]) => row.pid)).size).toBeLessThanOrEqual(2)
    } finally {
      await db.close()
    }
  })
})
