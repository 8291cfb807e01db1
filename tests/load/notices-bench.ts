/**
 * The notices figures for `npm run bench`: a notice to a 10,000-person audience (one site's
 * followers, a third of them holding a notice authorisation), published through the function and
 * drained into the local platform. Figures: outbox rows (in-app notices and subscription messages)
 * per second through the drain, against raw single-row inserts into `notifications` measured in the
 * same run (200 at a time, the drain's batch); and the time from publish to the last in-app notice
 * being visible (fan-out plus drain; deployed, the drain starts at the next minute's trigger).
 */
import { join } from 'node:path'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb, type Db } from '../../cloudfunctions/core/db'
import { runJob } from '../../cloudfunctions/core/jobs'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { dispatch } from '../../cloudfunctions/core/router'
import { seedDemo } from '../../cloudfunctions/features'
import { definition as notices } from '../../cloudfunctions/notices'
import { newDataDir } from '../support/host'
import { seedCrowd } from '../support/notices'

const CROWD = 10_000
const BATCH = 200

async function rawInsertsPerSecond(db: Db, userIds: number[], now: Date): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < userIds.length; i += BATCH) {
    await Promise.all(userIds.slice(i, i + BATCH).map((id) =>
      db.query('INSERT INTO notifications (user_id, title, body, created_at) VALUES ($1, $2, $3, $4)', [id, '基线', '基线通知', now])))
  }
  const seconds = (performance.now() - started) / 1000
  await db.query(`DELETE FROM notifications WHERE title = '基线'`)
  return userIds.length / seconds
}

export async function noticeFigures(label: string, url?: string): Promise<number> {
  const db = await openDb(url, join(newDataDir(), 'pglite'))
  try {
    await migrate(db)
    const clock = fixedClock('2026-12-03T02:00:00Z')
    await seedDemo(db, clock.now(), 3)
    const authorised = await seedCrowd(db, CROWD, 'F03', 3, clock.now())
    const ids = (await db.query<{ id: number }>(`SELECT id FROM users WHERE openid LIKE 'crowd-%' ORDER BY id`)).map((row) => Number(row.id))
    const runtime = { db, platform: localPlatform(db, 'http://localhost:8080'), clock }
    const rawBefore = await rawInsertsPerSecond(db, ids, clock.now())

    const started = performance.now()
    const published = (await dispatch(notices, {
      action: 'publish',
      data: { title: '运河文化博物馆周六开放日', body: '本周六 9:00—16:00 开放日，欢迎关注本馆的居民参观。', audience: [{ kind: 'sites', siteIds: ['F03'] }] },
    }, { openid: 'demo-staff' }, runtime)) as { ok: boolean; data: { id: number; audienceSize: number } }
    const fanOutMs = performance.now() - started
    const drainStarted = performance.now()
    const drained = await runJob(notices, 'drainOutbox', runtime)
    const drainSeconds = (performance.now() - drainStarted) / 1000
    const visibleMs = performance.now() - started
    const rawAfter = await rawInsertsPerSecond(db, ids, clock.now())

    const [{ inapp }] = await db.query<{ inapp: number }>('SELECT count(*)::int AS inapp FROM notifications WHERE notice_id = $1', [published.data.id])
    const [{ messages }] = await db.query<{ messages: number }>('SELECT count(*)::int AS messages FROM platform_messages WHERE dedupe_key LIKE $1', [`notice:${published.data.id}:%`])
    const rate = drained.done / drainSeconds
    const raw = (rawBefore + rawAfter) / 2
    console.log(`\n## Notices (${label}: ${CROWD} followers of one site, ${authorised} holding an authorisation)`)
    console.log(`publish (audience resolved, ${published.data.audienceSize} in-app rows queued): ${fanOutMs.toFixed(0)} ms`)
    console.log(`drain: ${drained.done} rows (${inapp} in-app notices, ${messages} subscription messages) in ${drainSeconds.toFixed(2)} s = ${rate.toFixed(0)} rows/s`)
    console.log(`baseline, raw single-row inserts into notifications (${BATCH} at a time): ${rawBefore.toFixed(0)} / ${rawAfter.toFixed(0)} per s before / after; the drain runs at ${((rate / raw) * 100).toFixed(0)}% of it`)
    console.log(`publish to the last in-app notice visible: ${(visibleMs / 1000).toFixed(2)} s (plus up to a minute for the drain's trigger when deployed)`)
    return published.ok && inapp === CROWD && messages === authorised ? 0 : 1
  } finally {
    await db.close()
  }
}
