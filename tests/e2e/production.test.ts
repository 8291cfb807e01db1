/**
 * The host in production mode (NODE_ENV=production), as `npm run serve` starts it: it refuses to
 * start without its settings, runs against the PostgreSQL server (DATABASE_URL, in a schema of its
 * own), answers health, readiness and metrics, logs JSON lines without anyone's openid, and on
 * SIGTERM finishes the request in flight and exits 0. Skipped without DATABASE_URL.
 */
import { request } from 'node:http'
import { connect } from 'node:net'
import { openPostgres } from '../../cloudfunctions/core/db'
import { refusal, SECRETS, startProduction, type Running } from '../support/production'

const { DATABASE_URL } = process.env

/** A GET from a chosen local address (127.0.0.2 is loopback too, but not in the default list). */
function getFrom(port: number, path: string, localAddress: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, localAddress, headers }, (res) => {
      let body = ''
      res.on('data', (chunk) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }))
    })
    req.on('error', reject)
    req.end()
  })
}

const describeWithServer = DATABASE_URL ? describe : describe.skip
if (!DATABASE_URL) console.log('production.test.ts: DATABASE_URL is not set, the production host tests were not run')

describe('production settings', () => {
  it('refuses to start without DATABASE_URL, PUBLIC_URL and its secrets, naming each', () => {
    const run = refusal({})
    expect(run.status).toBe(1)
    for (const name of ['DATABASE_URL', 'PUBLIC_URL', 'ACTIVITY_CODE_SECRET', 'RESOURCES_LINK_SECRET', 'WECHAT_APPID', 'WECHAT_APPSECRET']) expect(run.stderr).toContain(`缺少 ${name}`)
    expect(run.stderr).toContain('NODE_ENV=production')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })

  it('names what is wrong with a value, and refuses the dev clock', () => {
    const run = refusal({ ...SECRETS, DATABASE_URL: 'mysql://x', PUBLIC_URL: 'http://xslm.example.gov.cn', ACTIVITY_CODE_SECRET: 'short', DEV_CLOCK: '1', METRICS_ALLOW: '10.0.0.0/99' })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('DATABASE_URL 不正确')
    expect(run.stderr).toContain('PUBLIC_URL 不正确')
    expect(run.stderr).toContain('ACTIVITY_CODE_SECRET 不正确')
    expect(run.stderr).toContain('DEV_CLOCK 不能在生产环境设置')
    expect(run.stderr).toContain('METRICS_ALLOW 不正确')
    expect(run.stderr).not.toContain('缺少')
  })
})

