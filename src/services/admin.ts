import type { adminContract } from '../domain/admin/contract'
import { endpoint } from './call'

const admin = endpoint<typeof adminContract>('admin')

export const createProfile = admin('createProfile')
export const listProfiles = admin('listProfiles')
