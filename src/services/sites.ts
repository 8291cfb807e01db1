import type { sitesContract } from '../domain/sites/contract'
import { endpoint } from './call'

const sites = endpoint<typeof sitesContract>('sites')

export const listSites = sites('list')
export const getSite = sites('get')
export const getSiteCode = sites('code')
