/**
 * Real sign-in on a self-hosted host (issue 22), beside the dev sign-in:
 *  - POST /auth/weapp { code }: the mini-program's wx.login code → code2Session → an opaque bearer
 *    token for a server-side session (the session_key is dropped here; it never reaches the client);
 *  - GET /auth/wechat?scope=base|userinfo&return=/path → WeChat web authorisation (服务号), its
 *    `state` bound to a pre-login cookie; GET /auth/wechat/callback → a cookie session;
 *  - POST /auth/code { code }: a one-time code shown in the mini-program signs a browser in;
 *    POST /auth/code/new (a signed-in mini-program) makes one;
 *  - POST /auth/logout ends the session; GET /auth/methods says which of these this host offers.
 * A WeChat error or timeout creates no account and answers a clear Chinese message.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AppError } from '../core/errors'
import { accountOf, linkByCode, type WechatIdentity } from '../core/identities'
import { renameUser } from '../core/identity'
import { take } from '../core/rate-limit'
import type { Runtime } from '../core/runtime'
import { endSession, issueSigninCode, newSecret, openSession, resolveSession, SESSION_TOKEN, startOauth, takeOauthState, takeSigninCode, type Session } from '../core/sessions'
import { jsonOf, wechatRequest, WechatError, type WechatApp } from '../core/wechat'
import { errorMessages, type ErrorCode } from '../../src/domain/errors'
import { safeReturnPath, SIGNIN_CODE, type OauthScope } from '../../src/domain/signin'
import { failure, readJson, sendJson } from './http'

export const SESSION_COOKIE = '__Host-xslm-sid'
export const PRELOGIN_COOKIE = '__Host-xslm-pre'
export const SIGNIN_PAGE = '/packages/devsignin/pages/index/index'

export interface SigninOptions {
  /** The mini-program (code2Session, WECHAT_APPID / WECHAT_APPSECRET). */
  weapp?: WechatApp
  /** The 服务号 for web authorisation (WECHAT_WEB_APPID / WECHAT_WEB_APPSECRET). */
  web?: WechatApp
  /** https://open.weixin.qq.com unless WECHAT_OPEN_BASE (the tests' fake). */
  authorizeBase: string
  publicUrl: string
}

/** What a request's credentials come to: a person, an expired or unknown session, or nobody. */
export type Credential = { session: Session; token: string } | { refused: 'session_expired' | 'unauthenticated' } | undefined

export function cookies(req: IncomingMessage): Map<string, string> {
  const jar = new Map<string, string>()
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim())
  }
  return jar
}

const cookie = (name: string, value: string, maxAgeS: number) => `${name}=${value}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAgeS}`

/** The bearer (mini-program) or cookie (browser) session of a request. */
export async function credentialOf(req: IncomingMessage, runtime: Runtime): Promise<Credential> {
  const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1]
  const fromCookie = cookies(req).get(SESSION_COOKIE)
  const [token, client] = bearer !== undefined ? [bearer, 'weapp' as const] : [fromCookie, 'web' as const]
  if (token === undefined) return undefined
  if (!SESSION_TOKEN.test(token)) return { refused: 'unauthenticated' }
  const session = await resolveSession(runtime.db, token, client, runtime.clock.now())
  if (session === 'expired') return { refused: 'session_expired' }
  return session ? { session, token } : { refused: 'unauthenticated' }
}

/** WeChat's answer as the person sees it: a used or wrong code, or WeChat not reachable. */
function wechatRefusal(error: WechatError): { status: number; code: ErrorCode; message: string } {
  if (error.errcode === 40029 || error.errcode === 40163) return { status: 400, code: 'invalid_code', message: errorMessages.invalid_code }
  if (error.errcode === 40226) return { status: 403, code: 'forbidden', message: '微信提示该账号存在风险，暂时无法登录' }
  if (error.errcode === 45011) return { status: 429, code: 'rate_limited', message: '登录太频繁，请一分钟后再试' }
  return { status: 503, code: 'wechat_unavailable', message: errorMessages.wechat_unavailable }
}

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string = errorMessages[code],
  ) {
    super(message)
  }
}

