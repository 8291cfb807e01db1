import { grantedPlatform } from '../../cloudfunctions/core/platform'
import { judgeText, localPlatform } from '../../cloudfunctions/core/platform-local'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`local platform on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
  })
  afterAll(() => rt.close())

  it('judges text like msgSecCheck v2: pass, review or risky', () => {
    expect(judgeText('希望小区增设电动车充电桩')).toBe('pass')
    expect(judgeText('兼职刷单请加微信')).toBe('review')
    expect(judgeText('网上赌博')).toBe('risky')
  })

  it('records each subscription message once under its key', async () => {
    const platform = localPlatform(rt.db, 'http://localhost:8080')
    await platform.sendSubscribe({ toOpenid: 'demo-resident', templateId: 'tpl', page: 'pages/mine/index', data: { thing1: { value: '签到成功' } }, dedupeKey: 'k1' })
    await platform.sendSubscribe({ toOpenid: 'demo-resident', templateId: 'tpl', page: 'pages/mine/index', data: { thing1: { value: '再次' } }, dedupeKey: 'k1' })
    const rows = await rt.db.query('SELECT to_openid, template_id, data FROM platform_messages')
    expect(rows).toEqual([{ to_openid: 'demo-resident', template_id: 'tpl', data: { thing1: { value: '签到成功' } } }])
  })

  it('refuses an openapi a function did not declare in its config', async () => {
    const platform = grantedPlatform(localPlatform(rt.db, 'http://localhost:8080'), ['wxacode.getUnlimited'])
    await expect(platform.siteCode('s=F01', 'packages/checkin/pages/scan/index')).resolves.toMatchObject({ target: expect.stringContaining('scene=s%3DF01') })
    expect(() => platform.checkText('你好', 'x')).toThrow('security.msgSecCheck is not granted')
  })
})
