/**
 * Site operations for `npm run bench` (issue 21): the 六有 statuses of every site (41 and more) for
 * the four quarters of a year (target ≤ 100 ms), over 50 held activities per site with 20 sign-ins
 * each and their archive parts; and one site's yearly archive bundle with 50 activities (target ≤ 5 s):
 * the index, 50 sign-in lists and 150 files (plan and minutes 40 KB, photo 200 KB) in a tar with its
 * SHA-256 manifest, through the router as staff. Medians of 5.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { definition as operations } from '../../cloudfunctions/operations'
import { fixedClock } from '../../cloudfunctions/core/clock'
import { openDb } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { dispatch } from '../../cloudfunctions/core/router'
import { seedDemo } from '../../cloudfunctions/features'
import { quartersStatuses } from '../../cloudfunctions/operations/facts'
import { newDataDir } from '../support/host'
import { timeMs } from './stats'

const NOW = new Date('2026-12-20T02:00:00Z')
const ACTIVITIES = 50
const quarters = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']

/** A stored private file of `bytes` bytes: its id is its hash, as the host names uploads. */
function file(dir: string, seed: string, bytes: number, ext: 'pdf' | 'jpg'): string {
  const body = Buffer.alloc(bytes, seed)
  const name = `${createHash('sha256').update(body).digest('hex')}.${ext}`
  writeFileSync(join(dir, 'private', name), body)
  return `local:${name}`
}

export async function operationFigures(label: string, url?: string): Promise<number> {
  const dataDir = newDataDir()
  const db = await openDb(url, join(dataDir, 'pglite'))
  try {
    await migrate(db)
    await seedDemo(db, NOW, 1)
    const uploads = join(dataDir, 'uploads')
    mkdirSync(join(uploads, 'private'), { recursive: true })
    await db.query("INSERT INTO users (openid, nickname) SELECT 'bench-o-' || g, '居民' || g FROM generate_series(0, 999) g")
    const [{ first }] = await db.query<{ first: number }>("SELECT min(id)::int AS first FROM users WHERE openid LIKE 'bench-o-%'")
    // Every site: 50 activities over the year, 20 sign-ins each; its venue, sign and rules evidence.
    await db.query(
      `INSERT INTO activities (site_id, title, starts_at, ends_at)
       SELECT s.id, '压测活动' || g, t, t + interval '2 hours' FROM sites s, generate_series(0, $1::int - 1) g,
         LATERAL (SELECT timestamptz '2026-01-05T01:00:00Z' + g * interval '7 days' AS t) x`,
      [ACTIVITIES],
    )
    await db.query(
      `INSERT INTO activity_attendance (activity_id, user_id, at, via)
       SELECT a.id, $1::bigint + (a.id * 20 + j) % 1000, a.starts_at, 'code' FROM activities a, generate_series(0, 19) j WHERE a.title LIKE '压测活动%'`,
      [first],
    )
    await db.query(
      `INSERT INTO operation_evidence (site_id, dimension, file_kind, file_id, bytes, outside_radius, note, recorded_at)
       SELECT s.id, d.dimension, d.kind, 'local:bench-' || s.id || d.dimension, 1000, false, '', timestamptz '2026-01-02T02:00:00Z'
       FROM sites s, (VALUES ('venue', 'photo'), ('sign', 'photo'), ('rules', 'document')) d (dimension, kind)`,
    )
    // F01's 150 files are real (the bundle reads them); the other sites' parts are rows only.
    const plan = file(uploads, 'p', 40_000, 'pdf')
    const minutes = file(uploads, 'm', 40_000, 'pdf')
    const photos = Array.from({ length: ACTIVITIES }, (_, i) => file(uploads, String.fromCharCode(65 + (i % 26)) + i, 200_000, 'jpg'))
    await db.query(
      `INSERT INTO operation_evidence (site_id, dimension, file_kind, file_id, bytes, activity_id, part, note, recorded_at)
       SELECT a.site_id, 'archive', p.kind, CASE WHEN a.site_id = 'F01' THEN CASE p.part WHEN 'plan' THEN $1 WHEN 'minutes' THEN $2 ELSE ($3::text[])[1 + (a.id % $4)] END
           ELSE 'local:bench-' || a.id || p.part END, 1000, a.id, p.part, '', a.ends_at + interval '1 day'
       FROM activities a, (VALUES ('plan', 'document'), ('minutes', 'document'), ('photo', 'photo')) p (part, kind) WHERE a.title LIKE '压测活动%'`,
      [plan, minutes, photos, ACTIVITIES],
    )
    await db.query(
      `INSERT INTO operation_archive_items (activity_id, site_id, year, seq, created_at)
       SELECT id, site_id, 2026, 100 + row_number() OVER (PARTITION BY site_id ORDER BY starts_at, id), now() FROM activities WHERE title LIKE '压测活动%'`,
    )
    await db.exec('ANALYZE')
    const ids = (await db.query<{ id: string }>('SELECT id FROM sites ORDER BY id')).map((row) => row.id)
    // The 41 sites (the centre and the alliance's first 40 in id order), then every site the demo has.
    const statusMs = await timeMs(5, () => quartersStatuses(db, ids.slice(0, 41), quarters, NOW))
    const allMs = await timeMs(5, () => quartersStatuses(db, ids, quarters, NOW))
    const runtime = { db, platform: localPlatform(db, 'http://localhost', uploads), clock: fixedClock(NOW) }
    let bytes = 0
    const bundleMs = await timeMs(5, async () => {
      const answer = await dispatch(operations, { action: 'bundle', data: { siteId: 'F01', year: 2026 } }, { openid: 'demo-staff' }, runtime)
      if (!answer.ok) throw new Error(`bundle: ${JSON.stringify(answer)}`)
      bytes = (answer.data as { bytes: number }).bytes
    })
    console.log(`\n## Site operations (${label})`)
    console.log(`data: ${ids.length} sites × ${ACTIVITIES} activities with 20 sign-ins and 3 archive parts each`)
    console.log(`六有 status of 41 sites × 4 quarters: median ${statusMs.toFixed(0)} ms (target ≤ 100 ms); all ${ids.length} sites: ${allMs.toFixed(0)} ms`)
    console.log(`F01's yearly archive bundle (${ACTIVITIES} activities, ${(bytes / 1024 / 1024).toFixed(1)} MB tar): median ${bundleMs.toFixed(0)} ms (target ≤ 5000 ms)`)
    return (statusMs > 100 ? 1 : 0) + (bundleMs > 5000 ? 1 : 0)
  } finally {
    await db.close()
  }
}
