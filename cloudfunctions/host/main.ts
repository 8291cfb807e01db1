/**
 * `npm start`: opens the database (PGlite in .data/, or DATABASE_URL), applies migrations, seeds
 * the demo data on first start and serves the functions and the h5 build.
 */
import { join, resolve } from 'node:path'
import { shiftedClock, systemClock } from '../core/clock'
import { openPostgres, type Db } from '../core/db'
import { scheduleJobs } from '../core/jobs'
import { migrate } from '../core/migrate'
import { localPlatform } from '../core/platform-local'
import { setRuntime } from '../core/runtime'
import { features, seedDemo } from '../features'
import { openPgliteThread } from './pglite-thread'
import { devAuth, loadSecret } from './dev-auth'
import { createHost } from './server'

/** How often the host runs the functions' due jobs (JOBS_INTERVAL_MS; 0 turns them off). */
const JOBS_INTERVAL_MS = Number(process.env.JOBS_INTERVAL_MS ?? 15_000)
/** PGlite has no autovacuum: the host gathers the planner's statistics itself, after start and this often. */
const ANALYZE_EVERY_MS = 6 * 3_600_000

function keepStatistics(db: Db): () => void {
  const analyze = () => db.exec('ANALYZE').catch((error) => console.error(`[host] ANALYZE failed: ${error instanceof Error ? error.message : error}`))
  const timer = setInterval(analyze, ANALYZE_EVERY_MS)
  timer.unref()
  void analyze()
  return () => clearInterval(timer)
}

async function start() {
  const root = resolve(process.env.APP_ROOT ?? process.cwd())
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'))
  const port = Number(process.env.PORT ?? 8080)
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`
  const auth = devAuth(loadSecret(join(dataDir, 'dev-secret')))
  const { DATABASE_URL } = process.env
  const db = DATABASE_URL
    ? await openPostgres(DATABASE_URL)
    : await openPgliteThread(join(dataDir, 'pglite'), join(__dirname, 'pglite-thread.js'))
  const applied = await migrate(db)
  // DEV_CLOCK=1 (tests and demos only) lets POST /dev/clock move the host's time.
  // DEV_CLOCK_AT (with DEV_CLOCK=1) starts that clock at an instant, so the demo data is seeded relative to it, not to today.
  const clock = process.env.DEV_CLOCK === '1' ? shiftedClock(process.env.DEV_CLOCK_AT) : undefined
  const runtime = { db, platform: localPlatform(db, publicUrl), clock: clock ?? systemClock }
  setRuntime(runtime)
  const seeded = await seedDemo(db, runtime.clock.now())
  const stopJobs = JOBS_INTERVAL_MS > 0
    ? scheduleJobs(features.map((feature) => feature.definition), runtime, JOBS_INTERVAL_MS)
    : () => undefined
  const stopStatistics = db.kind === 'pglite' ? keepStatistics(db) : () => undefined
  const server = createHost({ runtime, auth, h5Dir: join(root, 'dist/h5'), publicUrl, uploadsDir: join(dataDir, 'uploads'), clock })
  server.keepAliveTimeout = 30_000
  server.listen(port, '127.0.0.1', () => {
    const where = db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${join(dataDir, 'pglite')}`
    console.log(`[host] database: ${where}; migrations applied: ${applied.length ? applied.join(', ') : 'none new'}${seeded.length ? `; demo data: ${seeded.join(', ')}` : ''}`)
    console.log(`[host] 协商联盟 ready at ${publicUrl}/`)
  })
  const stop = () => {
    stopJobs()
    stopStatistics()
    server.close(() => db.close().finally(() => process.exit(0)))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

start().catch((error) => {
  console.error(`[host] failed to start: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
