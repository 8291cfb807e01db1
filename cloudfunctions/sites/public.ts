/** What other features may use of sites: a site's row by id, the sites of some kinds, the alliance units. */
import { readCache } from '../core/cache'
import type { SiteSummary } from '../../src/domain/sites'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'

/** How long a site's row is reused: the directory changes rarely, check-ins read it constantly. */
export const SITE_CACHE_MS = 30_000

/** A site's row as stored (snake_case columns). */
export type SiteRow = SiteSummary & {
  intro: string
  contact_name: string
  contact_phone: string
  open_hours: string
  lat: number
  lng: number
  radius_m: number
  sort: number
}

/** A site's row by id, or `not_found`. Used wherever a call names a site; cached briefly per database. */
export const findSite = readCache(SITE_CACHE_MS, async (db, siteId: string): Promise<SiteRow> => {
  const [site] = await db.query<SiteRow>('SELECT * FROM sites WHERE id = $1', [siteId])
  return site ?? fail('not_found', '未找到该联盟点')
})

/** A site as a list of sites names it. */
export type SiteRef = { id: string; name: string; kind: string }

/** The sites of the given kinds, in directory order. */
export async function sitesOfKinds(db: Queryable, kinds: readonly string[]): Promise<SiteRef[]> {
  return db.query<SiteRef>('SELECT id, name, kind FROM sites WHERE kind = ANY($1::text[]) ORDER BY sort, id', [kinds])
}

/** The alliance units (联盟单位), each with its category (流量型 / 基层性 / 代表性), in directory order. */
export type AllianceUnitRow = { id: string; name: string; category: string }
export const allianceUnits = (db: Queryable) =>
  db.query<AllianceUnitRow>(`SELECT id, name, category FROM sites WHERE kind = 'alliance' AND category IS NOT NULL ORDER BY sort, id`)
