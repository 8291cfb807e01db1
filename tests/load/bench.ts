/**
 * `npm run bench`: figures as ratios against baselines measured in the same run.
 *  - main package size against our 600 KB budget (and WeChat's 2 MB limit);
 *  - the directory's first page on h5: navigation to skeleton, skeleton to the first sites; the
 *    工作台's first content (staff's 我的: grid, every count), as a ratio of the directory's;
 *  - check-ins per second through the host over loopback HTTP (distinct people, 100 connections,
 *    driven by the lean generator in http-load.ts) against raw single-row INSERTs per second into
 *    the same database, both warm and as medians of timed passes, with latency percentiles;
 *  - host cold start (process start to first answered call, migrations already applied);
 *  - the kernel's outbox drain and unit-of-work cost (kernel-bench.ts);
 *  - 交办督复评: the supervision job over 20,000 assignments, the unit figures (feedback-bench.ts);
 *  - activity check-ins with rotating codes against the plain site check-in (activities-bench.ts);
 *  - bookings through the host against raw inserts under the same constraint, and availability of
 *    200 resources over 30 days (resources-bench.ts);
 *  - resources' matching over 200 resources (resources-match-bench.ts);
 *  - each bundled cloud function's size.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openDb, openPostgres } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { seedDemo } from '../../cloudfunctions/features'
import { newDataDir, ROOT, startHost } from '../support/host'
import { MAIN_PACKAGE_BUDGET } from '../support/weapp'
import { directoryLoads, workbenchLoads } from './first-page'
import { drive, LoadConnection } from './http-load'
import { feedbackFigures } from './feedback-bench'
import { activityFigures } from './activities-bench'
import { assessmentFigures } from './assessment-bench'
import { opinionFigures } from './opinions-bench'
import { operationFigures } from './operations-bench'
import { kernelFigures } from './kernel-bench'
import { matchFigures } from './resources-match-bench'
import { noticeFigures } from './notices-bench'
import { resourceFigures } from './resources-bench'
import { signinFigures } from './signin-bench'
import { kb, median, passRates, pct, spread } from './stats'
import { topicFigures } from './topics-bench'

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 4000)
const CONNECTIONS = 100
const RAW_INSERTS = Number(process.env.BENCH_RAW ?? 4000)
/** The host's first check-in passes, before its timed ones: V8 keeps tiering up WASM and JS for ~40,000 statements. */
const HOST_WARM_SITES = ['F02', 'F03', 'F06', 'F07']
/** Timed passes on each side; the figures are their medians. */
const HOST_TIMED_SITES = ['C01', 'F04', 'F05']
const TIMED_PASSES = HOST_TIMED_SITES.length
/** As many statements as the host runs before its timed passes: 3 to register a person, 2 a check-in. */
const RAW_WARM_PASSES = Math.ceil(((3 + 2 * HOST_WARM_SITES.length) * PEOPLE) / RAW_INSERTS)


async function packageSizes() {
  const ci = require('miniprogram-ci')
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: join(ROOT, 'dist/weapp'), privateKey: 'offline', ignores: ['node_modules/**/*'] })
  const results = await ci.checkCodeQuality(project)
  const detail: Record<string, number> = results.find((r: any) => r.name === 'PACKAGE_SIZE_LIMIT').detail
  console.log('\n## Mini-program packages (miniprogram-ci checkCodeQuality)')
  console.log(`main package: ${kb(detail.__APP__)} = ${((detail.__APP__ / MAIN_PACKAGE_BUDGET) * 100).toFixed(1)}% of the 600 KB budget, ${((detail.__APP__ / (2048 * 1024)) * 100).toFixed(1)}% of WeChat's 2 MB limit`)
  for (const [name, size] of Object.entries(detail)) if (name !== '__APP__') console.log(`subpackage ${name}: ${kb(size)}`)
}

function functionSizes() {
  console.log('\n## Bundled cloud functions (dist/cloudfunctions/<fn>/index.js, minified)')
  const dir = join(ROOT, 'dist/cloudfunctions')
  for (const name of readdirSync(dir)) console.log(`${name}: ${kb(statSync(join(dir, name, 'index.js')).size)}`)
}

/**
 * Raw single-row INSERTs per second, one at a time through the db port. PostgreSQL in WASM runs
 * faster once V8 has tiered up its hot functions (here after ~16,000 statements), so the timed
 * pass comes after as many statements as the host runs before its own timed pass.
 */
