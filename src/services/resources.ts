import type { resourcesContract } from '../domain/resources/contract'
import { endpoint } from './call'

const resources = endpoint<typeof resourcesContract>('resources')

export const listResources = resources('list')
export const getResource = resources('get')
export const saveResource = resources('save')
export const bookResource = resources('book')
export const cancelBooking = resources('cancel')
export const decideBooking = resources('decide')
export const myBookings = resources('mine')
export const bookingRequests = resources('requests')
export const resourceSchedule = resources('schedule')
export const checkInBooking = resources('checkin')
export const bookingStanding = resources('standing')
export const bookingSuspensions = resources('suspensions')
export const waiveSuspension = resources('waive')
export const resourceAvailability = resources('availability')
