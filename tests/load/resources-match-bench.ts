/**
 * Matching figures for `npm run bench` (`BENCH_ONLY=resources-match`): `resources.match` through the
 * router over 200 open resources (the demo's and 40 units × 5 more, tagged from one vocabulary)
 * with about a third of them holding bookings in the window, for a 7-day and a 14-day plan, medians
 * of 15 calls (target ≤ 50 ms).
 */
import { join } from 'node:path'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { dispatch } from '../../cloudfunctions/core/router'
import { seedDemo } from '../../cloudfunctions/features'
import { definition as resources } from '../../cloudfunctions/resources'
import { newDataDir } from '../support/host'
import { timeMs } from './stats'

const RESOURCES = 200
const TARGET_MS = 50
const TAGS = ['协商沙龙', '讲座', '小组讨论', '读书会', '座谈', '企业座谈', '恳谈会', '法律服务', '国学', '传统文化', '投影', '社会法制界']

export async function matchFigures(label: string, url?: string): Promise<number> {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  try {
    await migrate(db)
    const clock = fixedClock('2026-11-20T02:00:00Z')
    await seedDemo(db, clock.now(), 1)
    const [{ n: have }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM resources WHERE status = 'open' AND kind <> 'data'`)
    await db.query(
      `WITH sites AS (SELECT id, row_number() OVER (ORDER BY sort, id) AS k FROM sites ORDER BY sort, id LIMIT 40)
       INSERT INTO resources (site_id, kind, name, capacity, tags, notice_hours, min_minutes, max_minutes, buffer_before_min, buffer_after_min)
       SELECT s.id, CASE WHEN g % 5 = 0 THEN 'expert' ELSE 'venue' END, '压测资源' || s.k || '-' || g, CASE WHEN g % 5 = 0 THEN NULL ELSE 20 + (g * 17 + s.k::int) % 150 END,
         ARRAY[($1::text[])[1 + (g + s.k::int) % 12], ($1::text[])[1 + (g * 7 + s.k::int) % 12]], 24, 60, 240, 15, 15
       FROM sites s CROSS JOIN generate_series(1, $2::int) g WHERE (s.k - 1) * $2 + g <= $3`,
      [TAGS, Math.ceil((RESOURCES - have) / 40), RESOURCES - have],
    )
    // A third of them booked: two-hour bookings on the plan's weekdays, each with its hold.
    await db.query(
      `WITH picked AS (SELECT r.id, r.site_id FROM resources r WHERE r.name LIKE '压测资源%' AND r.id % 3 = 0),
        made AS (
          INSERT INTO resource_bookings (resource_id, site_id, person_id, starts_at, ends_at, span, status, created_at)
          SELECT p.id, p.site_id, (SELECT id FROM users ORDER BY id LIMIT 1), t, t + interval '2 hours', tstzrange(t - interval '15 minutes', t + interval '135 minutes'), 'confirmed', $1
          FROM picked p CROSS JOIN LATERAL (SELECT $1::timestamptz + make_interval(days => d, hours => 1) AS t FROM generate_series(3, 9) d) x
          RETURNING id, resource_id, span)
       INSERT INTO resource_holds (booking_id, resource_id, span) SELECT id, resource_id, span FROM made`,
      [clock.now()],
    )
    const [{ n: total }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM resources WHERE status = 'open' AND kind <> 'data'`)
    const [{ n: holds }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM resource_holds WHERE active')
    const runtime = { db, platform: localPlatform(db, 'http://localhost:8080'), clock }
    const call = (data: object) => async () => {
      const answer = (await dispatch(resources, { action: 'match', data }, { openid: 'demo-site-admin' }, runtime)) as { ok: boolean; data?: { items: unknown[] } }
      if (!answer.ok || !answer.data?.items.length) throw new Error(`match failed: ${JSON.stringify(answer)}`)
    }
    const plan = { tags: ['协商沙龙', '讲座'], sectors: ['社会法制界'], audience: 60, siteId: 'F01', limit: 20 }
    const week = await timeMs(15, call({ ...plan, days: 7 }))
    const fortnight = await timeMs(15, call({ ...plan, days: 14 }))
    console.log(`\n## Matching (${label}: ${total} open resources, ${holds} active holds, through the router)`)
    console.log(`resources.match, 7-day window: ${week.toFixed(1)} ms; 14-day window: ${fortnight.toFixed(1)} ms (medians of 15; target ≤ ${TARGET_MS} ms)`)
    return week <= TARGET_MS && fortnight <= TARGET_MS ? 0 : 1
  } finally {
    await db.close()
  }
}
