import type { Profile } from '../domain/account'
import type { BindableRole } from '../domain/roles'
import { call } from './call'

export const createProfile = (input: { role: BindableRole; name: string; siteId?: string; unitId?: string }) =>
  call<Profile>('admin', 'createProfile', input)
export const listProfiles = () => call<Profile[]>('admin', 'listProfiles')