describeWithServer('production host on the PostgreSQL server', () => {
  const schema = `prod_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  let scopedUrl: string
  let host: Running

  beforeAll(async () => {
    const admin = await openPostgres(DATABASE_URL!)
    await admin.exec(`CREATE SCHEMA ${schema}`)
    await admin.close()
    const url = new URL(DATABASE_URL!)
    url.searchParams.set('options', `-c search_path=${schema}`)
    scopedUrl = url.toString()
    host = await startProduction(scopedUrl)
  })
  afterAll(async () => {
    if (host?.child.exitCode === null) {
      host.child.kill('SIGKILL')
      await host.exited
    }
    const admin = await openPostgres(DATABASE_URL!)
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.close()
  })

  const api = async (fn: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${host.url}/api/${fn}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } })
    return { status: response.status, body: (await response.json()) as any }
  }

  it('answers health (database, migrations, jobs) and readiness', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const health = await fetch(`${host.url}/healthz`)
    expect(health.status).toBe(200)
    const body = (await health.json()) as any
    expect(body).toMatchObject({ ok: true, database: 'ok', migrations: { missing: [] } })
    expect(body.migrations.applied).toBe(body.migrations.expected)
    expect(body.jobs.length).toBeGreaterThan(0)
    expect(body.jobs[0]).toEqual({ name: expect.any(String), lastStarted: expect.any(String), lastFinished: expect.any(String), failed: false })
    expect(await (await fetch(`${host.url}/readyz`)).json()).toEqual({ ok: true })
  })

  it('has no dev sign-in, no dev clock and no demo people', async () => {
    for (const path of ['/dev/signin', '/dev/clock']) {
      const response = await fetch(`${host.url}${path}`, { method: 'POST', headers: { host: 'localhost' }, body: JSON.stringify({ persona: 'admin', at: '2030-01-01T00:00:00Z' }) })
      expect(await response.text()).not.toContain('token')
      expect(response.status).toBe(405)
    }
    const admin = await openPostgres(scopedUrl)
    const [{ people }] = await admin.query<{ people: number }>('SELECT count(*)::int AS people FROM users')
    await admin.close()
    expect(people).toBe(0)
    expect((await api('account', { action: 'me', data: {} })).body.error.code).toBe('unauthenticated')
  })

  it('keeps serving after hostile input, and tells the client nothing of its insides', async () => {
    const bad = await new Promise<string>((resolve) => {
      const socket = connect(host.port, '127.0.0.1', () => socket.write('BREW / HTCPCP/1.0\r\n\r\n'))
      let answer = ''
      socket.on('data', (chunk) => (answer += chunk))
      socket.on('close', () => resolve(answer))
    })
    expect(bad).toMatch(/^HTTP\/1\.1 400/)
    const answer = await api('sites', { action: 'list', data: { q: '\u0000' } })
    expect(JSON.stringify(answer.body)).not.toMatch(/SELECT|\/work|\.ts:|at /)
    expect((await fetch(`${host.url}/readyz`)).status).toBe(200)
  })

  it('counts each action\'s calls, errors and latency at /metrics, for allowed addresses only', async () => {
    for (let i = 0; i < 3; i++) await api('checkin', { action: 'mine', data: {} })
    await api('account', { action: 'noSuchAction', data: {} })
    const page = await getFrom(host.port, '/metrics', '127.0.0.1')
    expect(page.status).toBe(200)
    expect(page.type).toBe('text/plain; version=0.0.4; charset=utf-8')
    expect(page.body).toContain('xslm_requests_total{fn="checkin",action="mine",code="unauthenticated"} 3')
    expect(page.body).toContain('xslm_request_errors_total{fn="checkin",action="mine"} 3')
    expect(page.body).toContain('xslm_request_duration_seconds_count{fn="checkin",action="mine"} 3')
    expect(page.body).toContain('xslm_request_duration_seconds_bucket{fn="checkin",action="mine",le="+Inf"} 3')
    expect(page.body).toContain('action="unknown"')
    // The text format: comments, or `name{labels} value`, each series' buckets never decreasing.
    const lines = page.body.trimEnd().split('\n')
    for (const line of lines) expect(line).toMatch(/^(# (HELP|TYPE) [a-z_]+ .+|[a-z_]+(\{([a-z_]+="[^"\n]*",?)+\})? -?[0-9.e+]+)$/)
    const buckets = lines.filter((l) => l.startsWith('xslm_request_duration_seconds_bucket{fn="checkin",action="mine"')).map((l) => Number(l.split(' ')[1]))
    expect(buckets).toEqual([...buckets].sort((a, b) => a - b))

    expect((await getFrom(host.port, '/metrics', '127.0.0.2')).status).toBe(403)
    expect((await getFrom(host.port, '/metrics', '127.0.0.1', { 'x-forwarded-for': '127.0.0.1' })).status).toBe(403)
    expect((await getFrom(host.port, '/metrics', '127.0.0.2')).body).not.toContain('xslm_')
  })

  it('logs one JSON line per request with action, code and duration, and never a token, code or openid', async () => {
    const openid = 'oPenIdThatMustNotBeLogged123'
    await api('account', { action: 'bind', data: { code: 'SECRET99', openid } }, { authorization: `Bearer ${openid}.token` })
    await new Promise((resolve) => setTimeout(resolve, 200))
    const lines = host.output().trim().split('\n')
    const entries = lines.map((line) => JSON.parse(line))
    const bind = entries.find((e) => e.msg === 'request' && e.action === 'bind')
    // Not a session token: refused before the function runs (401), and logged without the token.
    expect(bind).toMatchObject({ level: 'info', route: 'api', fn: 'account', action: 'bind', code: 'unauthenticated', status: 401 })
    expect(typeof bind.ms).toBe('number')
    expect(typeof bind.time).toBe('string')
    expect(host.output()).not.toContain(openid)
    expect(host.output()).not.toContain('SECRET99')
    expect(host.output()).not.toContain('Bearer')
  })

  it('on SIGTERM stops taking requests, finishes the one in flight and exits 0', async () => {
    // A call whose body is still arriving when the signal comes.
    let finish: () => void = () => undefined
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/account', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '30' } }, (res) => {
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, body }))
      })
      req.on('error', reject)
      req.write('{"action":"me",')
      finish = () => req.end('"data":{}     }')
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    host.child.kill('SIGTERM')
    // It stops listening (a new connection is refused) while the call is still open.
    let refused = false
    for (let i = 0; i < 100 && !refused; i++) {
      refused = await fetch(`${host.url}/readyz`).then(() => false, () => true)
      if (!refused) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(refused).toBe(true)
    expect(host.child.exitCode).toBeNull()
    finish()
    const { status, body } = await answer
    expect(status).toBe(200)
    expect(JSON.parse(body).error.code).toBe('unauthenticated')
    expect(await host.exited).toBe(0)
    const entries = host.output().trim().split('\n').map((line) => JSON.parse(line))
    expect(entries.map((e) => e.msg)).toEqual(expect.arrayContaining(['shutting down', 'stopped']))
  })
})
