import { activityIcs, activityScene, parseActivityScene } from '../../src/domain/activities'
import { csv } from '../../src/domain/csv'
import { bandOf } from '../../src/domain/duty'
import { can } from '../../src/domain/activities/permissions'
import { SCENE_MAX_LENGTH } from '../../src/domain/scene'

describe('activity check-in scenes', () => {
  it('fit a WeChat scene for the largest ids and slots for decades, and read back', () => {
    const token = { activityId: 2_000_000_000, periodS: 10, slot: Math.floor(Date.parse('2060-01-01') / 10_000), mac: 'Ab_-0123456z' }
    const scene = activityScene(token)
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH)
    expect(parseActivityScene(scene)).toEqual({ ok: true, token })
    expect(parseActivityScene(encodeURIComponent(scene))).toEqual({ ok: true, token })
  })

  it('tells a printed site code from a malformed one', () => {
    expect(parseActivityScene('s=W01')).toMatchObject({ ok: false, siteCode: true })
    for (const bad of ['', 'a=', 'a=1.a.1', 'a=1.a.1.short', 'a=1.9.1.AAAAAAAAAAAA', 'a=1.1p.1.AAAAAAAAAAAA', 'a=0.a.1.AAAAAAAAAAAA', '%E0%A4%A']) {
      expect(parseActivityScene(bad).ok).toBe(false)
    }
  })
})

describe('files for people', () => {
  it('writes an .ics a calendar accepts, with its text escaped', () => {
    const ics = activityIcs({ id: 7, title: '书香政协·民生圆桌会, 第3期', place: '三楼报告厅', siteName: '区图书馆', intro: '一行\n二行',
      startsAt: '2026-11-20T06:00:00.000Z', endsAt: '2026-11-20T08:00:00.000Z' }, new Date('2026-11-01T00:00:00Z'))
    expect(ics).toContain('DTSTART:20261120T060000Z\r\nDTEND:20261120T080000Z\r\nSUMMARY:书香政协·民生圆桌会\\, 第3期\r\n')
    expect(ics).toContain('DESCRIPTION:一行\\n二行')
  })

  it('writes CSV with a BOM, quotes where needed, and no formulas', () => {
    expect(csv([['姓名', '备注'], ['纪英瑞', '说"好",谢谢'], ['=HYPERLINK("x")', '-1']])).toBe('\uFEFF姓名,备注\r\n纪英瑞,"说""好"",谢谢"\r\n"\'=HYPERLINK(""x"")",\'-1\r\n')
  })
})

describe('who may join and the bands', () => {
  const resident = { userId: 1, grants: [{ role: 'resident' as const }] }
  const member = { userId: 2, grants: [{ role: 'resident' as const }, { role: 'member' as const }] }
  it('follows the audience', () => {
    expect(can(resident, 'join', { siteId: 'W01', audience: 'open' })).toBe(true)
    expect(can(resident, 'join', { siteId: 'W01', audience: 'members' })).toBe(false)
    expect(can(member, 'join', { siteId: 'W01', audience: 'members' })).toBe(true)
    expect(can(member, 'join', { siteId: 'W01', audience: 'sectors', sectors: ['教育体育界'], memberSector: '文化艺术界' })).toBe(false)
    expect(can(member, 'join', { siteId: 'W01', audience: 'sectors', sectors: ['教育体育界'], memberSector: '教育体育界' })).toBe(true)
    expect(can(member, 'join', { siteId: 'W01', audience: 'invited', invited: false })).toBe(false)
    expect(can(member, 'manage', { siteId: 'W01', organiserId: 2 })).toBe(true)
    expect(can(member, 'manage', { siteId: 'W01', organiserId: 3 })).toBe(false)
  })
  it('bands a year at 60 and 90', () => {
    expect([59.9, 60, 89.9, 90].map((total) => bandOf(total))).toEqual(['fail', 'pass', 'pass', 'excellent'])
  })
})
