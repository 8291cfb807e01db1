import type { checkinContract } from '../domain/checkin/contract'
import { endpoint } from './call'

const checkin = endpoint<typeof checkinContract>('checkin')

export const scanCheckin = checkin('scan')
export const myCheckins = checkin('mine')
export const claimCard = checkin('claim')
