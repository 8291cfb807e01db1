import type { Queryable, Row } from '../core/db'
import { fail } from '../core/errors'

/** How long a site's row is reused: the directory changes rarely, check-ins read it constantly. */
export const SITE_CACHE_MS = 30_000

/** A site's row as stored (snake_case columns). */
export type SiteRow = Row & { id: string; name: string }

type Entry = { row: SiteRow; until: number }
const cache = new WeakMap<Queryable, Map<string, Entry>>()

/** A site's row by id, or `not_found`. Used wherever a call names a site; cached briefly per database. */
export async function findSite(db: Queryable, siteId: string, now = Date.now()): Promise<SiteRow> {
  let rows = cache.get(db)
  if (!rows) cache.set(db, (rows = new Map()))
  const hit = rows.get(siteId)
  if (hit && hit.until > now) return hit.row
  const [site] = (await db.query('SELECT * FROM sites WHERE id = $1', [siteId])) as SiteRow[]
  if (!site) return fail('not_found', '未找到该联盟点')
  rows.set(siteId, { row: site, until: now + SITE_CACHE_MS })
  return site
}
