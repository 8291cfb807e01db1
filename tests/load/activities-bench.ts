/**
 * Activity figures for `npm run bench`:
 *  - check-ins with rotating tokens per second through the host against the plain site check-in
 *    (`checkin.scan`) by the same members in the same run, both warm, medians of alternating timed
 *    passes (target ≥ 80%: verifying an HMAC must cost almost nothing);
 *  - the p99 latency of 1,000 members checking in to one activity, arriving evenly within 10 s.
 */
import { join } from 'node:path'
import { DEV_CODE_SECRET, issueToken } from '../../cloudfunctions/activities/token'
import { openDb } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { newDataDir, startHost } from '../support/host'
import { drive, LoadConnection } from './http-load'
import { median, pct, spread } from './stats'

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 4000)
const CONNECTIONS = 100
const WARM = 3
const TIMED = 3
/** The plain site check-in's sites, one per pass (one check-in per person, site and day). */
const SITES = ['F02', 'F03', 'F04', 'F05', 'F06', 'F07', 'F08', 'F09', 'F10', 'F12', 'F13', 'F14']
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function activityFigures(label: string, url?: string): Promise<number> {
  const dataDir = newDataDir()
  const now = new Date()
  const db = await openDb(url, join(dataDir, 'pglite'))
  await migrate(db)
  await applySeeds(db, demoSteps.filter((step) => step.name !== 'topics-month'), { now, activityDays: 1 })
  // Members (the role read on every call, and the duty record each check-in writes), and activities on now.
  await db.query(
    `WITH made AS (INSERT INTO users (openid) SELECT 'guest-act' || g FROM generate_series(1, $1::int) g RETURNING id)
     INSERT INTO user_roles (user_id, role) SELECT id, 'member' FROM made`,
    [MEMBERS + 1000],
  )
  const activities = (await db.query<{ id: number }>(
    `INSERT INTO activities (site_id, kind, title, place, starts_at, ends_at)
     SELECT 'C01', 'forum', '压测专题论坛' || g, '报告厅', $1::timestamptz - interval '10 minutes', $1::timestamptz + interval '3 hours'
     FROM generate_series(1, $2::int) g RETURNING id`,
    [now, WARM + TIMED + 1],
  )).map((row) => Number(row.id))
  await db.close()

  const host = await startHost(dataDir, url ? { DATABASE_URL: url } : {})
  const connections = await Promise.all(Array.from({ length: CONNECTIONS }, () => LoadConnection.open(new URL(host.url))))
  const tokens: string[] = []
  await drive(connections, Array.from({ length: MEMBERS + 1000 }, (_, i) => i), async (connection, i) => {
    tokens[i] = (await connection.post('/dev/signin', { guest: `act${i + 1}` })).data.token
    await connection.post('/api/account', { action: 'me', data: {} }, tokens[i])
  })
  const members = tokens.slice(0, MEMBERS)
  // The organiser's screen is read at each call's start, as a scan reads the code shown at that moment.
  const byCode = (activity: number) => (c: LoadConnection, token: string) =>
    c.post('/api/activities', { action: 'checkin', data: { scene: issueToken(DEV_CODE_SECRET, activity, 10, new Date()).scene } }, token)
  const bySite = (site: string) => (c: LoadConnection, token: string) => c.post('/api/checkin', { action: 'scan', data: { scene: `s=${site}` } }, token)
  type Call = (c: LoadConnection, token: string) => Promise<any>
  const pass = async (call: Call, latencies?: number[]) => {
    let failed = 0
    const started = performance.now()
    await drive(connections, members, async (c, token) => {
      const t = performance.now()
      const answer = await call(c, token)
      latencies?.push(performance.now() - t)
      if (!answer.ok) failed++
    })
    return { rate: members.length / ((performance.now() - started) / 1000), failed }
  }
  for (let i = 0; i < WARM; i++) {
    await pass(bySite(SITES[i]))
    await pass(byCode(activities[i]))
  }
  const codeRates: number[] = []
  const siteRates: number[] = []
  const codeLatencies: number[] = []
  let failures = 0
  for (let i = WARM; i < WARM + TIMED; i++) {
    const site = await pass(bySite(SITES[i]))
    const code = await pass(byCode(activities[i]), codeLatencies)
    siteRates.push(site.rate)
    codeRates.push(code.rate)
    failures += site.failed + code.failed
  }

  // 1,000 members arriving evenly over 10 s at one activity.
  const burst = tokens.slice(MEMBERS)
  const last = activities[WARM + TIMED]
  const burstLatencies: number[] = []
  const start = performance.now()
  await drive(connections, burst.map((token, i) => ({ token, at: (i * 10_000) / burst.length })), async (c, { token, at }) => {
    await sleep(Math.max(0, at - (performance.now() - start)))
    const t = performance.now()
    const answer = await byCode(last)(c, token)
    burstLatencies.push(performance.now() - t)
    if (!answer.ok) failures++
  })
  const burstSeconds = (performance.now() - start) / 1000
  for (const c of connections) c.close()
  await host.stop()
  const again = await openDb(url, join(dataDir, 'pglite'))
  const [{ rows, points }] = await again.query(
    'SELECT count(*)::int AS rows, (SELECT count(*)::int FROM duty_records WHERE activity_id = $1) AS points FROM activity_attendance WHERE activity_id = $1',
    [last],
  )
  await again.close()

  const code = median(codeRates)
  const site = median(siteRates)
  codeLatencies.sort((a, b) => a - b)
  burstLatencies.sort((a, b) => a - b)
  console.log(`\n## Activity check-ins with rotating codes (${label}, ${MEMBERS} members, ${CONNECTIONS} connections)`)
  console.log(`plain site check-in (checkin.scan) by the same members: ${site.toFixed(0)} /s (median of ${TIMED} passes, ${spread(siteRates)}, after ${WARM} warm-up passes)`)
  console.log(`activities.checkin with a rotating HMAC token: ${code.toFixed(0)} /s (median of ${TIMED} passes, ${spread(codeRates)}, alternating with the site's), ${failures} failed; p50 ${pct(codeLatencies, 50).toFixed(1)} ms, p99 ${pct(codeLatencies, 99).toFixed(1)} ms`)
  console.log(`ratio: ${((code / site) * 100).toFixed(1)}% of the plain site check-in (target ≥ 80%)`)
  console.log(`1,000 members arriving evenly within 10 s at one activity: done in ${burstSeconds.toFixed(1)} s, p50 ${pct(burstLatencies, 50).toFixed(1)} ms, p99 ${pct(burstLatencies, 99).toFixed(1)} ms, max ${burstLatencies.at(-1)!.toFixed(1)} ms; ${rows} attendance rows, ${points} duty records`)
  return failures + (rows === 1000 && points === 1000 ? 0 : 1)
}
