import { cloudFunctions } from '../../cloudfunctions/features'
import { main as account } from '../../cloudfunctions/account'
import { main as admin } from '../../cloudfunctions/admin'
import { main as sites } from '../../cloudfunctions/sites'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe('the access rows', () => {
  it('has a row for every action of every function, and no row for an action that does not exist', () => {
    for (const [name, { definition }] of Object.entries(cloudFunctions)) {
      expect(definition.name).toBe(name)
      expect(Object.keys(definition.access).sort()).toEqual(Object.keys(definition.actions).sort())
    }
  })
})

function nestedArrays(depth: number): unknown {
  let value: unknown = []
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

describe(`roles on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
  })
  afterAll(() => rt.close())

  it('refuses a resident calling a staff action, and writes nothing', async () => {
    const result = await caller(admin, 'resident-x')('createProfile', { role: 'member', name: '冒名者' })
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: '没有权限进行此操作' } })
    expect((await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM profiles WHERE name = '冒名者'"))[0].n).toBe(0)
  })

  it('refuses a call without a platform identity', async () => {
    const result = (await sites({ action: 'list', data: {} }, {})) as any
    expect(result.error.code).toBe('unauthenticated')
  })

  it('refuses NUL bytes and lone surrogates anywhere in the data, even where no schema looks', async () => {
    const staff = caller(admin, 'demo-staff')
    for (const data of [{ role: 'member', name: '正常', note: { deep: ['a\u0000'] } }, { role: 'member', name: '正常', ['k\ud800']: 1 }]) {
      expect((await staff('createProfile', data)).error).toEqual({ code: 'invalid_input', message: '内容含有无法识别的字符，请删除后重试' })
    }
    expect((await caller(sites, 'resident-x')('list', { q: '图书\u0000馆' })).error.code).toBe('invalid_input')
    expect((await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM profiles WHERE name = '正常'"))[0].n).toBe(0)
  })

  it('refuses data that is not an object for every action of every function, before any handler runs', async () => {
    const shapes: unknown[] = [[], [{}], null, 'x', 7, true, nestedArrays(5000)]
    for (const [name, { main, definition }] of Object.entries(cloudFunctions)) {
      const call = caller(main, 'demo-staff')
      for (const action of Object.keys(definition.access)) {
        for (const data of shapes) {
          const result = await call(action, data)
          expect([`${name}.${action}`, result.error]).toEqual([`${name}.${action}`, { code: 'invalid_input', message: '请求数据格式有误' }])
        }
      }
    }
  })

  it('refuses an unknown action as invalid input', async () => {
    const result = await caller(sites, 'resident-x')('drop', {})
    expect(result.error).toEqual({ code: 'invalid_input', message: '未知的操作' })
  })

  it('lets a site admin open only their own site\'s code, and staff any', async () => {
    const own = await caller(sites, 'demo-site-admin')('code', { siteId: 'F01' })
    expect(own.ok).toBe(true)
    expect(own.data.scene).toBe('s=F01')
    expect(own.data.image).toMatch(/^data:image\/png;base64,/)
    expect(own.data.target).toBe('http://localhost:8080/packages/checkin/pages/scan/index?scene=s%3DF01')
    const other = await caller(sites, 'demo-site-admin')('code', { siteId: 'F02' })
    expect(other.error.code).toBe('forbidden')
    const staff = await caller(sites, 'demo-staff')('code', { siteId: 'W03' })
    expect(staff.ok).toBe(true)
    const audited = await rt.db.query("SELECT target FROM audit_log WHERE fn = 'sites' AND action = 'code' ORDER BY id")
    expect(audited.map((row) => row.target)).toEqual(['F01', 'W03'])
  })

  it('gives each of many concurrent callers their own identity, registering newcomers once', async () => {
    const people = Array.from({ length: 60 }, (_, i) => `crowd-${i % 30}`)
    const answers = await Promise.all(people.map((openid) => caller(account, openid)('me')))
    const ids = new Map<string, number>()
    answers.forEach((answer, i) => {
      expect(answer.ok).toBe(true)
      if (ids.has(people[i])) expect(answer.data.userId).toBe(ids.get(people[i]))
      ids.set(people[i], answer.data.userId)
    })
    expect(new Set(ids.values()).size).toBe(30)
    expect((await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users WHERE openid LIKE 'crowd-%'"))[0].n).toBe(30)
    const staff = await caller(account, 'demo-staff')('me')
    expect(staff.data.primaryRole).toBe('staff')
  })

  it('applies a role granted between two calls on the very next call, even while others are calling', async () => {
    const person = caller(admin, 'crowd-1')
    const busy = Array.from({ length: 20 }, (_, i) => caller(account, `crowd-${i}`)('me'))
    expect((await person('listProfiles', {})).error.code).toBe('forbidden')
    await rt.db.query("INSERT INTO user_roles (user_id, role) SELECT id, 'staff' FROM users WHERE openid = 'crowd-1'")
    const [granted] = await Promise.all([person('listProfiles', {}), ...busy])
    expect(granted.ok).toBe(true)
  })
})
