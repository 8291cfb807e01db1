/** Where a person stood when checking in, as the phone reported it. */
export interface Fix {
  lat: number
  lng: number
  /** Horizontal accuracy in metres. */
  accuracy: number
}

export const locationStatuses = ['verified', 'pending', 'unverified'] as const
export type LocationStatus = (typeof locationStatuses)[number]

export const locationLabels: Record<LocationStatus, string> = {
  verified: '已核验位置',
  pending: '位置待审核',
  unverified: '未提供位置',
}

/** Raw fixes are personal data (PIPL): kept this many days for review, then only the judgement and distance stay. */
export const RAW_LOCATION_DAYS = 90

/** A fix less precise than this cannot verify presence, whatever the site's radius. */
export const MAX_ACCURACY_M = 100

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Judges a check-in's location against a site: inside its radius with a good fix verifies it. */
export function judgeLocation(
  site: { lat: number; lng: number; radiusM: number },
  fix: Fix | undefined,
): { status: LocationStatus; distanceM: number | null } {
  if (!fix) return { status: 'unverified', distanceM: null }
  const distanceM = Math.round(distanceMetres(site, fix))
  const verified = distanceM <= site.radiusM && fix.accuracy <= MAX_ACCURACY_M
  return { status: verified ? 'verified' : 'pending', distanceM }
}
