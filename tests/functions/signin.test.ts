/**
 * Self-hosted sign-in through the host, in-process, against the fake WeChat server: the
 * mini-program's code2Session sign-in, server-side sessions (lifetimes, logout, forged and expired
 * tokens), the CSRF rule, WeChat web authorisation (state replay, foreign browser, used code,
 * snapshot users) and identities linked by unionid or a one-time code, audited.
 */
import type { AddressInfo } from 'node:net'
import { createHost } from '../../cloudfunctions/host/server'
import { PRELOGIN_COOKIE, SESSION_COOKIE } from '../../cloudfunctions/host/signin'
import { startFakeWechat, type FakePerson, type FakeWechat } from '../support/fake-wechat'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const PUBLIC = 'https://xslm.example.gov.cn'
const WEAPP = { appid: 'wx0123456789abcdef', secret: '0123456789abcdef0123456789abcdef' }
const WEB = { appid: 'wxfedcba9876543210', secret: 'fedcba9876543210fedcba9876543210' }

describe(`sign-in and sessions on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let fake: FakeWechat
  let base: string
  let close: () => Promise<void>
  beforeAll(async () => {
    rt = await startRuntime()
    fake = await startFakeWechat()
    const app = (keys: typeof WEAPP) => ({ apiBase: fake.url, ...keys, timeoutMs: 300 })
    const server = createHost({
      runtime: rt, h5Dir: '/nonexistent', publicUrl: PUBLIC, uploadsDir: '/nonexistent',
      signin: { weapp: app(WEAPP), web: app(WEB), authorizeBase: fake.url, publicUrl: PUBLIC },
      allowedOrigin: PUBLIC,
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => new Promise((resolve) => server.close(() => resolve()))
  })
  afterAll(async () => {
    await close()
    await fake.close()
    await rt.close()
  })

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: PUBLIC, ...headers }, body: JSON.stringify(body), redirect: 'manual' })
  const get = (path: string, headers: Record<string, string> = {}) => fetch(path.startsWith('http') ? path : `${base}${path}`, { headers, redirect: 'manual' })
  const me = (headers: Record<string, string>) => post('/api/account', { action: 'me' }, headers).then(async (r) => ({ status: r.status, body: await r.json() }))
  const users = async () => Number((await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n)
  /** The mini-program's request: no origin, no cookie. */
  const weappSignin = async (person: FakePerson) => {
    const response = await fetch(`${base}/auth/weapp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: fake.code(person) }) })
    return { status: response.status, body: await response.json() }
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
  const cookieOf = (response: Response, name: string) => response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))
  const valueOf = (setCookie: string | undefined) => setCookie?.split(';')[0].split('=')[1] ?? ''

  describe('mini-program', () => {
    it('signs in with wx.login\'s code: an opaque token, no session_key, one account per openid', async () => {
      const first = await weappSignin({ openid: 'o-weapp-1' })
      expect(first.status).toBe(200)
      expect(first.body.data.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(JSON.stringify(first.body)).not.toMatch(/session_key|o-weapp-1/)
      const again = await weappSignin({ openid: 'o-weapp-1' })
      const [a, b] = [await me(bearer(first.body.data.token)), await me(bearer(again.body.data.token))]
      expect(a.body.ok).toBe(true)
      expect(a.body.data.userId).toBe(b.body.data.userId)
      const stored = await rt.db.query<{ id_hash: string }>('SELECT id_hash FROM sessions')
      expect(JSON.stringify(stored)).not.toContain(first.body.data.token)
    })

    it('creates no account when WeChat refuses the code, errs or does not answer', async () => {
      const before = await users()
      const bad = await post('/auth/weapp', { code: 'never-issued-code' })
      expect([bad.status, (await bad.json()).error.code]).toEqual([400, 'invalid_code'])
      fake.fail('/sns/jscode2session', { errcode: -1, errmsg: 'system error' })
      const busy = await weappSignin({ openid: 'o-new' })
      expect([busy.status, busy.body.error.code]).toEqual([503, 'wechat_unavailable'])
      expect(busy.body.error.message).toMatch(/微信登录服务暂时无法连接/)
      fake.fail('/sns/jscode2session', 'timeout')
      const slow = await weappSignin({ openid: 'o-new' })
      expect([slow.status, slow.body.error.code]).toEqual([503, 'wechat_unavailable'])
      fake.heal()
      expect(await users()).toBe(before)
    })
  })

  describe('sessions', () => {
    it('refuses a forged token and an expired session with 401 and a code saying which', async () => {
      expect(await me(bearer('A'.repeat(43)))).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } })
      expect(await me(bearer('not-a-token'))).toMatchObject({ status: 401 })
      const { body } = await weappSignin({ openid: 'o-resident-life' })
      const start = rt.clock.now()
      rt.clock.set(new Date(start.getTime() + 29 * 86_400_000))
      expect((await me(bearer(body.data.token))).status).toBe(200)
      rt.clock.set(new Date(start.getTime() + 30 * 86_400_000 + 1000))
      expect(await me(bearer(body.data.token))).toMatchObject({ status: 401, body: { error: { code: 'session_expired', message: '登录已过期，请重新登录' } } })
      rt.clock.set(start)
    })

    it('ends a staff session after 30 idle minutes and after 12 hours however busy', async () => {
      const start = rt.clock.now()
      const { body } = await weappSignin({ openid: 'demo-staff' })
      const token = body.data.token
      const at = (minutes: number) => rt.clock.set(new Date(start.getTime() + minutes * 60_000))
      for (let minute = 25; minute < 12 * 60; minute += 25) {
        at(minute)
        expect((await me(bearer(token))).status).toBe(200)
      }
      at(12 * 60 + 1)
      expect((await me(bearer(token))).body.error.code).toBe('session_expired')
      at(0)
      const idle = (await weappSignin({ openid: 'demo-staff' })).body.data.token
      at(31)
      expect((await me(bearer(idle))).body.error.code).toBe('session_expired')
      rt.clock.set(start)
    })

    it('logout deletes the session row', async () => {
      const { body } = await weappSignin({ openid: 'o-logout' })
      expect((await post('/auth/logout', {}, bearer(body.data.token))).status).toBe(200)
      expect((await me(bearer(body.data.token))).body.error.code).toBe('unauthenticated')
    })
  })

  describe('web authorisation', () => {
    /** Starts a web sign-in and lets the fake's authorisation page answer; the callback URL and the pre-login cookie. */
    const authorise = async (query: string, fakeQuery = '') => {
      const start = await get(`/auth/wechat?${query}`)
      expect(start.status).toBe(302)
      const pre = cookieOf(start, PRELOGIN_COOKIE)!
      expect(pre).toMatch(/; HttpOnly; Secure; SameSite=Lax/)
      const location = new URL(start.headers.get('location')!.replace('#wechat_redirect', ''))
      expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{22}$/)
      expect(location.searchParams.get('redirect_uri')).toBe(`${PUBLIC}/auth/wechat/callback`)
      const page = await get(`${location}${fakeQuery}`)
      const back = new URL(page.headers.get('location')!)
      return { callback: `/auth/wechat/callback${back.search}`, pre: `${PRELOGIN_COOKIE}=${valueOf(pre)}`, code: back.searchParams.get('code')! }
    }

    it('signs a browser in with a __Host- cookie, once per state, only in the browser that began it', async () => {
      const { callback, pre } = await authorise('scope=base&return=/pages/mine/index', '&fake_openid=web-1')
      const done = await get(callback, { cookie: pre })
      expect(done.status).toBe(302)
      expect(done.headers.get('location')).toBe('/pages/mine/index')
      const sid = cookieOf(done, SESSION_COOKIE)!
      expect(sid).toMatch(/^__Host-xslm-sid=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax; Max-Age=\d+$/)
      expect((await me({ cookie: `${SESSION_COOKIE}=${valueOf(sid)}` })).status).toBe(200)
      const replay = await get(callback, { cookie: pre })
      expect(replay.headers.get('location')).toMatch(/error=invalid_state/)
      const other = await authorise('scope=base', '&fake_openid=web-2')
      const foreign = await get(other.callback, { cookie: `${PRELOGIN_COOKIE}=${'B'.repeat(43)}` })
      expect(foreign.headers.get('location')).toMatch(/error=invalid_state/)
      expect((await get(other.callback)).headers.get('location')).toMatch(/error=invalid_state/)
      // Signing in again in the same browser: a new id, and the old session is gone.
      const next = await authorise('scope=base', '&fake_openid=web-1')
      const renewed = await get(next.callback, { cookie: `${next.pre}; ${SESSION_COOKIE}=${valueOf(sid)}` })
      expect(valueOf(cookieOf(renewed, SESSION_COOKIE))).not.toBe(valueOf(sid))
      expect((await me({ cookie: `${SESSION_COOKIE}=${valueOf(sid)}` })).status).toBe(401)
    })

    it('refuses a used code and a state past its 10 minutes', async () => {
      const first = await authorise('scope=base', '&fake_openid=web-3')
      await get(first.callback, { cookie: first.pre })
      const second = await authorise('scope=base', '&fake_openid=web-3')
      const reused = second.callback.replace(/code=[^&]+/, `code=${first.code}`)
      expect((await get(reused, { cookie: second.pre })).headers.get('location')).toMatch(/error=invalid_code/)
      const late = await authorise('scope=base', '&fake_openid=web-3')
      const start = rt.clock.now()
      rt.clock.set(new Date(start.getTime() + 10 * 60_000 + 1000))
      expect((await get(late.callback, { cookie: late.pre })).headers.get('location')).toMatch(/error=invalid_state/)
      rt.clock.set(start)
    })

    it('gives a snapshot-mode user the guest view and no account', async () => {
      const before = await users()
      const { callback, pre } = await authorise('scope=userinfo', '&fake_openid=virtual&fake_snapshot=1')
      const answer = await get(callback, { cookie: pre })
      expect(answer.headers.get('location')).toMatch(/error=snapshot_user/)
      expect(cookieOf(answer, SESSION_COOKIE)).toBeUndefined()
      expect(await users()).toBe(before)
    })
  })

  describe('CSRF', () => {
    it('refuses a cookie POST from another origin, without an origin, or not as JSON', async () => {
      const { body } = await weappSignin({ openid: 'o-csrf' })
      const { code } = (await (await post('/auth/code/new', {}, bearer(body.data.token))).json()).data
      const signedIn = await post('/auth/code', { code })
      const cookie = `${SESSION_COOKIE}=${valueOf(cookieOf(signedIn, SESSION_COOKIE))}`
      expect((await me({ cookie })).status).toBe(200)
      expect((await me({ cookie, origin: 'https://evil.example.com' })).status).toBe(403)
      const noOrigin = await fetch(`${base}/api/account`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'me' }) })
      expect(noOrigin.status).toBe(403)
      const form = await fetch(`${base}/api/account`, { method: 'POST', headers: { cookie, origin: PUBLIC, 'content-type': 'application/x-www-form-urlencoded' }, body: 'action=me' })
      expect([form.status, (await form.json()).error.code]).toEqual([403, 'cross_origin'])
      const weapp = await fetch(`${base}/api/account`, { method: 'POST', headers: { ...bearer(body.data.token), 'content-type': 'application/json' }, body: JSON.stringify({ action: 'me' }) })
      expect(weapp.status).toBe(200)
    })
  })

  describe('identities', () => {
    const accountOfIdentity = async (provider: string, openid: string) =>
      (await rt.db.query<{ user_id: number; linked_by: string }>('SELECT user_id, linked_by FROM user_identities WHERE provider = $1 AND openid = $2', [provider, openid]))[0]

    it('links the web identity to the mini-program account by unionid, audited', async () => {
      await weappSignin({ openid: 'o-union', unionid: 'u-shared' })
      const start = await get('/auth/wechat?scope=base')
      const location = new URL(start.headers.get('location')!.replace('#wechat_redirect', ''))
      const code = fake.code({ openid: 'web-union', unionid: 'u-shared' })
      await get(`/auth/wechat/callback?code=${code}&state=${location.searchParams.get('state')}`, { cookie: `${PRELOGIN_COOKIE}=${valueOf(cookieOf(start, PRELOGIN_COOKIE))}` })
      const [weapp, web] = [await accountOfIdentity('weapp', 'o-union'), await accountOfIdentity('web', 'web-union')]
      expect(web).toEqual({ user_id: weapp.user_id, linked_by: 'unionid' })
      const audits = await rt.db.query<{ detail: { via: string } }>(`SELECT detail FROM audit_log WHERE fn = 'signin' AND action = 'identity.linked' AND target = $1`, [`user:${weapp.user_id}`])
      expect(audits.map((a) => a.detail.via)).toEqual(['unionid'])
    })

    it('links a browser\'s web identity by the one-time code, once; a used code is refused', async () => {
      const web = await (async () => {
        const start = await get('/auth/wechat?scope=base')
        const location = new URL(start.headers.get('location')!.replace('#wechat_redirect', ''))
        const done = await get(`/auth/wechat/callback?code=${fake.code({ openid: 'web-alone' })}&state=${location.searchParams.get('state')}`, {
          cookie: `${PRELOGIN_COOKIE}=${valueOf(cookieOf(start, PRELOGIN_COOKIE))}`,
        })
        return `${SESSION_COOKIE}=${valueOf(cookieOf(done, SESSION_COOKIE))}`
      })()
      const separate = await accountOfIdentity('web', 'web-alone')
      const { body } = await weappSignin({ openid: 'o-code-owner' })
      const owner = await accountOfIdentity('weapp', 'o-code-owner')
      expect(separate.user_id).not.toBe(owner.user_id)
      const { code } = (await (await post('/auth/code/new', {}, bearer(body.data.token))).json()).data
      const used = await post('/auth/code', { code }, { cookie: web })
      expect(used.status).toBe(200)
      const fresh = valueOf(cookieOf(used, SESSION_COOKIE))
      expect(web).not.toContain(fresh)
      expect(await accountOfIdentity('web', 'web-alone')).toEqual({ user_id: owner.user_id, linked_by: 'code' })
      expect((await me({ cookie: `${SESSION_COOKIE}=${fresh}` })).body.data.userId).toBe(owner.user_id)
      expect((await me({ cookie: web })).status).toBe(401)
      const again = await post('/auth/code', { code })
      expect([again.status, (await again.json()).error.code]).toEqual([400, 'invalid_code'])
    })
  })
})
