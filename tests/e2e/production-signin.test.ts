/**
 * The production host (`npm run serve`, NODE_ENV=production) wired to WeChat — here the fake
 * WeChat server on loopback (WECHAT_API_BASE, WECHAT_OPEN_BASE): the mini-program signs in with
 * code2Session and calls with its bearer session; its text goes through msgSecCheck with the
 * shared access token; web authorisation starts at the 服务号's appid; a cross-origin POST is
 * refused; the dev sign-in is not there. Skipped without DATABASE_URL.
 */
import { openPostgres } from '../../cloudfunctions/core/db'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { startProduction, type Running } from '../support/production'

const { DATABASE_URL } = process.env
const PUBLIC = 'https://xslm.example.gov.cn'
const WEB = { WECHAT_WEB_APPID: 'wxfedcba9876543210', WECHAT_WEB_APPSECRET: 'fedcba9876543210fedcba9876543210' }
if (!DATABASE_URL) console.log('production-signin.test.ts: DATABASE_URL is not set, the production sign-in tests were not run')

;(DATABASE_URL ? describe : describe.skip)('production host signing people in through WeChat', () => {
  const schema = `prodsignin_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  let fake: FakeWechat
  let host: Running
  beforeAll(async () => {
    fake = await startFakeWechat()
    const admin = await openPostgres(DATABASE_URL!)
    await admin.exec(`CREATE SCHEMA ${schema}`)
    await admin.close()
    const url = new URL(DATABASE_URL!)
    url.searchParams.set('options', `-c search_path=${schema}`)
    host = await startProduction(url.toString(), { ...WEB, WECHAT_API_BASE: fake.url, WECHAT_OPEN_BASE: fake.url, JOBS_INTERVAL_MS: '0' })
  })
  afterAll(async () => {
    host?.child.kill('SIGTERM')
    await host?.exited
    await fake.close()
    const admin = await openPostgres(DATABASE_URL!)
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.close()
  })
  const call = async (fn: string, action: string, data: object, headers: Record<string, string>) => {
    const response = await fetch(`${host.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ action, data }) })
    return { status: response.status, body: (await response.json()) as any }
  }

  it('signs the mini-program in and screens its text with msgSecCheck', async () => {
    const signin = await fetch(`${host.url}/auth/weapp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: fake.code({ openid: 'o-production-1' }) }) })
    const { data } = (await signin.json()) as { data: { token: string } }
    const bearer = { authorization: `Bearer ${data.token}` }
    expect((await call('account', 'me', {}, bearer)).body.ok).toBe(true)
    expect((await call('account', 'setName', { name: '张阿姨' }, bearer)).body.ok).toBe(true)
    expect((await call('account', 'setName', { name: '赌博大王' }, bearer)).body.error.code).toBe('content_rejected')
    expect(fake.hits.get('/wxa/msg_sec_check')).toBe(2)
    expect(fake.hits.get('/cgi-bin/stable_token')).toBe(1)
    expect(host.output()).not.toContain('o-production-1')
    expect(host.output()).not.toContain(data.token)
  })

  it('starts web authorisation at the 服务号, refuses a cross-origin POST, and has no dev sign-in', async () => {
    const start = await fetch(`${host.url}/auth/wechat?scope=base&return=/pages/mine/index`, { redirect: 'manual' })
    expect(start.status).toBe(302)
    const location = new URL(start.headers.get('location')!)
    expect(location.origin + location.pathname).toBe(`${fake.url}/connect/oauth2/authorize`)
    expect(location.searchParams.get('appid')).toBe(WEB.WECHAT_WEB_APPID)
    expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/auth/wechat/callback`)
    const forged = await call('account', 'me', {}, { origin: 'https://evil.example.com', cookie: '__Host-xslm-sid=x' })
    expect([forged.status, forged.body.error.code]).toEqual([403, 'cross_origin'])
    const methods = (await (await fetch(`${host.url}/auth/methods`)).json()) as any
    expect(methods.data).toEqual({ dev: false, weapp: true, wechat: true, code: true })
    // No such route: the path is answered as a page of the h5 build, never with the demo people.
    const personas = await fetch(`${host.url}/dev/personas`)
    expect(personas.headers.get('content-type')).not.toMatch(/json/)
    expect(await personas.text()).not.toContain('persona')
  })
})
