/**
 * The h5 transport: POST /api/<fn> to the local host with the dev sign-in token. Taro picks
 * transport.weapp.ts instead when building the mini-program.
 */
import Taro from '@tarojs/taro'
import type { Envelope } from '../domain/errors'

export const TOKEN_KEY = 'dev-token'
export const SIGNIN_PAGE = 'packages/devsignin/pages/index/index'

export async function send<T>(fn: string, action: string, data: object): Promise<Envelope<T>> {
  const token = Taro.getStorageSync(TOKEN_KEY)
  const response = await fetch(`/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, data }),
  })
  const envelope = (await response.json()) as Envelope<T>
  if (!envelope.ok && envelope.error.code === 'unauthenticated') {
    const here = Taro.getCurrentPages().at(-1)?.route ?? ''
    if (!here.includes(SIGNIN_PAGE)) Taro.navigateTo({ url: `/${SIGNIN_PAGE}` })
  }
  return envelope
}
