/**
 * WeChat's server API over HTTPS (api.weixin.qq.com, or a fake on loopback in the tests): one
 * call with a deadline, its `errcode` answers turned into a WechatError, and the basic
 * access_token, cached for every process in `wechat_tokens` and refreshed under that row's lock
 * (a transaction's, so it holds through PgBouncer's transaction pooling): of many callers that
 * find it stale at once, one asks WeChat and the rest read what it wrote.
 */
import type { Db, Tx } from './db'

export interface WechatApp {
  /** https://api.weixin.qq.com by default (WECHAT_API_BASE). */
  apiBase: string
  appid: string
  secret: string
  /** Each request's deadline (WECHAT_TIMEOUT_MS, 5 s). */
  timeoutMs: number
}

/** A call that failed: WeChat's errcode, or `timeout` / `network` / `bad_answer` when it did not answer as documented. */
export class WechatError extends Error {
  constructor(
    readonly errcode: number | 'timeout' | 'network' | 'bad_answer',
    message: string,
  ) {
    super(message)
  }
}

/** A token WeChat no longer takes (invalid, not the latest, expired): refreshed once and the call tried again. */
export const STALE_TOKEN = new Set([40001, 40014, 42001])
/** Refreshed this long before WeChat's expiry, so no call goes out with a token about to lapse. */
const EARLY_MS = 5 * 60_000

export function wechatApp(env: NodeJS.ProcessEnv, prefix: 'WECHAT' | 'WECHAT_WEB'): WechatApp | undefined {
  const appid = env[`${prefix}_APPID`]
  const secret = env[`${prefix}_APPSECRET`]
  if (!appid || !secret) return undefined
  return { apiBase: (env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com').replace(/\/$/, ''), appid, secret, timeoutMs: Number(env.WECHAT_TIMEOUT_MS ?? 5000) }
}

type Answer = { json: Record<string, unknown> } | { binary: Buffer; contentType: string }

/** One request; a JSON answer with a non-zero errcode is a WechatError. Never logs the URL (it carries secrets). */
export async function wechatRequest(app: WechatApp, path: string, query: Record<string, string>, body?: unknown): Promise<Answer> {
  const url = `${app.apiBase}${path}?${new URLSearchParams(query)}`
  let response: Response
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(app.timeoutMs),
    })
  } catch (error) {
    const name = (error as Error).name
    throw new WechatError(name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network', `${path}: ${name}`)
  }
  const contentType = response.headers.get('content-type') ?? ''
  const bytes = Buffer.from(await response.arrayBuffer())
  if (!/json|text\/plain/.test(contentType)) return { binary: bytes, contentType: contentType || 'image/jpeg' }
  let json: Record<string, unknown>
  try {
    json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  } catch {
    throw new WechatError('bad_answer', `${path}: not JSON`)
  }
  const errcode = json.errcode
  if (typeof errcode === 'number' && errcode !== 0) throw new WechatError(errcode, `${path}: ${errcode} ${String(json.errmsg ?? '').split(' rid:')[0]}`)
  return { json }
}

export const jsonOf = (answer: Answer): Record<string, unknown> => {
  if ('json' in answer) return answer.json
  throw new WechatError('bad_answer', 'expected JSON')
}

/** Asks WeChat for a token (getStableAccessToken; `force` after WeChat refused the one we had). */
async function fetchToken(app: WechatApp, force: boolean): Promise<{ token: string; expiresInS: number }> {
  const json = jsonOf(await wechatRequest(app, '/cgi-bin/stable_token', {}, { grant_type: 'client_credential', appid: app.appid, secret: app.secret, force_refresh: force }))
  const { access_token: token, expires_in: expiresInS } = json
  if (typeof token !== 'string' || typeof expiresInS !== 'number') throw new WechatError('bad_answer', '/cgi-bin/stable_token: no token')
  return { token, expiresInS }
}

export interface TokenSource {
  /** A token valid for at least the next five minutes; `refused` names one WeChat has just refused. */
  get(refused?: string): Promise<string>
}

/**
 * The token shared through the database. In this process the last token is kept in memory until
 * five minutes before it lapses and callers waiting for a refresh share it; across processes the
 * row's lock (FOR UPDATE in a transaction) lets one refresh while the others wait and then read it.
 */
export function sharedToken(db: Db, app: WechatApp, now: () => Date): TokenSource {
  let cached: { token: string; expiresAt: number } | undefined
  let inFlight: Promise<string> | undefined

  const refresh = (refused?: string) =>
    db.transaction(async (tx: Tx) => {
      await tx.query('INSERT INTO wechat_tokens (appid) VALUES ($1) ON CONFLICT (appid) DO NOTHING', [app.appid])
      const [row] = await tx.query<{ access_token: string | null; expires_at: Date }>(
        'SELECT access_token, expires_at FROM wechat_tokens WHERE appid = $1 FOR UPDATE',
        [app.appid],
      )
      const at = now()
      const fresh = row.access_token && row.access_token !== refused && row.expires_at.getTime() - EARLY_MS > at.getTime()
      if (fresh) return { token: row.access_token!, expiresAt: row.expires_at.getTime() }
      const { token, expiresInS } = await fetchToken(app, refused !== undefined && row.access_token === refused)
      const expiresAt = new Date(at.getTime() + expiresInS * 1000)
      await tx.query('UPDATE wechat_tokens SET access_token = $2, expires_at = $3, refreshed_at = $4 WHERE appid = $1', [app.appid, token, expiresAt, at])
      return { token, expiresAt: expiresAt.getTime() }
    })

  return {
    get: (refused) => {
      if (cached && cached.token !== refused && cached.expiresAt - EARLY_MS > now().getTime()) return Promise.resolve(cached.token)
      inFlight ??= refresh(refused)
        .then((result) => {
          cached = result
          return result.token
        })
        .finally(() => {
          inFlight = undefined
        })
      return inFlight
    },
  }
}

/** A call that needs the access token: if WeChat calls the token stale, it is refreshed once and the call made again. */
export async function withToken<T>(tokens: TokenSource, call: (token: string) => Promise<T>): Promise<T> {
  const token = await tokens.get()
  try {
    return await call(token)
  } catch (error) {
    if (!(error instanceof WechatError) || typeof error.errcode !== 'number' || !STALE_TOKEN.has(error.errcode)) throw error
    return call(await tokens.get(token))
  }
}
