/** Helpers for the operations tests: a caller, a held activity as activities' own code would leave it, a counted table. */
import type { Queryable } from '../../cloudfunctions/core/db'
import { main as checkin } from '../../cloudfunctions/checkin'
import { main as operations } from '../../cloudfunctions/operations'
import { caller } from './runtime'

export const as = (openid: string) => ({ operations: caller(operations, openid), checkin: caller(checkin, openid) })

export const photo = (n: number) => `local:${n.toString(16).padStart(64, '0')}.jpg`

export async function count(db: Queryable, table: string, where = 'true', params: unknown[] = []): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n
}

/** An activity at `site` that ended at `endsAt`, with the first `people` users checked in. */
export async function heldActivity(db: Queryable, site: string, endsAt: string, people = 1, title = '读书分享会'): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO activities (site_id, title, place, starts_at, ends_at) VALUES ($1, $3, '阅览室', $2::timestamptz - interval '2 hours', $2) RETURNING id`,
    [site, endsAt, title],
  )
  await db.query(
    `INSERT INTO activity_attendance (activity_id, user_id, at, via) SELECT $1, id, $2, 'manual' FROM users ORDER BY id LIMIT $3`,
    [row.id, endsAt, people],
  )
  return Number(row.id)
}
