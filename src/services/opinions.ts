import type { opinionsContract } from '../domain/opinions/contract'
import { endpoint } from './call'

const opinions = endpoint<typeof opinionsContract>('opinions')

export const submitSuggestion = opinions('submit')
export const listSuggestions = opinions('list')
export const getSuggestion = opinions('get')
export const screenSuggestion = opinions('screen')
export const mergeSuggestion = opinions('merge')
export const withdrawSuggestion = opinions('withdraw')
export const similarSuggestions = opinions('similar')
export const writeReport = opinions('report')
export const moveReport = opinions('moveReport')
export const getReport = opinions('getReport')
