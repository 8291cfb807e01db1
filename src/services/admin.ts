import type { adminContract } from '../domain/contracts/admin'
import { endpoint } from './call'

const admin = endpoint<typeof adminContract>('admin')

export const createProfile = admin('createProfile')
export const listProfiles = admin('listProfiles')
