/**
 * Backup and restore as docs/deploy.md tells an operator to do it: pg_dump (custom format) of a
 * database holding the whole demo, pg_restore into a fresh database, and there every table has the
 * same rows, the migrations and seeding have nothing left to do, and the demo's checks pass.
 * Needs the PostgreSQL server (DATABASE_URL, not through a pooler) and pg_dump / pg_restore.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openPostgres, type Db } from '../../cloudfunctions/core/db'
import { migrate } from '../../cloudfunctions/core/migrate'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { setRuntime } from '../../cloudfunctions/core/runtime'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { as, checkFeedbackRules } from '../support/feedback'
import { startRuntime, type TestRuntime } from '../support/runtime'
import { checkTopicRules, draft } from '../support/topics'

const { DATABASE_URL, DATABASE_POOLED } = process.env
const has = (tool: string) => spawnSync(tool, ['--version']).status === 0
const skipped = !DATABASE_URL
  ? 'no DATABASE_URL (backups are of a PostgreSQL server)'
  : DATABASE_POOLED === '1'
    ? 'DATABASE_URL names a pooler (pg_dump needs the server itself)'
    : !has('pg_dump') || !has('pg_restore')
      ? 'pg_dump / pg_restore are not installed (apt-get install postgresql-client)'
      : undefined
if (skipped) console.log(`backup test skipped: ${skipped}`)

const run = (tool: string, args: string[]) => {
  const result = spawnSync(tool, args, { encoding: 'utf8', timeout: 120_000 })
  if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr}`)
}

;(skipped ? describe.skip : describe)('backup and restore with pg_dump / pg_restore', () => {
  let rt: TestRuntime
  let restored: Db
  const dir = mkdtempSync(join(tmpdir(), 'xslm-backup-'))
  const database = `xslm_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const restoreUrl = () => {
    const url = new URL(DATABASE_URL!)
    url.pathname = `/${database}`
    return url
  }
  afterAll(async () => {
    await restored?.close()
    const admin = await openPostgres(DATABASE_URL!)
    await admin.exec(`DROP DATABASE IF EXISTS ${database}`)
    await admin.close()
    await rt?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('restores the demo on a fresh database where the demo checks pass', async () => {
    rt = await startRuntime('2026-11-10T02:00:00Z')
    await applySeeds(rt.db, demoSteps, { now: rt.clock.now(), activityDays: 3 })
    const [{ schema }] = await rt.db.query<{ schema: string }>('SELECT current_schema() AS schema')
    const file = join(dir, 'xslm.dump')
    run('pg_dump', ['--format=custom', '--no-owner', `--schema=${schema}`, `--file=${file}`, DATABASE_URL!])
    const admin = await openPostgres(DATABASE_URL!)
    await admin.exec(`CREATE DATABASE ${database}`)
    await admin.close()
    // A dump of one schema carries no extension (a whole-database dump, as deploy.md says, does): the fresh database gets it first.
    const fresh = await openPostgres(restoreUrl().toString())
    await fresh.exec('CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA public')
    await fresh.close()
    run('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restoreUrl()}`, file])
    const scoped = restoreUrl()
    scoped.searchParams.set('options', `-c search_path=${schema}`)
    restored = await openPostgres(scoped.toString())

    const counts = async (db: Db) => {
      const tables = await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`)
      return Object.fromEntries(await Promise.all(tables.map(async ({ name }) => [name, (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`))[0].n])))
    }
    const before = await counts(rt.db)
    expect(before.topics).toBeGreaterThan(0)
    expect(await counts(restored)).toEqual(before)
    expect(await migrate(restored)).toEqual([])
    expect(await applySeeds(restored, demoSteps, { now: rt.clock.now(), activityDays: 3 })).toEqual([])

    setRuntime({ db: restored, platform: localPlatform(restored, 'http://localhost:8080'), clock: rt.clock })
    await checkTopicRules(restored)
    await checkFeedbackRules(restored)
    const lastMonth = await as('demo-resident').votes('results', { siteId: 'F01', month: '2026-10' })
    expect(lastMonth.data.topics[0]).toMatchObject({ title: '图书馆周边停车难', selected: true, votes: 14 })
    // The restored database takes writes: its sequences came along with its rows.
    const proposed = await as('demo-resident').topics('propose', draft('恢复后的新议题：楼道照明', { siteId: 'F01' }))
    expect(proposed.ok).toBe(true)
  })
})
