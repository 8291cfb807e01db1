/**
 * `npm start`: opens the database (PGlite in .data/, or DATABASE_URL), applies migrations, seeds
 * the demo data on first start and serves the functions and the h5 build. Under
 * NODE_ENV=production (`npm run serve`): PostgreSQL only, its settings checked first
 * (./production.ts), no dev sign-in, dev clock or demo data, JSON logs, graceful shutdown.
 */
import { join, resolve } from 'node:path'
import { shiftedClock, systemClock } from '../core/clock'
import { openPostgres, type Db } from '../core/db'
import { scheduleJobs } from '../core/jobs'
import { migrate } from '../core/migrate'
import { localPlatform } from '../core/platform-local'
import { openapiPlatform, type MiniprogramState } from '../core/platform-openapi'
import { wechatApp } from '../core/wechat'
import { setRuntime } from '../core/runtime'
import { features, seedDemo } from '../features'
import { openPgliteThread } from './pglite-thread'
import { devAuth, loadSecret } from './dev-auth'
import { allowList, ConfigError, jsonLog, productionConfig } from './production'
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

const production = process.env.NODE_ENV === 'production'
/** Production logs are JSON lines; the dev host keeps its plain lines. */
const say = (msg: string, fields: Record<string, unknown> = {}) => (production ? jsonLog({ level: 'info', msg, ...fields }) : console.log(`[host] ${msg}`))
const warn = (msg: string, fields: Record<string, unknown> = {}) => (production ? jsonLog({ level: 'error', msg, ...fields }) : console.error(`[host] ${msg}`))
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Production waits for its database: it says what is wrong and tries again (DB_RETRY_MS, 5 s), until stopped. */
async function migrateWhenReachable(db: Db): Promise<number[]> {
  const retryMs = Number(process.env.DB_RETRY_MS ?? 5000)
  for (;;) {
    try {
      return await migrate(db)
    } catch (error) {
      if (!production) throw error
      warn(`数据库无法连接或迁移失败：${error instanceof Error ? error.message : error}；${retryMs / 1000} 秒后重试`)
      await sleep(retryMs)
    }
  }
}

async function start() {
  const config = production ? productionConfig(process.env) : undefined
  const root = resolve(process.env.APP_ROOT ?? process.cwd())
  const dataDir = resolve(process.env.DATA_DIR ?? join(root, '.data'))
  const port = Number(process.env.PORT ?? 8080)
  const listenHost = process.env.LISTEN_HOST ?? '127.0.0.1'
  const publicUrl = config?.publicUrl ?? process.env.PUBLIC_URL ?? `http://localhost:${port}`
  const auth = config ? undefined : devAuth(loadSecret(join(dataDir, 'dev-secret')))
  const DATABASE_URL = config?.databaseUrl ?? process.env.DATABASE_URL
  const db = DATABASE_URL
    ? await openPostgres(DATABASE_URL)
    : await openPgliteThread(join(dataDir, 'pglite'), join(__dirname, 'pglite-thread.js'))
  let stopping = false
  const early = () => {
    stopping = true
    void db.close().finally(() => process.exit(0))
  }
  process.once('SIGTERM', early)
  process.once('SIGINT', early)
  const applied = await migrateWhenReachable(db)
  if (stopping) return
  process.off('SIGTERM', early)
  process.off('SIGINT', early)
  // DEV_CLOCK=1 (tests and demos only) lets POST /dev/clock move the host's time.
  // DEV_CLOCK_AT (with DEV_CLOCK=1) starts that clock at an instant, so the demo data is seeded relative to it, not to today.
  const clock = !production && process.env.DEV_CLOCK === '1' ? shiftedClock(process.env.DEV_CLOCK_AT) : undefined
  const uploadsDir = join(dataDir, 'uploads')
  const runClock = clock ?? systemClock
  // Production calls WeChat's OpenAPI itself (the mini-program's appid, checked by productionConfig).
  const weapp = wechatApp(process.env, 'WECHAT')
  const local = localPlatform(db, publicUrl, uploadsDir)
  const platform = production && weapp
    ? openapiPlatform(db, weapp, () => runClock.now(), local, (process.env.WECHAT_MINIPROGRAM_STATE ?? 'formal') as MiniprogramState)
    : local
  const runtime = { db, platform, clock: runClock }
  setRuntime(runtime)
  // Production gets no demo people, sites or codes: its data is the district's own.
  const seeded = production ? [] : await seedDemo(db, runtime.clock.now())
  const stopJobs = JOBS_INTERVAL_MS > 0
    ? scheduleJobs(features.map((feature) => feature.definition), runtime, JOBS_INTERVAL_MS)
    : async () => undefined
  const stopStatistics = db.kind === 'pglite' ? keepStatistics(db) : () => undefined
  const server = createHost({
    runtime,
    auth,
    h5Dir: join(root, 'dist/h5'),
    publicUrl,
    uploadsDir,
    clock,
    metricsAllow: config?.metricsAllow ?? allowList(process.env.METRICS_ALLOW),
    log: production ? jsonLog : undefined,
    // Real sign-in in production; in development only when pointed at a WeChat stand-in (WECHAT_API_BASE, the bench's fake).
    signin: production || process.env.WECHAT_API_BASE
      ? { weapp, web: wechatApp(process.env, 'WECHAT_WEB'), authorizeBase: process.env.WECHAT_OPEN_BASE ?? 'https://open.weixin.qq.com', publicUrl }
      : undefined,
    allowedOrigin: production ? new URL(publicUrl).origin : undefined,
  })
  server.keepAliveTimeout = 30_000
  server.listen(port, listenHost, () => {
    const where = db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${join(dataDir, 'pglite')}`
    say(`database: ${where}; migrations applied: ${applied.length ? applied.join(', ') : 'none new'}${seeded.length ? `; demo data: ${seeded.join(', ')}` : ''}`)
    say(`协商联盟 ready at ${publicUrl}/`, production ? { listen: `${listenHost}:${port}` } : {})
  })

  /**
   * SIGTERM or SIGINT: stop taking requests (readiness answers 503, new calls 503), let the ones in
   * flight and the running jobs finish, close the pool, exit 0; past SHUTDOWN_TIMEOUT_MS, exit 1.
   */
  const shutdownMs = config?.shutdownMs ?? Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 25_000)
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    say('shutting down', { signal, inFlight: server.state.inFlight })
    setTimeout(() => {
      warn(`shutdown took longer than ${shutdownMs} ms: exiting with requests or jobs unfinished`, { inFlight: server.state.inFlight })
      process.exit(1)
    }, shutdownMs).unref()
    server.state.draining = true
    server.close()
    server.closeIdleConnections()
    stopStatistics()
    await Promise.all([server.state.idle(), stopJobs()])
    server.closeAllConnections()
    await db.close().catch((error) => warn(`closing the database failed: ${error instanceof Error ? error.message : error}`))
    say('stopped')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

start().catch((error) => {
  if (error instanceof ConfigError) console.error(error.message)
  else console.error(`[host] failed to start: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
