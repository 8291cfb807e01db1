/** Migrations from the kernel's and the features' folders, each file whole; seeding steps recorded like them; a failed start is retried. */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { migrate, migrationsOf } from '../../cloudfunctions/core/migrate'
import { migrationFiles } from '../../cloudfunctions/core/migrations'
import { once } from '../../cloudfunctions/core/runtime'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { DB_LABEL, LATER_STEPS, startRuntime, type TestRuntime } from '../support/runtime'

const FUNCTIONS = join(__dirname, '../../cloudfunctions')
/** The kernel's and every feature's migrations folder. */
const folders = readdirSync(FUNCTIONS).map((name) => join(FUNCTIONS, name, 'migrations')).filter((dir) => existsSync(dir))

const withTrigger = {
  file: '900_trigger.sql',
  sql: `CREATE TABLE probe_counted (id serial PRIMARY KEY, n int NOT NULL DEFAULT 0);
    CREATE FUNCTION probe_bump() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.n := NEW.n + 1; -- a semicolon inside the body
      RETURN NEW;
    END;
    $$;
    CREATE TRIGGER probe_bump BEFORE INSERT ON probe_counted FOR EACH ROW EXECUTE FUNCTION probe_bump();`,
}
const broken = { file: '901_broken.sql', sql: 'CREATE TABLE probe_half (id int); SELECT no_such_function();' }

describe(`migrations and seeding on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  it('applies every .sql file of the kernel and the features, found without a hand list', async () => {
    const files = folders.flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.sql'))).sort()
    expect(migrationFiles.map((m) => m.file)).toEqual(files)
    const applied = (await rt.db.query('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version)
    expect(applied).toEqual(files.map((file) => Number(file.slice(0, 3))))
  })

  it('runs each file whole, so function bodies and triggers work', async () => {
    const all = migrationsOf([...migrationFiles, withTrigger])
    expect(await migrate(rt.db, all)).toEqual([900])
    expect(await rt.db.query('INSERT INTO probe_counted DEFAULT VALUES RETURNING n')).toEqual([{ n: 1 }])
    expect(await migrate(rt.db, all)).toEqual([])
  })

  it('refuses badly named or repeated files', () => {
    expect(() => migrationsOf([{ file: 'add-table.sql', sql: '' }])).toThrow('not named NNN_name.sql')
    expect(() => migrationsOf([{ file: '003_a.sql', sql: '' }, { file: '003_b.sql', sql: '' }])).toThrow('two migrations have version 3')
  })

  it('leaves nothing of a failed migration, and a failed start is tried again on the next call', async () => {
    const all = migrationsOf([...migrationFiles, broken])
    await expect(migrate(rt.db, all)).rejects.toThrow('no_such_function')
    expect(await rt.db.query("SELECT to_regclass('probe_half') AS t")).toEqual([{ t: null }])
    expect(await rt.db.query('SELECT version FROM schema_migrations WHERE version = 901')).toEqual([])
    let fixed = false
    const start = once(async () => migrate(rt.db, fixed ? migrationsOf(migrationFiles) : all))
    await expect(start()).rejects.toThrow('no_such_function')
    fixed = true
    await expect(start()).resolves.toEqual([])
  })

  it('applies each named seeding step once, and a new step reaches an existing database', async () => {
    const context = { now: rt.clock.now(), activityDays: 3 }
    expect(await applySeeds(rt.db, demoSteps, context)).toEqual(LATER_STEPS)
    expect(await applySeeds(rt.db, demoSteps, context)).toEqual([])
    const [{ sites }] = await rt.db.query<{ sites: number }>('SELECT count(*)::int AS sites FROM sites')
    const later = { name: 'probe-later', run: async (tx: any) => void (await tx.query("INSERT INTO units (id, name) VALUES ('U99', '新单位')")) }
    const applied = await Promise.all([applySeeds(rt.db, [...demoSteps, later], context), applySeeds(rt.db, [...demoSteps, later], context)])
    expect(applied.flat()).toEqual(['probe-later'])
    expect(await rt.db.query<{ name: string }>("SELECT name FROM units WHERE id = 'U99'")).toEqual([{ name: '新单位' }])
    await rt.db.query('DELETE FROM seed_steps')
    expect(await applySeeds(rt.db, demoSteps, context)).toEqual(demoSteps.map((step) => step.name))
    expect((await rt.db.query<{ sites: number }>('SELECT count(*)::int AS sites FROM sites'))[0].sites).toBe(sites)
  })
})
