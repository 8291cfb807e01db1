/**
 * `npm run assess`'s built command (dist/host/assess.js) on a local database: refuses a month not yet
 * frozen and bad usage; recomputes a frozen month from its frozen inputs and prints the stored hashes.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { freezeMonth, liveInputs } from '../../cloudfunctions/assessment/bulletins'
import { openDb } from '../../cloudfunctions/core/db'
import { scopeOf } from '../../cloudfunctions/core/scope'
import { newDataDir, ROOT } from '../support/host'

const assess = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/host/assess.js'), ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  })

describe('npm run assess', () => {
  it('recomputes a frozen month to its stored hashes, and says why it cannot otherwise', async () => {
    const dataDir = newDataDir()
    const open = assess(dataDir, '--period', '2026-10')
    expect(open.status).toBe(1)
    expect(open.stderr).toContain('该月尚未冻结，不能复算')
    for (const args of [[], ['--period', '2026-13'], ['--period', '2026-10', '--version', '0'], ['--month', '2026-10']]) {
      const usage = assess(dataDir, ...args)
      expect(usage.status).toBe(2)
      expect(usage.stderr).toContain('--period YYYY-MM')
    }

    // Freeze October on the same database (the migrations are applied by the first run).
    const db = await openDb(undefined, join(dataDir, 'pglite'))
    const at = new Date('2026-11-06T02:00:00Z')
    const inputs = await liveInputs(db, '2026-10', at)
    await db.transaction((tx) => freezeMonth(scopeOf(tx, at, { userId: null, fn: 'assessment', action: 'freezeMonth' }), inputs, null))
    const [stored] = await db.query<{ hash: string; inputs_hash: string }>(`SELECT hash, inputs_hash FROM assessment_bulletins WHERE month = '2026-10'`)
    await db.close()

    const done = assess(dataDir, '--period', '2026-10')
    expect(done.stderr).toBe('')
    expect(done.status).toBe(0)
    expect(done.stdout).toContain(`输入 sha256 ${stored.inputs_hash}（与冻结时一致）`)
    expect(done.stdout).toContain(`结果 sha256 ${stored.hash}（与冻结时一致）`)
    expect(assess(dataDir, '--period', '2026-10', '--version', '2').stderr).toContain('未找到该版本的通报')
  }, 120_000)
})