async function askWechat(app: WechatApp, path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
  try {
    return jsonOf(await wechatRequest(app, path, query))
  } catch (error) {
    if (!(error instanceof WechatError)) throw error
    const refusal = wechatRefusal(error)
    throw new Refusal(refusal.status, refusal.code, refusal.message)
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined)

/** The /auth routes; `dev` says whether the dev sign-in is on beside them (never in production). */
export function signinRoutes(runtime: Runtime, options: SigninOptions, dev: boolean) {
  const { db, clock } = runtime
  const now = () => clock.now()

  /** Finds or makes the account, then opens its session: one transaction, so a failure leaves nothing. */
  const signIn = (identity: WechatIdentity, client: 'weapp' | 'web', nickname?: string) =>
    db.transaction(async (tx) => {
      const { userId, created } = await accountOf(tx, identity, now())
      if (created && nickname) await renameUser(tx, userId, nickname.slice(0, 20))
      return { userId, token: await openSession(tx, userId, client, now()) }
    })

  async function weapp(req: IncomingMessage, res: ServerResponse, app: WechatApp): Promise<void> {
    const code = (await readJson(req) as { code?: unknown } | null)?.code
    if (typeof code !== 'string' || !/^[A-Za-z0-9_-]{8,128}$/.test(code)) throw new Refusal(400, 'invalid_input', '缺少微信登录凭证')
    const answer = await askWechat(app, '/sns/jscode2session', { appid: app.appid, secret: app.secret, js_code: code, grant_type: 'authorization_code' })
    const openid = text(answer.openid)
    if (!openid) throw new Refusal(503, 'wechat_unavailable')
    const { token } = await signIn({ provider: 'weapp', openid, unionid: text(answer.unionid) }, 'weapp')
    sendJson(res, 200, { ok: true, data: { token } })
  }

  function start(res: ServerResponse, url: URL, app: WechatApp): Promise<void> {
    const scope: OauthScope = url.searchParams.get('scope') === 'userinfo' ? 'snsapi_userinfo' : 'snsapi_base'
    const browser = newSecret()
    return startOauth(db, browser, scope, safeReturnPath(url.searchParams.get('return')), now()).then((state) => {
      const target = new URL('/connect/oauth2/authorize', options.authorizeBase)
      target.search = new URLSearchParams({ appid: app.appid, redirect_uri: `${options.publicUrl}/auth/wechat/callback`, response_type: 'code', scope, state }).toString()
      res.writeHead(302, { location: `${target}#wechat_redirect`, 'set-cookie': cookie(PRELOGIN_COOKIE, browser, 600), 'cache-control': 'no-store' })
      res.end()
    })
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL, app: WechatApp, current: Credential): Promise<void> {
    const browser = cookies(req).get(PRELOGIN_COOKIE)
    const state = url.searchParams.get('state') ?? ''
    const taken = browser && /^[A-Za-z0-9_-]{22}$/.test(state) ? await takeOauthState(db, state, browser, now()) : undefined
    if (!taken) throw new Refusal(400, 'invalid_state')
    const code = url.searchParams.get('code')
    if (!code || !/^[A-Za-z0-9_-]{1,128}$/.test(code)) throw new Refusal(400, 'invalid_code')
    const answer = await askWechat(app, '/sns/oauth2/access_token', { appid: app.appid, secret: app.secret, code, grant_type: 'authorization_code' })
    // 快照页: a virtual person WeChat made up for browsing; never an account, only the guest view.
    if (answer.is_snapshotuser === 1) throw new Refusal(403, 'snapshot_user')
    const openid = text(answer.openid)
    if (!openid) throw new Refusal(503, 'wechat_unavailable')
    let nickname: string | undefined
    if (taken.scope === 'snsapi_userinfo' && typeof answer.access_token === 'string') {
      const info = await askWechat(app, '/sns/userinfo', { access_token: answer.access_token, openid, lang: 'zh_CN' })
      nickname = typeof info.nickname === 'string' ? info.nickname : undefined
    }
    const { token } = await signIn({ provider: 'web', openid, unionid: text(answer.unionid) }, 'web', nickname)
    if (current && 'token' in current) await endSession(db, current.token)
    res.writeHead(302, {
      location: taken.returnPath,
      'set-cookie': [cookie(SESSION_COOKIE, token, Math.round((30 * 86_400_000) / 1000)), cookie(PRELOGIN_COOKIE, '', 0)],
      'cache-control': 'no-store',
    })
    res.end()
  }

  /** A browser signs in with the code its owner's mini-program shows; a web identity it carries joins that account. */
  async function useCode(req: IncomingMessage, res: ServerResponse, current: Credential): Promise<void> {
    const code = (await readJson(req) as { code?: unknown } | null)?.code
    if (typeof code !== 'string' || !SIGNIN_CODE.test(code)) throw new Refusal(400, 'invalid_input', '请输入小程序中显示的 8 位登录码')
    await take({ db, now: now() }, { key: `signin-code:${req.socket.remoteAddress ?? ''}`, max: 10, windowMs: 10 * 60_000 }, '尝试次数过多，请 10 分钟后再试')
    const token = await db.transaction(async (tx) => {
      const userId = await takeSigninCode(tx, code, now())
      if (userId === undefined) return undefined
      if (current && 'session' in current) await linkByCode(tx, current.session.userId, userId, now())
      return openSession(tx, userId, 'web', now())
    })
    if (!token) throw new Refusal(400, 'invalid_code', '登录码无效或已过期，请在小程序中重新获取')
    if (current && 'token' in current) await endSession(db, current.token)
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'set-cookie': cookie(SESSION_COOKIE, token, 12 * 3600), 'cache-control': 'no-store' })
    res.end(JSON.stringify({ ok: true, data: {} }))
  }

  async function newCode(res: ServerResponse, current: Credential): Promise<void> {
    if (!current || !('session' in current)) return sendJson(res, 401, failure(current?.refused ?? 'unauthenticated'))
    const { code, expiresAt } = await issueSigninCode(db, current.session.userId, now())
    sendJson(res, 200, { ok: true, data: { code, expiresAt: expiresAt.toISOString() } })
  }

  async function logout(res: ServerResponse, current: Credential): Promise<void> {
    if (current && 'token' in current) await endSession(db, current.token)
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'set-cookie': cookie(SESSION_COOKIE, '', 0), 'cache-control': 'no-store' })
    res.end(JSON.stringify({ ok: true, data: {} }))
  }

  /** Answers a route under /auth/, or false when the path is not one. */
  return async function route(req: IncomingMessage, res: ServerResponse, url: URL, current: Credential): Promise<boolean> {
    const path = url.pathname
    const is = (method: string, want: string) => req.method === method && path === want
    try {
      if (is('GET', '/auth/methods')) sendJson(res, 200, { ok: true, data: { dev, weapp: Boolean(options.weapp), wechat: Boolean(options.web), code: true } })
      else if (is('POST', '/auth/weapp') && options.weapp) await weapp(req, res, options.weapp)
      else if (is('GET', '/auth/wechat') && options.web) await start(res, url, options.web)
      else if (is('GET', '/auth/wechat/callback') && options.web) await callback(req, res, url, options.web, current)
      else if (is('POST', '/auth/code')) await useCode(req, res, current)
      else if (is('POST', '/auth/code/new')) await newCode(res, current)
      else if (is('POST', '/auth/logout')) await logout(res, current)
      else return false
    } catch (caught) {
      const error = caught instanceof AppError ? new Refusal(caught.code === 'rate_limited' ? 429 : 400, caught.code, caught.message) : caught
      if (!(error instanceof Refusal)) throw error
      // A browser arriving from WeChat goes back to the sign-in page, which says what happened; an API caller gets JSON.
      if (req.method === 'GET') {
        res.writeHead(302, { location: `${SIGNIN_PAGE}?error=${error.code}`, 'set-cookie': cookie(PRELOGIN_COOKIE, '', 0), 'cache-control': 'no-store' })
        res.end()
      } else sendJson(res, error.status, failure(error.code, error.message))
    }
    return true
  }
}
