/**
 * A fake of api.weixin.qq.com (and of open.weixin.qq.com's authorisation page) on loopback, for
 * the tests: the request and answer shapes of WeChat's documentation — code2Session
 * (/sns/jscode2session), the access token (/cgi-bin/token, /cgi-bin/stable_token), web
 * authorisation (/sns/oauth2/access_token, /sns/userinfo), msgSecCheck v2 (/wxa/msg_sec_check),
 * subscribeMessage.send (/cgi-bin/message/subscribe/send) and getUnlimitedQRCode
 * (/wxa/getwxacodeunlimit). A test registers the codes it will hand out, and can make any path
 * answer an error (`{ errcode, errmsg }`) or never answer (a timeout) on demand.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Who a code stands for: the openid (and unionid) WeChat answers for it; `snapshot` for a 快照页 virtual user. */
export interface FakePerson {
  openid: string
  unionid?: string
  nickname?: string
  snapshot?: boolean
}

export type Fault = { errcode: number; errmsg: string } | 'timeout'

export interface FakeWechat {
  /** The base URL to give the client instead of https://api.weixin.qq.com. */
  url: string
  /** Requests per path (query strings left off). */
  hits: Map<string, number>
  /** Bodies of the messages sent, in order. */
  sent: Record<string, unknown>[]
  /** A code `wx.login` or the authorisation page would give this person; single use. */
  code(person: FakePerson): string
  /** From now on `path` answers `fault` (until `heal`). */
  fail(path: string, fault: Fault): void
  heal(path?: string): void
  /** Answers are delayed this long (ms), to see concurrent callers pile up. */
  delayMs: number
  /** Makes the current access token invalid (WeChat answers 40001 to it). */
  revokeToken(): void
  close(): Promise<void>
}

const APPID = /^wx[0-9a-f]{16}$/
const SECRET = /^[0-9a-f]{32}$/
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a80000000049454e44ae426082', 'hex')

const hits = (map: Map<string, number>, path: string) => map.set(path, (map.get(path) ?? 0) + 1)

