import type { LocationStatus } from '../geo'

export interface CheckinRecord {
  id: number
  siteId: string
  siteName: string
  /** Asia/Shanghai day, YYYY-MM-DD. */
  day: string
  at: string
  locationStatus: LocationStatus
  distanceM: number | null
  /** A check-in the site's desk recorded before the person bound WeChat: 由××工作人员代为签到 (absent for their own scans). */
  assistedLabel?: string
}

/** What a person sees on a check-in the desk recorded for them. */
export const assistedLabel = (staffName: string) => `由${staffName || '联盟点'}工作人员代为签到`
