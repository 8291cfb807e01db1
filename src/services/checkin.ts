import type { CheckinRecord } from '../domain/checkin'
import type { Fix } from '../domain/geo'
import { call } from './call'

export const scanCheckin = (scene: string, location?: Fix) => call<CheckinRecord>('checkin', 'scan', { scene, location })
export const myCheckins = () => call<CheckinRecord[]>('checkin', 'mine', {})
