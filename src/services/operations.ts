import type { operationsContract } from '../domain/operations/contract'
import { endpoint } from './call'

const operations = endpoint<typeof operationsContract>('operations')

export const getSiteProfile = operations('profile')
export const saveSiteProfile = operations('saveProfile')
export const recordEvidence = operations('record')
export const getSiteStatus = operations('status')
export const getSiteBadges = operations('badges')
export const assistCheckin = operations('assist')
export const getAnnualPlan = operations('plan')
export const addPlanItem = operations('addPlanItem')
export const recordVisit = operations('visit')
export const getOperationsOverview = operations('overview')
