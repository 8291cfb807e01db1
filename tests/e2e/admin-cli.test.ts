/** `npm run admin`'s built command (dist/host/admin.js) on a local database: grants, refuses, explains its usage. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { newDataDir, ROOT } from '../support/host'

const admin = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/host/admin.js'), ...args], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  })

describe('npm run admin', () => {
  it('grants and revokes the admin role, refuses the last admin, and explains its usage', () => {
    const dataDir = newDataDir()
    const granted = admin(dataDir, 'grant-admin', 'o-first-admin')
    expect(granted.stdout).toContain('已授予系统管理员')
    expect(granted.status).toBe(0)
    expect(admin(dataDir, 'grant-admin', 'o-first-admin').stdout).toContain('已是系统管理员')
    const last = admin(dataDir, 'revoke-admin', 'o-first-admin')
    expect(last.status).toBe(1)
    expect(last.stderr).toContain('最后一位系统管理员')
    expect(last.stderr).not.toMatch(/\n\s+at /)
    const usage = admin(dataDir, 'make-me-admin')
    expect(usage.status).toBe(2)
    expect(usage.stderr).toContain('grant-admin|revoke-admin')
  })
})
