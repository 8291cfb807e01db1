import type { Queryable } from '../core/db'
import { fail } from '../core/errors'

/** A site's row by id, or `not_found`. Used wherever a call names a site. */
export async function findSite(db: Queryable, siteId: string): Promise<Record<string, any>> {
  const [site] = await db.query('SELECT * FROM sites WHERE id = $1', [siteId])
  return site ?? fail('not_found', '未找到该联盟点')
}
