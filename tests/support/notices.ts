/** Helpers for the notices tests: a caller of the notices function, the jobs, people by openid. */
import type { Queryable } from '../../cloudfunctions/core/db'
import { runJob } from '../../cloudfunctions/core/jobs'
import { definition, main } from '../../cloudfunctions/notices'
import { caller, type TestRuntime } from './runtime'

export const notices = (openid: string) => caller(main, openid)

export const drain = (rt: TestRuntime) => runJob(definition, 'drainOutbox', rt)
export const publishDue = (rt: TestRuntime) => runJob(definition, 'publishDue', rt)

/** The user id of an openid, registering the person (as a first call would) when new. */
export async function userOf(rt: TestRuntime, openid: string): Promise<number> {
  await rt.db.query('INSERT INTO users (openid, nickname) VALUES ($1, $1) ON CONFLICT (openid) DO NOTHING', [openid])
  const [{ id }] = await rt.db.query<{ id: number }>('SELECT id FROM users WHERE openid = $1', [openid])
  return Number(id)
}

/** Who a notice was queued for (in-app rows), as openids, sorted. */
export async function recipientsOf(rt: TestRuntime, noticeId: number): Promise<string[]> {
  const rows = await rt.db.query(
    `SELECT u.openid FROM outbox o JOIN users u ON u.id = o.recipient_user_id
     WHERE o.kind = 'inapp' AND o.dedupe_key LIKE $1 ORDER BY u.openid`,
    [`notice:${noticeId}:%`],
  )
  return rows.map((row) => row.openid as string)
}

export const letter = (extra: object = {}) => ({ title: '关于开展“有事好商量”协商议事活动的通知', body: '本周六上午九点在区图书馆三楼报告厅召开议事会，欢迎居民参加。', ...extra })

/**
 * A crowd for the large-audience tests and the bench: `size` residents `crowd-<n>` following
 * `siteId`, every `grantEvery`-th holding two notice authorisations (so a second spend would show).
 * Answers how many people hold them.
 */
export async function seedCrowd(db: Queryable, size: number, siteId: string, grantEvery: number, now: Date): Promise<number> {
  await db.query(`INSERT INTO users (openid, nickname) SELECT 'crowd-' || n, '居民' || n FROM generate_series(1, $1) n ON CONFLICT DO NOTHING`, [size])
  await db.query(
    `INSERT INTO site_followers (site_id, user_id, at) SELECT $1, id, $2 FROM users WHERE openid LIKE 'crowd-%' ON CONFLICT DO NOTHING`,
    [siteId, now],
  )
  const granted = await db.query<{ id: number }>(
    `INSERT INTO subscription_grants (user_id, template, granted_at)
     SELECT id, 'notice', $2 FROM users, generate_series(1, 2) WHERE openid LIKE 'crowd-%' AND substr(openid, 7)::int % $1 = 0 RETURNING id`,
    [grantEvery, now],
  )
  return granted.length / 2
}