async function rawInserts(dataDir: string, url: string | undefined, month: string): Promise<number[]> {
  const db = await openDb(url, join(dataDir, 'pglite'))
  await migrate(db)
  await seedDemo(db, new Date())
  await db.query("INSERT INTO users (openid) SELECT 'raw-' || g FROM generate_series(1, $1::int) g ON CONFLICT (openid) DO NOTHING", [RAW_INSERTS])
  const ids = (await db.query<{ id: number }>("SELECT id FROM users WHERE openid LIKE 'raw-%' ORDER BY id")).map((row) => row.id as number)
  const pass = async (day: number) => {
    for (const id of ids) {
      await db.query(`INSERT INTO checkins (user_id, site_id, day, created_at, location_status) VALUES ($1, 'F01', $2, now(), 'unverified')`, [id, `${month}-${String(day).padStart(2, '0')}`])
    }
  }
  const rates = await passRates(ids.length, RAW_WARM_PASSES, TIMED_PASSES, pass)
  await db.close()
  return rates
}


/** A fresh schema on the server, so the bench neither sees nor leaves other data. */
async function serverSchema(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_${Date.now().toString(36)}`
  const admin = await openPostgres(url)
  await admin.exec(`CREATE SCHEMA ${schema}`)
  const scoped = new URL(url)
  scoped.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: scoped.toString(),
    drop: async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`)
      await admin.close()
    },
  }
}

/**
 * The same through a transaction pooler (DATABASE_POOLER_URL, PgBouncer in front of DATABASE_URL's
 * server): startup `options` cannot pass it, so the schema belongs to a role of its own whose
 * default search_path it is, made on the server directly (as tests/support/runtime.ts does).
 */