export async function startFakeWechat(): Promise<FakeWechat> {
  const codes = new Map<string, FakePerson>()
  const used = new Set<string>()
  const faults = new Map<string, Fault>()
  const userTokens = new Map<string, FakePerson>()
  const pending = new Set<ServerResponse>()
  let accessToken: string | undefined

  const json = (res: ServerResponse, body: unknown) => {
    const text = JSON.stringify(body)
    res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8', 'content-length': Buffer.byteLength(text) })
    res.end(text)
  }
  const error = (res: ServerResponse, errcode: number, errmsg: string) => json(res, { errcode, errmsg: `${errmsg} rid: ${randomBytes(4).toString('hex')}` })
  const body = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    try {
      return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>
    } catch {
      return { invalid: true }
    }
  }
  /** A call made with the basic access token: 41001 without one, 40001 with a wrong or revoked one. */
  const tokenProblem = (res: ServerResponse, query: URLSearchParams): boolean => {
    const given = query.get('access_token')
    if (!given) error(res, 41001, 'access_token missing')
    else if (given !== accessToken) error(res, 40001, 'invalid credential, access_token is invalid or not latest')
    else return false
    return true
  }
  const issueToken = (res: ServerResponse) => {
    accessToken ??= `fake-access-${randomBytes(12).toString('hex')}`
    json(res, { access_token: accessToken, expires_in: 7200 })
  }

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, query: URLSearchParams) => Promise<void> | void> = {
    '/sns/jscode2session': (_req, res, query) => {
      if (!APPID.test(query.get('appid') ?? '') || !SECRET.test(query.get('secret') ?? '')) return error(res, 40013, 'invalid appid')
      if (query.get('grant_type') !== 'authorization_code') return error(res, 40002, 'invalid grant_type')
      const person = codes.get(query.get('js_code') ?? '')
      if (!person) return error(res, 40029, 'invalid code')
      codes.delete(query.get('js_code')!)
      json(res, { openid: person.openid, session_key: randomBytes(16).toString('base64'), ...(person.unionid ? { unionid: person.unionid } : {}) })
    },
    '/cgi-bin/token': (_req, res, query) => {
      if (query.get('grant_type') !== 'client_credential' || !APPID.test(query.get('appid') ?? '') || !SECRET.test(query.get('secret') ?? '')) return error(res, 40013, 'invalid appid')
      issueToken(res)
    },
    '/cgi-bin/stable_token': async (req, res) => {
      const given = await body(req)
      if (req.method !== 'POST' || given.grant_type !== 'client_credential' || !APPID.test(String(given.appid)) || !SECRET.test(String(given.secret))) return error(res, 40013, 'invalid appid')
      if (given.force_refresh === true) accessToken = undefined
      issueToken(res)
    },
    '/sns/oauth2/access_token': (_req, res, query) => {
      if (!APPID.test(query.get('appid') ?? '') || !SECRET.test(query.get('secret') ?? '')) return error(res, 40013, 'invalid appid')
      const code = query.get('code') ?? ''
      const person = codes.get(code)
      if (!person) return used.has(code) ? error(res, 40163, 'code been used') : error(res, 40029, 'invalid code')
      codes.delete(code)
      used.add(code)
      const token = `fake-user-${randomBytes(12).toString('hex')}`
      userTokens.set(token, person)
      json(res, {
        access_token: token,
        expires_in: 7200,
        refresh_token: `fake-refresh-${randomBytes(12).toString('hex')}`,
        openid: person.openid,
        scope: 'snsapi_base',
        ...(person.unionid ? { unionid: person.unionid } : {}),
        ...(person.snapshot ? { is_snapshotuser: 1 } : {}),
      })
    },
    '/sns/userinfo': (_req, res, query) => {
      const person = userTokens.get(query.get('access_token') ?? '')
      if (!person || person.openid !== query.get('openid')) return error(res, 40001, 'invalid credential')
      json(res, { openid: person.openid, nickname: person.nickname ?? '微信用户', sex: 0, province: '', city: '', country: '', headimgurl: '', privilege: [], ...(person.unionid ? { unionid: person.unionid } : {}) })
    },
    '/wxa/msg_sec_check': async (req, res, query) => {
      if (tokenProblem(res, query)) return
      const given = await body(req)
      if (given.version !== 2 || typeof given.content !== 'string' || typeof given.openid !== 'string' || ![1, 2, 3, 4].includes(given.scene as number)) return error(res, 47001, 'data format error')
      const suggest = given.content.includes('赌博') ? 'risky' : given.content.includes('加微信') ? 'review' : 'pass'
      json(res, {
        errcode: 0,
        errmsg: 'ok',
        detail: [{ strategy: 'content_model', errcode: 0, suggest, label: suggest === 'pass' ? 100 : 20001, prob: 90 }, { strategy: 'keyword', errcode: 0 }],
        trace_id: randomBytes(8).toString('hex'),
        result: { suggest, label: suggest === 'pass' ? 100 : 20001 },
      })
    },
    '/cgi-bin/message/subscribe/send': async (req, res, query) => {
      if (tokenProblem(res, query)) return
      const given = await body(req)
      if (typeof given.touser !== 'string' || typeof given.template_id !== 'string' || typeof given.data !== 'object') return error(res, 47003, 'argument invalid!')
      if (given.touser.startsWith('refused')) return error(res, 43101, 'user refuse to accept the msg')
      fake.sent.push(given)
      json(res, { errcode: 0, errmsg: 'ok' })
    },
    '/wxa/getwxacodeunlimit': async (req, res, query) => {
      if (tokenProblem(res, query)) return
      const given = await body(req)
      if (typeof given.scene !== 'string' || given.scene.length > 32) return error(res, 40169, 'invalid length for scene')
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length })
      res.end(PNG)
    },
    /** The authorisation page (open.weixin.qq.com): the person agrees at once and comes back with a code. */
    '/connect/oauth2/authorize': (_req, res, query) => {
      const openid = query.get('fake_openid') ?? 'web-openid'
      const code = fake.code({ openid, snapshot: query.get('fake_snapshot') === '1' })
      const back = new URL(query.get('redirect_uri') ?? '')
      back.searchParams.set('code', code)
      back.searchParams.set('state', query.get('state') ?? '')
      res.writeHead(302, { location: back.toString() })
      res.end()
    },
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    hits(fake.hits, url.pathname)
    const fault = faults.get(url.pathname)
    if (fault === 'timeout') {
      pending.add(res)
      res.once('close', () => pending.delete(res))
      return
    }
    const route = routes[url.pathname]
    setTimeout(() => {
      if (fault) return error(res, fault.errcode, fault.errmsg)
      if (!route) return error(res, 404, 'not found')
      void Promise.resolve(route(req, res, url.searchParams)).catch(() => res.destroy())
    }, fake.delayMs)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const fake: FakeWechat = {
    url: `http://127.0.0.1:${port}`,
    hits: new Map(),
    sent: [],
    delayMs: 0,
    code: (person) => {
      const code = randomBytes(16).toString('hex')
      codes.set(code, person)
      return code
    },
    fail: (path, fault) => faults.set(path, fault),
    heal: (path) => (path ? faults.delete(path) : faults.clear()),
    revokeToken: () => {
      accessToken = undefined
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of pending) res.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return fake
}
