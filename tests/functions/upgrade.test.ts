/**
 * A database made before features owned their folders upgrades in place: the migrations it ran are
 * all still there under the same versions with the same SQL, every seeding step it recorded keeps
 * its name, and starting the new code on it runs nothing twice and loses no row.
 */
import { createHash } from 'node:crypto'
import { migrate } from '../../cloudfunctions/core/migrate'
import { migrationFiles } from '../../cloudfunctions/core/migrations'
import { demoSteps, features, seedDemo } from '../../cloudfunctions/features'
import { KERNEL_TABLES } from '../../cloudfunctions/core/feature'
import before from './fixtures/layout-before-modules.json'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe(`upgrading a database of the layout before feature modules on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
  })
  afterAll(() => rt.close())

  it('keeps every migration it applied, by version, name and SQL, and every seeding step it recorded', () => {
    const now = new Map(migrationFiles.map((file) => [file.file, sha256(file.sql)]))
    for (const migration of before.migrations) expect([migration.file, now.get(migration.file)]).toEqual([migration.file, migration.sha256])
    expect(demoSteps.map((step) => step.name)).toEqual(expect.arrayContaining(before.seedSteps))
  })

  it('starts on it without running a migration or a step twice, and keeps every row', async () => {
    await seedDemo(rt.db, rt.clock.now(), 3) // the database as the old layout left it: migrated and seeded
    const tables = [...KERNEL_TABLES.filter((table) => table !== 'schema_migrations'), ...features.flatMap((feature) => feature.tables)]
    const count = async () => Object.fromEntries(await Promise.all(tables.map(async (table) => [table, (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n])))
    const rows = await count()
    expect(rows.topics).toBeGreaterThan(0)
    expect(await migrate(rt.db)).toEqual([])
    expect(await seedDemo(rt.db, rt.clock.now(), 3)).toEqual([])
    expect(await count()).toEqual(rows)
    const versions = (await rt.db.query('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version)
    expect(versions).toEqual(expect.arrayContaining(before.migrations.map((migration) => migration.version)))
  })
})
