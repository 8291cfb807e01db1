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
}
