import type { activitiesContract } from '../domain/activities/contract'
import { endpoint } from './call'

const activities = endpoint<typeof activitiesContract>('activities')

export const createActivity = activities('create')
export const listActivities = activities('list')
export const getActivity = activities('get')
export const signUp = activities('signup')
export const cancelSignup = activities('cancel')
export const getActivityCode = activities('code')
export const checkInActivity = activities('checkin')
export const listSignups = activities('signups')
export const listAttendance = activities('attendance')
export const addAttendee = activities('attend')
export const undoAttendance = activities('unattend')
export const exportAttendance = activities('exportAttendance')
export const getStudio = activities('studio')

