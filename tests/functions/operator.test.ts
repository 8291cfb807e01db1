/** The operator's grant-admin and revoke-admin (account/operator.ts): by openid or bound code, audited, never the last admin. */
import { grantAdmin, OperatorError, revokeAdmin } from '../../cloudfunctions/account/operator'
import { main as account } from '../../cloudfunctions/account'
import { caller, startRuntime, type TestRuntime } from '../support/runtime'

describe('operator grants', () => {
  let runtime: TestRuntime
  beforeAll(async () => {
    runtime = await startRuntime()
  })
  afterAll(() => runtime.close())

  const rolesOf = async (openid: string) =>
    (await runtime.db.query<{ role: string }>("SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.openid = $1 AND r.role = 'admin'", [openid])).length
  const audits = (action: string) => runtime.db.query<{ target: string; detail: { via: string; changed: boolean }; actor_user_id: number | null }>("SELECT target, detail, actor_user_id FROM audit_log WHERE fn = 'operator' AND action = $1 ORDER BY id", [action])

  it('grants the admin role to an openid (a first-time person too), once, with an audit row each time', async () => {
    const first = await grantAdmin(runtime.db, 'o-district-it-1', runtime.clock.now())
    expect(first.changed).toBe(true)
    expect(await rolesOf('o-district-it-1')).toBe(1)
    expect((await grantAdmin(runtime.db, 'o-district-it-1', runtime.clock.now())).changed).toBe(false)
    expect(await rolesOf('o-district-it-1')).toBe(1)
    expect(await audits('grantAdmin')).toEqual([
      { target: `user:${first.userId}`, detail: { via: 'openid', changed: true }, actor_user_id: null },
      { target: `user:${first.userId}`, detail: { via: 'openid', changed: false }, actor_user_id: null },
    ])
  })

  it('finds the person by the bind code they bound, and refuses a code nobody has bound', async () => {
    await expect(grantAdmin(runtime.db, 'STAFF234', runtime.clock.now())).rejects.toThrow(OperatorError)
    await expect(grantAdmin(runtime.db, 'STAFF234', runtime.clock.now())).rejects.toThrow('尚未被绑定')
    expect((await caller(account, 'o-binder')('bind', { code: 'STAFF234' })).ok).toBe(true)
    const granted = await grantAdmin(runtime.db, 'STAFF234', runtime.clock.now())
    expect(granted.changed).toBe(true)
    expect(await rolesOf('o-binder')).toBe(1)
    expect((await audits('grantAdmin')).at(-1)!.detail.via).toBe('code')
  })

  it('revokes, audited, but never the last admin; refuses what is neither an openid nor a code', async () => {
    for (const openid of ['o-district-it-1', 'o-binder']) expect((await revokeAdmin(runtime.db, openid, runtime.clock.now())).changed).toBe(true)
    expect(await rolesOf('o-district-it-1')).toBe(0)
    expect((await revokeAdmin(runtime.db, 'o-district-it-1', runtime.clock.now())).changed).toBe(false)
    await expect(revokeAdmin(runtime.db, 'demo-admin', runtime.clock.now())).rejects.toThrow('最后一位系统管理员')
    expect(await rolesOf('demo-admin')).toBe(1)
    await expect(grantAdmin(runtime.db, "x'; DROP TABLE users; --", runtime.clock.now())).rejects.toThrow(OperatorError)
    expect((await audits('revokeAdmin')).map((row) => row.detail.changed)).toEqual([true, true, false])
  })
})
