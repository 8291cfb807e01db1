import type { dutyContract } from '../domain/duty/contract'
import { endpoint } from './call'

const duty = endpoint<typeof dutyContract>('duty')

export const myDuty = duty('mine')
export const memberDuty = duty('member')
export const dutyMembers = duty('members')
export const exportDuty = duty('export')
export const correctDuty = duty('correct')
