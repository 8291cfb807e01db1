/**
 * The self-hosted platform against the fake WeChat server: one access token for many callers in
 * many processes (each platform object here stands for a host process: its own memory, the same
 * database), refreshed before it lapses and again once when WeChat refuses it; the three openapi
 * calls with their answers, errors and timeouts.
 */
import { PlatformError } from '../../cloudfunctions/core/platform'
import { openapiPlatform } from '../../cloudfunctions/core/platform-openapi'
import { sharedToken, type WechatApp } from '../../cloudfunctions/core/wechat'
import { startFakeWechat, type FakeWechat } from '../support/fake-wechat'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const APPID = 'wx0123456789abcdef'
const SECRET = '0123456789abcdef0123456789abcdef'

describe(`WeChat OpenAPI platform on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let fake: FakeWechat
  let app: WechatApp
  beforeAll(async () => {
    rt = await startRuntime()
    fake = await startFakeWechat()
    app = { apiBase: fake.url, appid: APPID, secret: SECRET, timeoutMs: 300 }
  })
  afterAll(async () => {
    await fake.close()
    await rt.close()
  })
  const now = () => rt.clock.now()
  const tokenRequests = () => fake.hits.get('/cgi-bin/stable_token') ?? 0

  /** 50 needs at once, spread over 10 processes that have no token in memory. */
  const fiftyNeeds = async () => {
    fake.delayMs = 40
    const processes = Array.from({ length: 10 }, () => sharedToken(rt.db, app, now))
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => processes[i % 10].get()))
    fake.delayMs = 0
    return tokens
  }

  it('asks WeChat for a token once for 50 concurrent needs in 10 processes, first and at each expiry', async () => {
    const first = await fiftyNeeds()
    expect(tokenRequests()).toBe(1)
    expect(new Set(first).size).toBe(1)
    const [row] = await rt.db.query<{ access_token: string }>('SELECT access_token FROM wechat_tokens WHERE appid = $1', [APPID])
    expect(row.access_token).toBe(first[0])
    // Past expiry the row exists: only its lock keeps the 10 processes from refreshing together.
    fake.revokeToken()
    rt.clock.set(new Date(now().getTime() + 7200_000))
    const second = await fiftyNeeds()
    expect(tokenRequests()).toBe(2)
    expect(new Set(second).size).toBe(1)
    expect(second[0]).not.toBe(first[0])
  })

  it('refreshes five minutes before expiry, and once when WeChat refuses the token', async () => {
    const before = tokenRequests()
    const source = sharedToken(rt.db, app, now)
    await source.get()
    expect(tokenRequests()).toBe(before)
    rt.clock.set(new Date(now().getTime() + 7200_000 - 4 * 60_000))
    await source.get()
    expect(tokenRequests()).toBe(before + 1)
    fake.revokeToken()
    const platform = openapiPlatform(rt.db, app, now, rt.platform)
    await expect(platform.checkText('你好', 'o-user')).resolves.toBe('pass')
    expect(tokenRequests()).toBe(before + 2)
  })

  it('judges text with msgSecCheck v2 and says so when WeChat does not answer', async () => {
    const platform = openapiPlatform(rt.db, app, now, rt.platform)
    await expect(platform.checkText('欢迎参加', 'o-user')).resolves.toBe('pass')
    await expect(platform.checkText('加微信领奖', 'o-user')).resolves.toBe('review')
    await expect(platform.checkText('网上赌博', 'o-user')).resolves.toBe('risky')
    fake.fail('/wxa/msg_sec_check', 'timeout')
    await expect(platform.checkText('欢迎参加', 'o-user')).rejects.toMatchObject({ code: 'wechat_unavailable' })
    fake.heal()
  })

  it('sends subscription messages; a refusal is permanent, a timeout is tried again later', async () => {
    const platform = openapiPlatform(rt.db, app, now, rt.platform)
    const message = { toOpenid: 'o-user', templateId: 'tmpl-1', page: 'pages/index/index', data: { thing1: { value: '议事通知' } }, dedupeKey: 'k1' }
    await platform.sendSubscribe(message)
    expect(fake.sent.at(-1)).toMatchObject({ touser: 'o-user', template_id: 'tmpl-1', miniprogram_state: 'formal', data: message.data })
    const refused = platform.sendSubscribe({ ...message, toOpenid: 'refused-user' })
    await expect(refused).rejects.toBeInstanceOf(PlatformError)
    await expect(refused).rejects.toMatchObject({ permanent: true })
    fake.fail('/cgi-bin/message/subscribe/send', 'timeout')
    await expect(platform.sendSubscribe(message)).rejects.toMatchObject({ permanent: false })
    fake.heal()
  })

  it('draws site codes with getUnlimitedQRCode, and fails on an error answer', async () => {
    const platform = openapiPlatform(rt.db, app, now, rt.platform)
    const code = await platform.siteCode('site=s01', 'pages/index/index')
    expect(code.image).toMatch(/^data:image\/png;base64,iVBORw0KGgo/)
    expect(code.target).toBe('pages/index/index')
    fake.fail('/wxa/getwxacodeunlimit', { errcode: 45009, errmsg: 'reach max api daily quota limit' })
    await expect(platform.siteCode('site=s01', 'pages/index/index')).rejects.toMatchObject({ errcode: 45009 })
    fake.heal()
  })
})
