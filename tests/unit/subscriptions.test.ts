import fc from 'fast-check'
import { fieldObeys, fit, intentOf, messageData, templateKeys, templates, wxTime, type FieldKind } from '../../src/domain/notices/subscriptions'
import { can } from '../../src/domain/notices/permissions'

describe('subscription message templates', () => {
  const hostile = ['', '   ', '一'.repeat(60), 'a\n\tb', '😀'.repeat(30), '2026-11-20', 'Hello World 123', '已受理！', '“引号”<script>']

  it('fits any value of every field of every template to WeChat’s rule (thing ≤ 20, phrase ≤ 5 Chinese, time, number)', () => {
    for (const key of templateKeys) {
      for (const value of hostile) {
        const data = messageData(key, Object.fromEntries(Object.keys(templates[key].fields).map((field) => [field, value])))
        for (const [field, kind] of Object.entries(templates[key].fields) as [string, FieldKind][]) {
          expect([key, field, fieldObeys(kind, data[field].value)]).toEqual([key, field, true])
        }
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...templateKeys), fc.string({ maxLength: 80 }), (key, value) => {
        const data = messageData(key, Object.fromEntries(Object.keys(templates[key].fields).map((field) => [field, value])))
        return (Object.entries(templates[key].fields) as [string, FieldKind][]).every(([field, kind]) => fieldObeys(kind, data[field].value))
      }),
      { seed: 20261123, numRuns: 300 },
    )
  })

  it('keeps values that already fit, and shortens long ones with an ellipsis', () => {
    expect(fit('thing', '图书馆周边停车难')).toBe('图书馆周边停车难')
    expect(fit('thing', '关于开展“有事好商量”协商议事活动的通知，请各联盟点组织')).toBe('关于开展“有事好商量”协商议事活动的通…')
    expect(fit('phrase', '已受理')).toBe('已受理')
    expect(fit('phrase', '已进入月月说事投票')).toBe('已进入月月')
    expect(wxTime(new Date('2026-11-20T16:05:00Z'))).toBe('2026年11月21日 00:05')
    expect(fieldObeys('thing', '一'.repeat(21))).toBe(false)
    expect(fieldObeys('phrase', '已受理!')).toBe(false)
    expect(fieldObeys('time', '2026-11-20 10:00')).toBe(false)
  })

  it('sends a topic’s move as a topic progress message, and nothing for a notice without a template', () => {
    const at = new Date('2026-11-20T02:00:00Z')
    expect(intentOf({ title: '议题已受理', body: '您关注的议题“图书馆周边停车难”受理', link: '/packages/topics/pages/detail/index?id=7' }, at)).toEqual({
      template: 'topic_progress',
      values: { thing1: '图书馆周边停车难', phrase2: '已受理', time3: '2026年11月20日 10:00' },
    })
    expect(intentOf({ title: '投票异常提醒', body: '…', link: '/packages/topics/pages/manage/index' }, at)).toBeUndefined()
  })
})

describe('who may address whom', () => {
  const person = (grants: object[]) => ({ userId: 1, grants: [{ role: 'resident' }, ...grants] }) as never
  it('lets district staff address anyone and a site admin only their sites’ followers', () => {
    const staff = person([{ role: 'staff' }])
    const admin = person([{ role: 'site_admin', siteId: 'F01' }])
    expect(can(staff, 'publish', { audience: [{ kind: 'everyone' }] })).toBe(true)
    expect(can(admin, 'publish', { audience: [{ kind: 'sites', siteIds: ['F01'] }] })).toBe(true)
    expect(can(admin, 'publish', { audience: [{ kind: 'sites', siteIds: ['F01', 'F02'] }] })).toBe(false)
    expect(can(admin, 'publish', { audience: [{ kind: 'members' }] })).toBe(false)
    expect(can(admin, 'publish', { audience: [] })).toBe(false)
  })
})
