/** The mini-program transport: WeChat cloud functions; WeChat supplies the caller's identity. */
import Taro from '@tarojs/taro'
import type { Envelope } from '../domain/errors'

export const TOKEN_KEY = 'dev-token'

let ready = false

export async function send<T>(fn: string, action: string, data: object): Promise<Envelope<T>> {
  if (!ready) {
    Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true })
    ready = true
  }
  const { result } = await Taro.cloud.callFunction({ name: fn, data: { action, data } })
  return result as Envelope<T>
}
