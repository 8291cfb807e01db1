import type { accountContract } from '../domain/account/contract'
import { endpoint } from './call'

const account = endpoint<typeof accountContract>('account')

export const fetchMe = account('me')
export const setDisplayName = account('setName')
export const bindProfile = account('bind')
export const previewPublicText = account('maskPreview')
