/** Following sites (an audience for their admins' notices) and one-time subscription authorisations. */
import { templateKeys, type TemplateKey } from '../../src/domain/notices/subscriptions'
import type { Queryable } from '../core/db'
import { findSite } from '../sites/public'

/** Unused authorisations a person may hold per template; further taps change nothing. */
export const GRANTS_MAX = 20

export async function followState(db: Queryable, userId: number, siteId: string) {
  const [row] = await db.query<{ following: boolean; followers: number }>(
    `SELECT EXISTS (SELECT 1 FROM site_followers WHERE site_id = $1 AND user_id = $2) AS following,
       (SELECT count(*)::int FROM site_followers WHERE site_id = $1) AS followers`,
    [siteId, userId],
  )
  return row
}

export async function follow(db: Queryable, userId: number, siteId: string, on: boolean, now: Date) {
  await findSite(db, siteId)
  if (on) await db.query('INSERT INTO site_followers (site_id, user_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [siteId, userId, now])
  else await db.query('DELETE FROM site_followers WHERE site_id = $1 AND user_id = $2', [siteId, userId])
  return followState(db, userId, siteId)
}

/** Records one authorisation per accepted template (one statement, so the cap holds per call). */
export async function authorize(db: Queryable, userId: number, accepted: TemplateKey[], now: Date) {
  await db.query(
    `INSERT INTO subscription_grants (user_id, template, granted_at)
     SELECT $1, t, $3 FROM unnest($2::text[]) t
     WHERE (SELECT count(*) FROM subscription_grants g WHERE g.user_id = $1 AND g.template = t AND g.used_at IS NULL) < $4`,
    [userId, [...new Set(accepted)], now, GRANTS_MAX],
  )
  const rows = await db.query<{ template: string; n: number }>('SELECT template, count(*)::int AS n FROM subscription_grants WHERE user_id = $1 AND used_at IS NULL GROUP BY template', [userId])
  const unused = Object.fromEntries(templateKeys.map((key) => [key, 0])) as Record<TemplateKey, number>
  for (const row of rows) if (row.template in unused) unused[row.template as TemplateKey] = row.n
  return { unused }
}
