/**
 * A real database for function tests: PGlite in memory, or the PostgreSQL server in DATABASE_URL,
 * a fresh schema per runtime, migrated and seeded with the demo data, behind the local platform.
 * On PGlite one backend serves a test file's runtimes (starting PostgreSQL is most of a fresh
 * runtime's cost), each in its own schema and behind its own port object, so nothing a runtime
 * caches per database (sites, names, check-in facts) reaches the next.
 */
import { fixedClock } from '../../cloudfunctions/core/clock'
import { guarded, openPostgres, typeParserFor, type Db } from '../../cloudfunctions/core/db'
import { openBackend, pgliteDb } from '../../cloudfunctions/core/db-pglite'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { setRuntime, type Runtime } from '../../cloudfunctions/core/runtime'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'

export const DEFAULT_NOW = '2026-11-20T02:00:00Z'

/** Demo steps a test applies itself when it wants them. */
export const LATER_STEPS = ['activities-year', 'member-profiles', 'topics-month', 'notices', 'feedback-month', 'resources-month', 'opinions-year', 'opinions-report', 'assessment-cycle']

export interface TestRuntime extends Runtime {
  clock: ReturnType<typeof fixedClock>
  close(): Promise<void>
}

const newSchema = () => `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`

/** The test file's PGlite backend, started on first use; jest gives each test file its own module. */
let backend: ReturnType<typeof openBackend> | undefined
let open = 0

async function openPgliteSchema(): Promise<{ db: Db; drop(): Promise<void> }> {
  if (open > 0) throw new Error('one PGlite runtime at a time per test file: close the last one first')
  const { exchange } = await (backend ??= openBackend())
  const db = guarded(pgliteDb(exchange, async () => undefined, typeParserFor))
  const schema = newSchema()
  await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`)
  open += 1
  return {
    db,
    drop: async () => {
      open -= 1
      await db.exec(`SET search_path TO public; DROP SCHEMA ${schema} CASCADE`)
    },
  }
}

/**
 * Through a transaction pooler (DATABASE_POOLED=1, DATABASE_URL naming PgBouncer) no startup
 * `options` pass and a session SET would reach other clients: each runtime gets a role of its own
 * whose default search_path is its schema, so every server connection the pooler opens for it
 * starts there.
 */
/** Roles whose drop had to wait for the pooler to let go of their server connections (server_idle_timeout). */
const lingering = new Set<string>()

async function openPooledSchema(url: string): Promise<{ db: Db; drop(): Promise<void> }> {
  const schema = newSchema()
  const admin = await openPostgres(url)
  for (const role of lingering) await admin.exec(`DROP ROLE ${role}`).then(() => lingering.delete(role), () => undefined)
  await admin.exec(`CREATE ROLE ${schema} LOGIN; ALTER ROLE ${schema} SET search_path = ${schema}; CREATE SCHEMA ${schema} AUTHORIZATION ${schema}`)
  const scoped = new URL(url)
  scoped.username = schema
  const db = await openPostgres(scoped.toString())
  return {
    db,
    drop: async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`)
      // The pooler may still hold a server connection as the role: it goes once that is closed.
      await admin.exec(`DROP OWNED BY ${schema}; DROP ROLE ${schema}`).catch(() => lingering.add(schema))
      await admin.close()
    },
  }
}

/** A fresh, empty schema of its own (PGlite or the server), not migrated. */
export async function openTestDb(): Promise<{ db: Db; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (!url) return openPgliteSchema()
  if (process.env.DATABASE_POOLED === '1') return openPooledSchema(url)
  const schema = newSchema()
  const admin = await openPostgres(url)
  await admin.exec(`CREATE SCHEMA ${schema}`)
  await admin.close()
  const scoped = new URL(url)
  scoped.searchParams.set('options', `-c search_path=${schema}`)
  const db = await openPostgres(scoped.toString())
  return { db, drop: async () => db.exec(`DROP SCHEMA ${schema} CASCADE`) }
}

export async function startRuntime(now = DEFAULT_NOW): Promise<TestRuntime> {
  const { db, drop } = await openTestDb()
  await migrate(db)
  const clock = fixedClock(now)
  // The demo months of 月月说事 and 交办督复评, the demo year of activities and the demo notices are left out: tests
  // start from an empty ballot, outbox and calendar of activities (demo.test.ts, demo-activities.test.ts and
  // notices.test.ts apply and check those steps).
  await applySeeds(db, demoSteps.filter((step) => !LATER_STEPS.includes(step.name)), { now: clock.now(), activityDays: 3 })
  const runtime = { db, platform: localPlatform(db, 'http://localhost:8080'), clock }
  setRuntime(runtime)
  return {
    ...runtime,
    close: async () => {
      await drop()
      await db.close()
    },
  }
}

/** Calls a deployed entry the way WeChat does, as the person with this openid. */
export function caller(main: (event: unknown, context: unknown) => Promise<unknown>, openid: string) {
  return (action: string, data?: unknown) => main({ action, data }, { openid }) as Promise<any>
}

export const DB_LABEL = process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'
