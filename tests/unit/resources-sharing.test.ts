/** Matching (高效匹配) on fixtures, and the iCalendar writer for bookings. */
import { escapeText, foldLine, icsCalendar } from '../../src/domain/ics'
import { bookingIcs, bookingUid, phoneEvent, unitFeed, type CalendarBooking } from '../../src/domain/resources/ics'
import { matchedTags, rankResources, type MatchCandidate } from '../../src/domain/resources/match'

const origin = { lat: 37.45, lng: 116.3 }
const KM_LAT = 1 / 111.195
const week = ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']
const candidate = (id: number, extra: Partial<MatchCandidate>): MatchCandidate => ({
  id, name: `资源${id}`, kind: 'venue', siteId: 'F01', siteName: '区图书馆', capacity: null, tags: [], ...origin, freeDays: [], ...extra,
})
const fixtures = [
  candidate(5, { name: '远处读书角', capacity: 30, tags: ['读书会'], lat: origin.lat + 20 * KM_LAT }),
  candidate(4, { name: '议事厅乙', capacity: 60, tags: ['协商沙龙'], freeDays: ['2026-11-21'], lat: origin.lat + 1.2 * KM_LAT }),
  candidate(2, { name: '议事厅甲', capacity: 60, tags: ['协商沙龙'], freeDays: ['2026-11-21'], lat: origin.lat + 1.2 * KM_LAT }),
  candidate(1, { name: '报告厅', capacity: 120, tags: ['协商沙龙', '讲座'], freeDays: week }),
  candidate(3, { name: '吴非繁委员·法律咨询', kind: 'expert', tags: ['法律服务', '社会法制界'], freeDays: week.slice(2), lat: origin.lat + 3 * KM_LAT }),
]

describe('matching', () => {
  const plan = { terms: ['协商沙龙'], audience: 60, origin, days: week }

  it('ranks by tags, free time, distance and capacity, with the reasons shown, ties broken by id', () => {
    const ranked = rankResources(fixtures, plan)
    // A room just the audience's size, named exactly, free on Saturday and near, before a hall twice the size free all week here.
    expect(ranked.map((r) => r.id)).toEqual([2, 4, 1, 3, 5])
    expect(ranked[0].reasons).toEqual(['可容纳 60 人', '周六有空', '距离 1.2 km', '相关：协商沙龙'])
    expect(ranked[2].reasons).toEqual(['可容纳 120 人', '周六有空', '就在本单位', '相关：协商沙龙'])
    expect(ranked[3].reasons).toEqual(['周一有空', '距离 3.0 km'])
    expect(ranked[4].reasons).toEqual(['仅容纳 30 人', '所选时间内已约满', '距离 20.0 km'])
    expect(ranked[0].score).toBe(ranked[1].score)
    // The same candidates in any order give the same ranking.
    expect(rankResources([...fixtures].reverse(), plan)).toEqual(ranked)
    expect(rankResources(fixtures, plan, 2).map((r) => r.id)).toEqual([2, 4])
  })

  it('lets a topic\'s title match tags it contains or shares two characters with, and names a day beyond a week by date', () => {
    expect(matchedTags(['法律服务', '社会法制界', '国学'], { terms: [], title: '老旧小区物业纠纷的法律问题' })).toEqual(['法律服务'])
    const ranked = rankResources(fixtures, { terms: [], title: '物业纠纷法律咨询', origin, days: [...week, '2026-11-28'] })
    expect(ranked[0]).toMatchObject({ id: 3, matchedTags: ['法律服务'] })
    expect(ranked[0].reasons).toContain('11月23日周一有空')
  })

  it('gives no distance without an origin and a neutral capacity without an audience', () => {
    const [first] = rankResources([fixtures[3]], { terms: ['讲座'], days: week })
    expect(first).toMatchObject({ distanceKm: null, reasons: ['可容纳 120 人', '周六有空', '相关：讲座'] })
  })
})


const booking = (extra: Partial<CalendarBooking> = {}): CalendarBooking => ({
  id: 42, sequence: 0, status: 'confirmed', startsAt: new Date('2026-11-23T06:00:00Z'), endsAt: new Date('2026-11-23T08:00:00Z'),
  resourceName: '三楼报告厅', siteName: '区图书馆', purpose: '民生圆桌会; 第3期, 议题：加装电梯\n请带证件', forSiteName: '产业园', ...extra,
})
const stamp = new Date('2026-11-20T02:00:00Z')
const unfold = (ics: string) => ics.replace(/\r\n /g, '')

describe('iCalendar', () => {
  it('writes a booking with a stable UID, its SEQUENCE, UTC times, escaped text and CRLF lines', () => {
    const ics = bookingIcs(booking(), stamp)
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const text = unfold(ics)
    expect(text).toContain('METHOD:PUBLISH\r\n')
    expect(text).toContain(`UID:${bookingUid(42)}\r\nSEQUENCE:0\r\nDTSTAMP:20261120T020000Z\r\nDTSTART:20261123T060000Z\r\nDTEND:20261123T080000Z\r\n`)
    expect(text).toContain('DESCRIPTION:民生圆桌会\\; 第3期\\, 议题：加装电梯\\n请带证件\\n预约单位：产业园\r\n')
    expect(text).toContain('STATUS:CONFIRMED')
    expect(unfold(bookingIcs(booking({ status: 'pending', sequence: 0 }), stamp))).toContain('SUMMARY:三楼报告厅（待审核）\r\n')
    expect(escapeText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne')
  })

  it('cancels with METHOD:CANCEL, the same UID and the higher SEQUENCE', () => {
    for (const status of ['cancelled', 'declined'] as const) {
      const text = unfold(bookingIcs(booking({ status, sequence: 2 }), stamp))
      expect(text).toContain('METHOD:CANCEL\r\n')
      expect(text).toContain(`UID:${bookingUid(42)}\r\nSEQUENCE:2\r\n`)
      expect(text).toContain('STATUS:CANCELLED\r\n')
    }
  })

  it('folds lines at 75 octets without splitting a character', () => {
    const long = `SUMMARY:${'协商民主实践中心联盟'.repeat(12)}abc`
    const folded = foldLine(long)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(3)
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75)
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true)
    expect(unfold(folded)).toBe(long)
    expect(foldLine('short')).toBe('short')
  })

  it('writes a unit\'s feed with its name and every booking, and the phone calendar\'s event in unix seconds', () => {
    const feed = unfold(unitFeed('区图书馆', [booking(), booking({ id: 43, status: 'cancelled', sequence: 1 })], stamp))
    expect(feed).toContain('X-WR-CALNAME:区图书馆·资源预约\r\n')
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2)
    expect(feed).toContain(`UID:${bookingUid(43)}\r\nSEQUENCE:1\r\n`)
    expect(phoneEvent(booking())).toEqual({
      title: '三楼报告厅', startTime: 1795413600, endTime: 1795420800, location: '区图书馆 三楼报告厅',
      description: '民生圆桌会; 第3期, 议题：加装电梯\n请带证件\n预约单位：产业园', alarmOffset: 3600,
    })
    expect(icsCalendar({ method: 'PUBLISH', events: [] })).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//xieshang-lianmeng//calendar//ZH\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n')
  })
})
