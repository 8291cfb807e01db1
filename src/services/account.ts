import type { accountContract } from '../domain/contracts/account'
import { endpoint } from './call'

const account = endpoint<typeof accountContract>('account')

export const fetchMe = account('me')
export const bindProfile = account('bind')
export const previewPublicText = account('maskPreview')
