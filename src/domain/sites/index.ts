/** The alliance's places: the centre, alliance sites in three categories, member studios and stations. */
export const siteKinds = ['centre', 'alliance', 'studio', 'station'] as const
export type SiteKind = (typeof siteKinds)[number]

export const siteKindLabels: Record<SiteKind, string> = {
  centre: '实践中心',
  alliance: '联盟单位',
  studio: '委员工作室',
  station: '协商工作室（站）',
}

/** Categories of alliance sites (联盟单位的三类). */
export const siteCategories = ['flow', 'grassroots', 'representative'] as const
export type SiteCategory = (typeof siteCategories)[number]

export const siteCategoryLabels: Record<SiteCategory, string> = {
  flow: '流量型',
  grassroots: '基层性',
  representative: '代表性',
}

export interface SiteSummary {
  id: string
  name: string
  kind: SiteKind
  category: SiteCategory | null
  /** What sort of place it is, e.g. 图书馆, 公园, 民主党派. */
  sector: string
  address: string
}

export interface Activity {
  id: number
  title: string
  startsAt: string
  endsAt: string
  place: string
}

export interface SiteDetail extends SiteSummary {
  intro: string
  contactName: string
  contactPhone: string
  openHours: string
  lat: number
  lng: number
  radiusM: number
  scene: string
  todayActivities: Activity[]
}

export interface SiteCode {
  siteId: string
  scene: string
  /** The page a scan opens: a WeChat page path when deployed, an h5 URL locally. */
  target: string
  /** The printable image as a data URL (PNG). */
  image: string
}

/** The labels a list shows beside a site's name. */
export function siteTags(site: SiteSummary): string[] {
  return [site.category ? siteCategoryLabels[site.category] : siteKindLabels[site.kind], site.sector]
}
