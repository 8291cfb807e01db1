/**
 * The mini-program transport, chosen at build time (TRANSPORT, see scripts/build.mjs):
 *  - `cloud` (the default): WeChat cloud functions; WeChat supplies the caller's identity;
 *  - `https`: the self-hosted host at API_URL. wx.login's code goes to /auth/weapp, which answers an
 *    opaque session token (the session_key stays on the server); every call carries it as a bearer
 *    token, and a call refused as signed out signs in again once.
 */
import Taro from '@tarojs/taro'
import { errorMessages, type Envelope } from '../domain/errors'

export const TOKEN_KEY = 'dev-token'
const SESSION_KEY = 'session-token'

let ready = false

async function sendCloud<T>(fn: string, action: string, data: object): Promise<Envelope<T>> {
  if (!ready) {
    Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
    ready = true
  }
  const { result } = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
  return result as Envelope<T>
}

const post = <T>(path: string, body: object, token?: string) =>
  Taro.request<Envelope<T>>({
    url: `${API_URL}${path}`,
    method: 'POST',
    data: body,
    header: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  })

/** One sign-in at a time: calls that find no session wait for the same wx.login. */
let signingIn: Promise<Envelope<{ token: string }>> | undefined

async function signIn(): Promise<Envelope<{ token: string }>> {
  const { code } = await Taro.login()
  const { data } = await post<{ token: string }>('/auth/weapp', { code })
  if (data?.ok) Taro.setStorageSync(SESSION_KEY, data.data.token)
  return data ?? { ok: false, error: { code: 'internal', message: errorMessages.internal } }
}

/** The session token, signing in first when there is none. */
export async function hostToken(): Promise<Envelope<string>> {
  const kept = Taro.getStorageSync(SESSION_KEY) as string
  if (kept) return { ok: true, data: kept }
  const signedIn = await (signingIn ??= signIn().finally(() => (signingIn = undefined)))
  return signedIn.ok ? { ok: true, data: signedIn.data.token } : signedIn
}

/** Sends to the host as the signed-in person; a 401 (the session ended) signs in again once. */
export async function asSignedIn<T>(request: (token: string) => Promise<{ statusCode: number; data: Envelope<T> }>, again = true): Promise<Envelope<T>> {
  const token = await hostToken()
  if (!token.ok) return token
  const { statusCode, data: envelope } = await request(token.data)
  if (statusCode === 401 && again) {
    Taro.removeStorageSync(SESSION_KEY)
    return asSignedIn(request, false)
  }
  return envelope
}

/** A JSON POST to the host (`/api/<fn>`, `/auth/…`) as the signed-in person. */
export const hostPost = <T>(path: string, body: object): Promise<Envelope<T>> => asSignedIn((token) => post<T>(path, body, token))

export function send<T>(fn: string, action: string, data: object): Promise<Envelope<T>> {
  return TRANSPORT === 'https' ? hostPost<T>(`/api/${fn}`, { action, data }) : sendCloud<T>(fn, action, data)
}
