/**
 * Booking figures for `npm run bench` (issue 18):
 *  - bookings per second through the host over loopback HTTP (distinct people, each booking one
 *    free hour of one of 200 venues, 100 connections) against raw single-row INSERTs into
 *    resource_bookings under the same exclusion constraint, in the same database, medians of timed
 *    passes (target ≥ 50%);
 *  - availability (`resources.availability`) of 40 units × 5 venues over 30 days, every page of it,
 *    through the router, with the host's bookings in place (target ≤ 50 ms).
 */
import { join } from 'node:path'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb, type Db } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { dispatch } from '../../cloudfunctions/core/router'
import { seedDemo } from '../../cloudfunctions/features'
import { definition as resources } from '../../cloudfunctions/resources'
import { addDays } from '../../src/domain/resources'
import { shanghaiDay } from '../../src/domain/time'
import { newDataDir, startHost } from '../support/host'
import { drive, LoadConnection } from './http-load'
import { median, pct, spread, timeMs } from './stats'

const VENUES = 200
const PER_PASS = Number(process.env.BENCH_BOOKINGS ?? 1000)
const WARM = 1
const TIMED = 3
const CONNECTIONS = 100
const RAW_WARM = 2

/** The start of the `slot`th hour booked on a day: venue slot % 200, from 08:00 on. */
const startOf = (day: string, slot: number) => new Date(Date.parse(`${day}T08:00:00+08:00`) + Math.floor(slot / VENUES) * 3_600_000)

/** Raw single-row INSERTs into resource_bookings (the exclusion constraint checked on each), one at a time. */
async function rawRates(db: Db, day: (pass: number) => string): Promise<number[]> {
  const [{ id: resource }] = await db.query<{ id: number }>("SELECT id FROM resources WHERE name = '压测原始场地'")
  const [{ id: person }] = await db.query<{ id: number }>("SELECT id FROM users WHERE openid = 'demo-resident'")
  const rates: number[] = []
  for (let pass = 0; pass < RAW_WARM + TIMED; pass++) {
    const started = performance.now()
    for (let i = 0; i < PER_PASS; i++) {
      const start = new Date(Date.parse(`${day(pass)}T00:00:00+08:00`) + i * 60_000)
      await db.query(
        `INSERT INTO resource_bookings (resource_id, site_id, person_id, starts_at, ends_at, span, status, created_at)
         VALUES ($1, 'F01', $2, $3, $4, tstzrange($3, $4, '[)'), 'confirmed', now())`,
        [resource, person, start, new Date(start.getTime() + 60_000)],
      )
    }
    if (pass >= RAW_WARM) rates.push(PER_PASS / ((performance.now() - started) / 1000))
  }
  return rates
}

export async function resourceFigures(label: string, url?: string): Promise<number> {
  const dataDir = newDataDir()
  const now = new Date()
  const today = shanghaiDay(now)
  const open = () => openDb(url, join(dataDir, 'pglite'))
  const db = await open()
  await migrate(db)
  await seedDemo(db, now, 1)
  // 40 alliance units × 5 venues, no approval, no cap; and one venue for the raw inserts.
  await db.query(
    `INSERT INTO resources (site_id, kind, name, notice_hours, min_minutes, max_minutes)
     SELECT s.ids[1 + g / 5], 'venue', '压测场地' || g, 24, 30, 240
     FROM generate_series(0, ${VENUES - 1}) g, (SELECT array_agg(id ORDER BY id) AS ids FROM sites WHERE kind = 'alliance') s`,
  )
  await db.query("INSERT INTO resources (site_id, kind, name, notice_hours, max_minutes) VALUES ('F01', 'venue', '压测原始场地', 0, 1440)")
  const venues = (await db.query<{ id: number }>("SELECT id FROM resources WHERE name LIKE '压测场地%' ORDER BY id")).map((row) => row.id)
  const rawBefore = await rawRates(db, (pass) => addDays(today, 2 + pass))
  await db.close()

  const host = await startHost(dataDir, url ? { DATABASE_URL: url } : {})
  const connections = await Promise.all(Array.from({ length: CONNECTIONS }, () => LoadConnection.open(new URL(host.url))))
  const tokens: string[] = []
  await drive(connections, Array.from({ length: PER_PASS * (WARM + TIMED) }, (_, i) => i), async (c, i) => {
    tokens[i] = (await c.post('/dev/signin', { guest: `booker${i}` })).data.token
    await c.post('/api/account', { action: 'me', data: {} }, tokens[i])
  })
  const rates: number[] = []
  const latencies: number[] = []
  let failed = 0
  for (let pass = 0; pass < WARM + TIMED; pass++) {
    const day = addDays(today, 2 + pass)
    const started = performance.now()
    await drive(connections, Array.from({ length: PER_PASS }, (_, i) => i), async (c, i) => {
      const start = startOf(day, i)
      const t = performance.now()
      const answer = await c.post('/api/resources', {
        action: 'book',
        data: { resourceId: venues[i % VENUES], startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() },
      }, tokens[pass * PER_PASS + i])
      if (pass >= WARM) latencies.push(performance.now() - t)
      if (!answer.ok) failed++
    })
    if (pass >= WARM) rates.push(PER_PASS / ((performance.now() - started) / 1000))
  }
  for (const c of connections) c.close()
  await host.stop()

  const again = await open()
  const rawAfter = await rawRates(again, (pass) => addDays(today, 10 + pass))
  const runtime = { db: again, platform: localPlatform(again, 'http://localhost'), clock: fixedClock(now) }
  const everyPage = async () => {
    let cursor: string | undefined
    let items = 0
    do {
      const answer = (await dispatch(resources, { action: 'availability', data: { from: addDays(today, 1), days: 30, minutes: 60, limit: 100, cursor } }, { openid: 'demo-resident' }, runtime)) as any
      items += answer.data.items.length
      cursor = answer.data.next ?? undefined
    } while (cursor)
    return items
  }
  const resourcesSeen = await everyPage()
  const availabilityMs = await timeMs(5, everyPage)
  await again.close()

  const raw = median([...rawBefore, ...rawAfter])
  const booked = median(rates)
  latencies.sort((a, b) => a - b)
  console.log(`\n## Bookings through the host (${label}, loopback HTTP, ${CONNECTIONS} connections, distinct people, ${VENUES} venues)`)
  console.log(`raw single-row INSERTs into resource_bookings (same exclusion constraint): ${raw.toFixed(0)} /s (median of ${rawBefore.length + rawAfter.length} passes of ${PER_PASS}, ${spread([...rawBefore, ...rawAfter])}, half before the host and half after)`)
  console.log(`resources.book through the host: ${booked.toFixed(0)} /s (median of ${TIMED} passes of ${PER_PASS}, ${spread(rates)}, after ${WARM} warm-up pass), ${failed} failed; p50 ${pct(latencies, 50).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms`)
  console.log(`ratio: ${((booked / raw) * 100).toFixed(1)}% of raw inserts (target ≥ 50%)`)
  console.log(`availability of ${resourcesSeen} resources (40 units × 5 venues and the demo's) over 30 days, every page of 100: ${availabilityMs.toFixed(1)} ms (median of 5 through the router; target ≤ 50 ms)`)
  return failed
}
