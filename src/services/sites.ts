import type { SiteCategory, SiteCode, SiteDetail, SiteKind, SiteSummary } from '../domain/sites'
import { call } from './call'

export const listSites = (filter: { kind?: SiteKind; category?: SiteCategory; q?: string }) =>
  call<SiteSummary[]>('sites', 'list', filter)
export const getSite = (siteId: string) => call<SiteDetail>('sites', 'get', { siteId })
export const getSiteCode = (siteId: string) => call<SiteCode>('sites', 'code', { siteId })