async function pooledSchema(directUrl: string, poolerUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const schema = `bench_pool_${Date.now().toString(36)}`
  const admin = await openPostgres(directUrl)
  await admin.exec(`CREATE ROLE ${schema} LOGIN; ALTER ROLE ${schema} SET search_path = ${schema}; CREATE SCHEMA ${schema} AUTHORIZATION ${schema}`)
  const scoped = new URL(poolerUrl)
  scoped.username = schema
  return {
    url: scoped.toString(),
    drop: async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`)
      await admin.exec(`DROP OWNED BY ${schema}; DROP ROLE ${schema}`).catch(() => console.log(`(role ${schema} still held by the pooler: drop it later)`))
      await admin.close()
    },
  }
}

async function checkinThroughput(label: string, databaseUrl?: string): Promise<number> {
  const dataDir = newDataDir()
  // Raw inserts are timed before and after the host, on the same database, so a machine that
  // speeds up or slows down during the run moves both sides alike.
  const rawBefore = await rawInserts(dataDir, databaseUrl, '2026-09')

  const host = await startHost(dataDir, databaseUrl ? { DATABASE_URL: databaseUrl } : {})
  const url = new URL(host.url)
  const started = Date.now()
  const first = await LoadConnection.open(url)
  const personas = await first.post('/dev/signin', { persona: 'resident' })
  await first.post('/api/account', { action: 'me', data: {} }, personas.data.token)
  const firstCallMs = host.readyMs + (Date.now() - started)
  first.close()
  const connections = await Promise.all(Array.from({ length: CONNECTIONS }, () => LoadConnection.open(url)))

  // Sign everyone in and register them (their first call), so the timed part is check-ins only.
  const tokens: string[] = []
  await drive(connections, Array.from({ length: PEOPLE }, (_, i) => i), async (connection, i) => {
    const signed = await connection.post('/dev/signin', { guest: `bench${i}` })
    tokens[i] = signed.data.token
    await connection.post('/api/account', { action: 'me', data: {} }, tokens[i])
  })

  const checkIn = (connection: LoadConnection, token: string, site: string) =>
    connection.post('/api/checkin', { action: 'scan', data: { scene: `s=${site}` } }, token)
  for (const site of HOST_WARM_SITES) {
    await drive(connections, tokens, async (connection, token) => {
      await checkIn(connection, token, site)
    })
  }
  const latencies: number[] = []
  const rates: number[] = []
  let failures = 0
  for (const site of HOST_TIMED_SITES) {
    const started = performance.now()
    await drive(connections, tokens, async (connection, token) => {
      const t = performance.now()
      const result = await checkIn(connection, token, site)
      latencies.push(performance.now() - t)
      if (!result.ok) failures++
    })
    rates.push(tokens.length / ((performance.now() - started) / 1000))
  }
  const throughput = median(rates)
  latencies.sort((a, b) => a - b)
  for (const connection of connections) connection.close()
  await host.stop()
  const rawAll = [...rawBefore, ...(await rawInserts(dataDir, databaseUrl, '2026-08'))]
  const raw = median(rawAll)

  console.log(`\n## Check-ins through the host (${label}, loopback HTTP, ${CONNECTIONS} connections, distinct people)`)
  console.log(`raw single-row INSERTs into the same database: ${raw.toFixed(0)} /s (baseline: median of ${rawAll.length} passes of ${RAW_INSERTS} rows, ${spread(rawAll)}, half before the host and half after, each side after ${RAW_WARM_PASSES} warm-up passes)`)
  console.log(`check-ins through the host: ${throughput.toFixed(0)} /s (median of ${rates.length} passes of ${tokens.length} calls, ${spread(rates)}, after ${HOST_WARM_SITES.length} warm-up passes), ${failures} failed`)
  console.log(`ratio: ${((throughput / raw) * 100).toFixed(1)}% of raw inserts (target ≥ 50%)`)
  console.log(`latency: p50 ${pct(latencies, 50).toFixed(1)} ms, p90 ${pct(latencies, 90).toFixed(1)} ms, p99 ${pct(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`)
  console.log(`host cold start (migrations already applied): ${host.readyMs} ms to ready, ${firstCallMs} ms to the first answered call`)
  return failures
}

/** The directory's first page on h5 with the list pattern: navigation → skeleton → first sites. */
async function firstPageLoad() {
  const host = await startHost()
  try {
    const loads = await directoryLoads(host.url)
    const warm = loads.slice(1)
    console.log('\n## Directory first page on h5 (Chromium, 390×844, list pattern through the host)')
    console.log(`cold: ${loads[0].skeletonMs.toFixed(0)} ms to the skeleton, then ${loads[0].contentMs.toFixed(0)} ms to the first sites`)
    console.log(`warm (median of ${warm.length}): ${median(warm.map((l) => l.skeletonMs)).toFixed(0)} ms to the skeleton, then ${median(warm.map((l) => l.contentMs)).toFixed(0)} ms to the first sites (${spread(warm.map((l) => l.contentMs))})`)

    // The same host and browser build, right after: the directory's warm first page is the baseline.
    const bench = await workbenchLoads(host.url)
    const warmBench = bench.slice(1)
    const directoryMs = median(warm.map((l) => l.skeletonMs + l.contentMs))
    const gridMs = median(warmBench.map((l) => l.gridMs))
    const countsMs = median(warmBench.map((l) => l.countsMs))
    console.log('\n## 工作台 first content on h5 (staff on 我的, Chromium, 390×844, through the host)')
    console.log(`cold: ${bench[0].gridMs.toFixed(0)} ms to the grid, ${bench[0].countsMs.toFixed(0)} ms to every count`)
    console.log(`warm (median of ${warmBench.length}): ${gridMs.toFixed(0)} ms to the grid, ${countsMs.toFixed(0)} ms to every count (${spread(warmBench.map((l) => l.countsMs))}; target ≤ 300 ms)`)
    console.log(`ratio: every count at ${((countsMs / directoryMs) * 100).toFixed(0)}% of the directory's warm navigation to first sites (${directoryMs.toFixed(0)} ms, baseline in this run)`)
  } finally {
    await host.stop()
  }
}

/** `BENCH_ONLY=topics,feedback` measures only those parts (while tuning one); every part by default. */
const only = process.env.BENCH_ONLY?.split(',')
const wanted = (part: string) => !only || only.includes(part)

/** The figures measured against one database, each part answering its number of failed targets. */
const databaseParts: [string, (label: string, url?: string) => Promise<number>][] = [
  ['checkin', checkinThroughput],
  ['kernel', kernelFigures],
  ['topics', topicFigures],
  ['notices', noticeFigures],
  ['feedback', feedbackFigures],
  ['activities', activityFigures],
  ['assessment', assessmentFigures],
  ['resources', resourceFigures],
  ['opinions', opinionFigures],
  ['operations', operationFigures],
  ['resources-match', matchFigures],
  ['signin', signinFigures],
]

async function databaseFigures(label: string, url?: string): Promise<number> {
  let failures = 0
  for (const [part, measure] of databaseParts) if (wanted(part)) failures += await measure(label, url)
  return failures
}

async function main() {
  if (wanted('sizes')) {
    await packageSizes()
    functionSizes()
  }
  if (wanted('first-page')) await firstPageLoad()
  let failures = await databaseFigures('PGlite, embedded default')
  if (process.env.DATABASE_URL) {
    const server = await serverSchema(process.env.DATABASE_URL)
    try {
      failures += await databaseFigures('PostgreSQL server at DATABASE_URL, pool of 10', server.url)
    } finally {
      await server.drop()
    }
    const poolerUrl = process.env.DATABASE_POOLER_URL
    if (poolerUrl && (wanted('checkin') || wanted('signin'))) {
      const pooled = await pooledSchema(process.env.DATABASE_URL, poolerUrl)
      try {
        const label = 'PostgreSQL through PgBouncer, transaction mode, at DATABASE_POOLER_URL'
        if (wanted('checkin')) failures += await checkinThroughput(label, pooled.url)
        if (wanted('signin')) failures += await signinFigures(label, pooled.url)
      } finally {
        await pooled.drop()
      }
    }
  } else {
    console.log('\n(DATABASE_URL is not set: the PostgreSQL server figures are not measured.)')
  }
  return failures ? 1 : 0
}

// miniprogram-ci leaves a file watcher open, so the bench ends the process itself.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
