import type { Me } from '../domain/account'
import { call } from './call'

export const fetchMe = () => call<Me>('account', 'me')
export const bindProfile = (code: string) => call<Me>('account', 'bind', { code })
