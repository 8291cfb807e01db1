/**
 * The upgrade to self-hosted sign-in on a database in use: every existing account keeps its rows
 * and gets its mini-program openid as an identity, so its owner signs in to the same account; and
 * a migration that fails leaves the database at the old version, still serving.
 */
import { fixedClock } from '../../cloudfunctions/core/clock'
import type { Db } from '../../cloudfunctions/core/db'
import { accountOf } from '../../cloudfunctions/core/identities'
import { migrate, migrationsOf } from '../../cloudfunctions/core/migrate'
import { migrationFiles } from '../../cloudfunctions/core/migrations'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { setRuntime } from '../../cloudfunctions/core/runtime'
import { cloudFunctions, seedDemo } from '../../cloudfunctions/features'
import { DB_LABEL, DEFAULT_NOW, openTestDb } from '../support/runtime'

const all = migrationsOf(migrationFiles)
const beforeSignin = all.filter((migration) => migration.version < 50)

describe(`upgrading to self-hosted sign-in on ${DB_LABEL}`, () => {
  let db: Db
  let drop: () => Promise<void>
  const now = fixedClock(DEFAULT_NOW)
  beforeAll(async () => {
    ;({ db, drop } = await openTestDb())
    await migrate(db, beforeSignin)
    await seedDemo(db, now.now(), 3)
    setRuntime({ db, platform: localPlatform(db, 'http://localhost:8080'), clock: now })
  })
  afterAll(async () => {
    await drop()
    await db.close()
  })
  const me = (openid: string) => cloudFunctions.account.main({ action: 'me' }, { openid }) as Promise<{ ok: boolean; data: { userId: number; roles: unknown[] } }>

  it('a failed migration changes nothing: the old version goes on serving', async () => {
    const broken = { version: 999, file: '999_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT 1 / 0;' }
    await expect(migrate(db, [...all, broken])).rejects.toThrow(/division by zero/)
    const versions = (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((row) => row.version)
    expect(Math.max(...versions)).toBeLessThan(50)
    const leftovers = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name IN ('half_done', 'user_identities')`)
    expect(leftovers).toEqual([])
    expect((await me('demo-staff')).ok).toBe(true)
  })

  it('keeps every account and gives each its mini-program openid as an identity', async () => {
    await db.exec(`INSERT INTO users (openid, nickname) VALUES ('o-old-1', '老用户'), ('o-old-2', '')`)
    const [{ id: retired }] = await db.query<{ id: number }>(`INSERT INTO users (openid) VALUES ('o-retired') RETURNING id`)
    const [{ id: into }] = await db.query<{ id: number }>(`SELECT id FROM users WHERE openid = 'o-old-1'`)
    await db.query(`UPDATE users SET openid = 'merged:' || id || ':o-retired', merged_into = $2 WHERE id = $1`, [retired, into])
    const snapshot = async () => ({
      users: await db.query('SELECT id, openid, nickname, merged_into FROM users ORDER BY id'),
      roles: await db.query('SELECT user_id, role, site_id, unit_id FROM user_roles ORDER BY id'),
    })
    const before = await snapshot()
    const staffBefore = await me('demo-staff')
    expect(await migrate(db)).toEqual(all.filter((m) => m.version >= 50).map((m) => m.version))
    expect(await snapshot()).toEqual(before)
    const identities = await db.query<{ user_id: number; openid: string; linked_by: string }>(`SELECT user_id, openid, linked_by FROM user_identities WHERE provider = 'weapp' ORDER BY user_id`)
    const live = (before.users as { id: number; openid: string; merged_into: number | null }[]).filter((user) => user.merged_into === null)
    expect(identities).toEqual(live.map((user) => ({ user_id: user.id, openid: user.openid, linked_by: 'migrated' })))
    const again = await db.transaction((tx) => accountOf(tx, { provider: 'weapp', openid: 'demo-staff' }, now.now()))
    expect(again).toEqual({ userId: staffBefore.data.userId, created: false })
    expect(await me('demo-staff')).toEqual(staffBefore)
  })
})
