import type { assessmentContract } from '../domain/assessment/contract'
import { endpoint } from './call'

const assessment = endpoint<typeof assessmentContract>('assessment')

export const assessmentScheme = assessment('schemes')
export const saveAssessmentScheme = assessment('saveScheme')
export const yearRanking = assessment('period')
export const unitScore = assessment('unit')
export const monthBulletin = assessment('bulletin')
export const publishBulletin = assessment('publishBulletin')
export const freezeBulletin = assessment('freezeBulletin')
export const fileAppeal = assessment('appeal')
export const decideAppeal = assessment('decideAppeal')
export const monthAppeals = assessment('appeals')
export const exportBulletin = assessment('exportBulletin')
