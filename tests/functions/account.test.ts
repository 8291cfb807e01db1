import { main as account } from '../../cloudfunctions/account'
import { main as activities } from '../../cloudfunctions/activities'
import { main as admin } from '../../cloudfunctions/admin'
import { main as notices } from '../../cloudfunctions/notices'
import { knownNames } from '../../cloudfunctions/core/names'
import { REGISTERED_NAME } from '../../src/domain/account'
import { TEXT_REFUSED } from '../../src/domain/limits'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'
import { as, draft } from '../support/topics'

describe(`binding profiles on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
  })
  afterAll(() => rt.close())

  it('lets staff issue a member profile whose code gives one person the member role, once', async () => {
    const issued = await caller(admin, 'demo-staff')('createProfile', { role: 'member', name: '刘宇' })
    expect(issued.ok).toBe(true)
    expect(issued.data.bindCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/)
    const person = caller(account, 'person-liu')
    expect((await person('me')).data.primaryRole).toBe('resident')
    const bound = await person('bind', { code: issued.data.bindCode.toLowerCase() })
    expect(bound.data).toMatchObject({ nickname: '刘宇', primaryRole: 'member' })
    const again = await caller(account, 'someone-else')('bind', { code: issued.data.bindCode })
    expect(again.error).toEqual({ code: 'expired', message: '该绑定码已被使用' })
    expect((await caller(account, 'someone-else')('me')).data.primaryRole).toBe('resident')
    const audited = await rt.db.query("SELECT fn, action, target, detail FROM audit_log WHERE action IN ('createProfile', 'bind') ORDER BY id")
    const profile = `profile:${issued.data.id}`
    expect(audited.map((row) => [row.fn, row.action, row.target])).toEqual([
      ['admin', 'createProfile', profile],
      ['account', 'bind', profile],
      ['account', 'bind', 'bind-failed'],
    ])
    expect(audited[1].detail).toMatchObject({ role: 'member' })
    expect(JSON.stringify(audited)).not.toContain(issued.data.bindCode)
  })

  it('gives a bound member their sector and studio: sector notices reach them, their studio lists them', async () => {
    expect((await caller(admin, 'demo-staff')('createProfile', { role: 'staff', name: '孙丽', sector: '经济界' })).error.code).toBe('invalid_input')
    const issued = await caller(admin, 'demo-staff')('createProfile', { role: 'member', name: '张建志', siteId: 'W02', sector: '文化艺术界' })
    expect(issued.data).toMatchObject({ sector: '文化艺术界', siteId: 'W02' })
    expect((await caller(account, 'zjz-openid')('bind', { code: issued.data.bindCode })).ok).toBe(true)
    const sent = await caller(notices, 'demo-staff')('publish', { title: '界别活动通知', body: '请文化艺术界委员周六参加界别同心汇活动。', audience: [{ kind: 'members', sector: '文化艺术界' }] })
    expect(sent.data.audienceSize).toBe(1)
    const studio = await caller(activities, 'demo-resident')('studio', { siteId: 'W02' })
    expect(studio.data.members.map((m: any) => [m.name, m.sector])).toEqual([['张建志', '文化艺术界']])
  })

  it('scopes a site admin profile to its site', async () => {
    const missing = await caller(admin, 'demo-admin')('createProfile', { role: 'site_admin', name: '周敏' })
    expect(missing.error.code).toBe('invalid_input')
    const issued = await caller(admin, 'demo-admin')('createProfile', { role: 'site_admin', name: '周敏', siteId: 'F05' })
    const bound = await caller(account, 'person-zhou')('bind', { code: issued.data.bindCode })
    expect(bound.data.roles).toContainEqual({ role: 'site_admin', siteId: 'F05', unitId: null })
  })

  it('answers success to the code a person just bound, however often or at once, and never counts it as a wrong code', async () => {
    const { bindCode } = (await caller(admin, 'demo-staff')('createProfile', { role: 'member', name: '林晓' })).data
    const person = caller(account, 'person-twice')
    const taps = await Promise.all([person('bind', { code: bindCode }), person('bind', { code: bindCode })])
    expect(taps.map((tap) => tap.data?.primaryRole)).toEqual(['member', 'member'])
    for (let i = 0; i < 12; i++) expect((await person('bind', { code: bindCode })).data.primaryRole).toBe('member')
    const counted = async () => (await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM rate_events WHERE key = 'bind:' || $1", [taps[0].data.userId]))[0].n
    expect(await counted()).toBe(0)
    expect((await person('bind', { code: 'ZZZZZZZZ' })).error.code).toBe('not_found')
    expect(await counted()).toBe(1)
  })

  it('answers unknown and malformed codes clearly and grants nothing', async () => {
    const person = caller(account, 'person-guess')
    expect((await person('bind', { code: 'ZZZZZZZZ' })).error.code).toBe('not_found')
    expect((await person('bind', { code: 'abc' })).error).toEqual({ code: 'invalid_input', message: '绑定码为 8 位' })
    expect((await person('bind', { code: 'O0O0O0O0' })).error).toEqual({ code: 'invalid_input', message: '绑定码含有无效字符' })
    expect((await person('me')).data.roles).toEqual([{ role: 'resident' }])
  })

  it('binds the demo member code under concurrency exactly once', async () => {
    const results = await Promise.all(['p1', 'p2', 'p3', 'p4', 'p5'].map((id) => caller(account, id)('bind', { code: 'MEMBER24' })))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => r.error.code)).toEqual(['expired', 'expired', 'expired', 'expired'])
    const members = await rt.db.query<{ n: number }>("SELECT count(*)::int AS n FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.openid LIKE 'p_' AND r.role = 'member'")
    expect(members[0].n).toBe(1)
  })

  it('refuses binding for 10 minutes after 10 wrong codes, even under a burst, and records each attempt', async () => {
    const issued = await caller(admin, 'demo-staff')('createProfile', { role: 'member', name: '马强' })
    const guesser = caller(account, 'person-guesser')
    const burst = await Promise.all(Array.from({ length: 25 }, (_, i) => guesser('bind', { code: `ZZZZZZ${'23456789ABCDEFGHJKMNPQRSTUVWXYZ'[i]}2` })))
    const codes = burst.map((answer) => answer.error.code)
    expect(codes.filter((code) => code === 'not_found')).toHaveLength(10)
    expect(codes.filter((code) => code === 'rate_limited')).toHaveLength(15)
    const blocked = await guesser('bind', { code: issued.data.bindCode })
    expect(blocked.error).toEqual({ code: 'rate_limited', message: '绑定码错误次数过多，请 10 分钟后再试' })
    const [{ failed }] = await rt.db.query<{ failed: number }>(
      "SELECT count(*)::int AS failed FROM audit_log a JOIN users u ON u.id = a.actor_user_id WHERE u.openid = 'person-guesser' AND a.target = 'bind-failed'",
    )
    expect(failed).toBe(10)
    rt.clock.set(new Date(rt.clock.now().getTime() + 10 * 60_000 + 1000))
    expect((await guesser('bind', { code: issued.data.bindCode })).data.primaryRole).toBe('member')
    rt.clock.set('2026-11-20T02:00:00Z')
  })

  describe('the name a person shows (setName)', () => {
    const nameOf = async (openid: string) => (await rt.db.query<{ nickname: string }>('SELECT nickname FROM users WHERE openid = $1', [openid]))[0]?.nickname

    it('sets a resident’s name, which public pages show masked, and keeps their former name masked', async () => {
      const person = caller(account, 'person-rename')
      expect((await person('me')).data.nickname).toBe('')
      const named = await person('setName', { name: '  张三丰 ' })
      expect(named.data).toMatchObject({ nickname: '张三丰', primaryRole: 'resident' })
      expect((await person('me')).data.nickname).toBe('张三丰')
      // Setting the same name again changes nothing and is no error.
      expect((await person('setName', { name: '张三丰' })).data.nickname).toBe('张三丰')

      rt.clock.set('2026-11-10T02:00:00Z')
      const proposed = await as('person-rename').topics('propose', draft('社区食堂午餐太少'))
      const seen = await as('demo-resident').topics('get', { topicId: proposed.data.id })
      expect(seen.data.proposer).toBe('张*丰')
      expect(JSON.stringify(seen.data)).not.toContain('张三丰')
      rt.clock.set('2026-11-20T02:00:00Z')

      expect((await person('setName', { name: '三丰爷爷' })).data.nickname).toBe('三丰爷爷')
      const names = await knownNames(rt.db, 'all', Date.now() + 60_000)
      expect(names).toEqual(expect.arrayContaining(['张三丰', '三丰爷爷']))
      const audited = await rt.db.query<{ target: string }>("SELECT target FROM audit_log WHERE fn = 'account' AND action = 'setName'")
      expect(audited.map((row) => row.target)).toEqual([`user:${named.data.userId}`, `user:${named.data.userId}`])
    })

    it('refuses empty, too long, non-text, multi-line, official-sounding and risky names in Chinese, and changes nothing', async () => {
      const person = caller(account, 'person-hostile')
      expect((await person('setName', { name: '李四' })).ok).toBe(true)
      const refused = async (data: unknown) => (await person('setName', data)).error
      expect(await refused({})).toEqual({ code: 'invalid_input', message: '名称至少 2 个字' })
      expect(await refused({ name: '' })).toEqual({ code: 'invalid_input', message: '名称至少 2 个字' })
      expect(await refused({ name: '   ' })).toEqual({ code: 'invalid_input', message: '名称至少 2 个字' })
      expect(await refused({ name: '李' })).toEqual({ code: 'invalid_input', message: '名称至少 2 个字' })
      expect(await refused({ name: '很'.repeat(13) })).toEqual({ code: 'invalid_input', message: '名称最多 12 个字' })
      expect(await refused({ name: 'x'.repeat(100_000) })).toEqual({ code: 'invalid_input', message: '名称最多 12 个字' })
      for (const name of [42, null, true, ['李四'], { name: '李四' }]) expect(await refused({ name })).toEqual({ code: 'invalid_input', message: '名称必须是文字' })
      expect(await refused({ name: '李\n四' })).toEqual({ code: 'invalid_input', message: '名称只能写一行' })
      expect((await refused({ name: '李\u0000四' }))).toEqual({ code: 'invalid_input', message: TEXT_REFUSED })
      expect((await refused({ name: '李\uD800四' }))).toEqual({ code: 'invalid_input', message: TEXT_REFUSED })
      expect(await refused({ name: '政协小李' })).toEqual({ code: 'invalid_input', message: '名称不能含有“政协”“管理员”“工作人员”等字样' })
      expect(await refused({ name: '系统管理员' })).toEqual({ code: 'invalid_input', message: '名称不能含有“政协”“管理员”“工作人员”等字样' })
      expect(await refused({ name: '李13812345678' })).toEqual({ code: 'invalid_input', message: '名称不能含有电话或证件号码' })
      expect((await refused({ name: '网上赌博' })).code).toBe('content_rejected')
      expect(await refused({ name: '兼职刷单请加微信' })).toEqual({ code: 'content_rejected', message: '内容需要修改后再发布' })
      expect(await nameOf('person-hostile')).toBe('李四')
      // An emoji counts as one character, as the person sees it.
      expect((await person('setName', { name: '🌸'.repeat(12) })).data.nickname).toBe('🌸'.repeat(12))
    })

    it('keeps the registered name of a member or staff', async () => {
      for (const openid of ['demo-member', 'demo-staff', 'demo-site-admin']) {
        const before = await nameOf(openid)
        expect((await caller(account, openid)('setName', { name: '新名字' })).error).toEqual({ code: 'forbidden', message: REGISTERED_NAME })
        expect(await nameOf(openid)).toBe(before)
      }
    })

    it('takes ten new names a day', async () => {
      const person = caller(account, 'person-restless')
      for (let i = 0; i < 10; i++) expect((await person('setName', { name: `小${'一二三四五六七八九十'[i]}` })).ok).toBe(true)
      expect((await person('setName', { name: '小明' })).error).toEqual({ code: 'rate_limited', message: '今天修改名称的次数已用完，请明天再试' })
      expect(await nameOf('person-restless')).toBe('小十')
      rt.clock.set(new Date(rt.clock.now().getTime() + 24 * 60 * 60_000 + 1000))
      expect((await person('setName', { name: '小明' })).data.nickname).toBe('小明')
      rt.clock.set('2026-11-20T02:00:00Z')
    })
  })
})
