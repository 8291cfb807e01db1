import type { sharingContract } from '../domain/resources/contract-sharing'
import { endpoint } from './call'

const sharing = endpoint<typeof sharingContract>('resources')

export const matchResources = sharing('match')
export const bookingCalendar = sharing('calendar')
export const feedLink = sharing('feedLink')
export const feedRevoke = sharing('feedRevoke')
export const saveDetails = sharing('details')
export const myInvitations = sharing('invitations')
export const respondInvitation = sharing('respond')
export const expertContact = sharing('contact')
export const sessionHeld = sharing('held')
export const dataset = sharing('dataset')
export const requestData = sharing('requestData')
export const dataRequests = sharing('dataRequests')
export const decideData = sharing('decideData')
export const downloadData = sharing('download')
export const bookingToActivity = sharing('toActivity')
