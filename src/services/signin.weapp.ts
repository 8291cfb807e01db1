/**
 * Sign-in in the mini-program: the person is signed in by WeChat (cloud) or by wx.login through
 * the host (https, transport.weapp.ts); here only what a page asks for — the one-time code a staff
 * member types into a desktop browser (self-hosted only).
 */
import type { Envelope } from '../domain/errors'
import { hostPost } from './transport.weapp'

export const webSigninCode = async (): Promise<Envelope<{ code: string; expiresAt: string }> | undefined> =>
  TRANSPORT === 'https' ? hostPost('/auth/code/new', {}) : undefined

/** The mini-program has no logout: WeChat is who the person is. */
export const logout = async (): Promise<undefined> => undefined
