/** The local host's HTTP edge: the same envelope for bad requests, and no dev sign-in in production. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { openPglite } from '../../cloudfunctions/core/db'
import { hostCaller, newDataDir, ROOT, startHost, type HostProcess } from '../support/host'

describe('local host', () => {
  let host: HostProcess
  beforeAll(async () => {
    host = await startHost()
  })
  afterAll(() => host.stop())

  const raw = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${host.url}${path}`, { method: 'POST', body, headers })
    return { status: response.status, body: (await response.json()) as any }
  }

  it('answers malformed, oversized, unknown and anonymous calls with the envelope and Chinese messages', async () => {
    expect((await raw('/api/checkin', '{not json')).body).toEqual({ ok: false, error: { code: 'invalid_input', message: '请求格式不正确' } })
    expect((await raw('/api/checkin', JSON.stringify({ action: 'scan', data: { scene: 'x'.repeat(70_000) } }))).body.error.code).toBe('invalid_input')
    expect((await raw('/api/nope', '{}')).body).toEqual({ ok: false, error: { code: 'not_found', message: '没有这个服务' } })
    expect((await raw('/api/checkin', JSON.stringify({ action: 'mine', data: {} }))).body.error.code).toBe('unauthenticated')
    const forged = await raw('/api/checkin', JSON.stringify({ action: 'mine', data: {} }), { authorization: 'Bearer eyJvcGVuaWQiOiJkZW1vLXN0YWZmIn0.forged' })
    expect(forged.body.error.code).toBe('unauthenticated')
  })

  it('takes identity from the token, never from the call\'s data', async () => {
    const call = await hostCaller(host.url, { guest: 'edge' })
    const me = await call('account', 'me', { openid: 'demo-admin' })
    expect(me.data.primaryRole).toBe('resident')
  })

  it('rolls back a failed transaction on its database thread and keeps serving everyone', async () => {
    const first = await hostCaller(host.url, { guest: 'binder-one' })
    const second = await hostCaller(host.url, { guest: 'binder-two' })
    expect((await first('account', 'bind', { code: 'MEMBER23' })).data.primaryRole).toBe('member')
    const [late, ...others] = await Promise.all([
      second('account', 'bind', { code: 'MEMBER23' }),
      ...Array.from({ length: 10 }, () => second('checkin', 'mine')),
    ])
    expect(late.error.code).toBe('expired')
    expect(others.every((answer) => answer.ok)).toBe(true)
    expect((await second('account', 'me')).data.roles).toEqual([{ role: 'resident' }])
    expect((await second('checkin', 'scan', { scene: 's=F03' })).data.siteId).toBe('F03')
  })

  it('gathers its embedded database\'s planner statistics itself (PGlite has no autovacuum)', async () => {
    const own = await startHost()
    expect((await (await hostCaller(own.url, { guest: 'planner' }))('sites', 'list', {})).ok).toBe(true)
    await own.stop()
    const db = await openPglite(join(own.dataDir, 'pglite'))
    const [{ estimated, counted }] = await db.query("SELECT reltuples::int AS estimated, (SELECT count(*)::int FROM sites) AS counted FROM pg_class WHERE relname = 'sites'")
    await db.close()
    expect(estimated).toBe(counted)
  })

  it('refuses to start under NODE_ENV=production without its settings (never with the dev sign-in; tests/e2e/production.test.ts)', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'dist/host/main.js')], {
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: newDataDir(), PORT: '0', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('生产环境（NODE_ENV=production）无法启动')
    expect(run.stderr).toContain('缺少 DATABASE_URL')
  })
})
