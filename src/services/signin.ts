/**
 * Sign-in on h5 (the host's /auth routes): which ways this host offers, the one-time code a staff
 * member brings from the mini-program, WeChat web authorisation, logout. The session is an
 * HttpOnly cookie the page never sees. signin.weapp.ts is the mini-program's side.
 */
import type { Envelope } from '../domain/errors'
import type { OauthScope } from '../domain/signin'

export interface SigninMethods {
  /** The local dev sign-in (demo personas) is on: not in production. */
  dev: boolean
  /** WeChat web authorisation (a 服务号 is configured). */
  wechat: boolean
  code: boolean
}

const post = async <T>(path: string, body: object = {}): Promise<Envelope<T>> =>
  (await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()

export async function signinMethods(): Promise<SigninMethods> {
  const answer = (await (await fetch('/auth/methods')).json()) as Envelope<SigninMethods>
  return answer.ok ? answer.data : { dev: false, wechat: false, code: true }
}

export const signInWithCode = (code: string) => post<object>('/auth/code', { code })

/** Where the browser goes to sign in with WeChat, and comes back to `back` (a path of this site). */
export const wechatSigninUrl = (scope: OauthScope, back: string) =>
  `/auth/wechat?scope=${scope === 'snsapi_userinfo' ? 'userinfo' : 'base'}&return=${encodeURIComponent(back)}`

export const logout = () => post<object>('/auth/logout')

/** Only the mini-program shows one-time codes. */
export const webSigninCode = async (): Promise<Envelope<{ code: string; expiresAt: string }> | undefined> => undefined

/** Whether this page runs inside WeChat's browser (web authorisation only works there). */
export const inWechat = () => typeof navigator !== 'undefined' && /MicroMessenger/i.test(navigator.userAgent)
