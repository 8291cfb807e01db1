/** The booking rules and free slots, judged in Asia/Shanghai whatever the machine's zone. */
import { addDays, defaultNoticeHours, freeSlots, nearestFree, refusalOf, spanOf, type BookingRules } from '../../src/domain/resources'

const rules: BookingRules = { noticeHours: 24, maxDaysAhead: 30, minMinutes: 60, maxMinutes: 180, bufferBeforeMin: 30, bufferAfterMin: 15, cancelHours: 24, needsApproval: false,
  openFromMin: 9 * 60, openToMin: 17 * 60, closedWeekdays: [], unitMonthHours: null, seated: false }
const at = (local: string) => new Date(`${local}:00+08:00`)

describe('booking rules', () => {
  it('counts 30 days ahead in Shanghai days, also late in the evening when UTC is still on the day before', () => {
    const now = at('2026-11-20T23:30')
    expect(refusalOf(rules, at('2026-12-20T09:00'), at('2026-12-20T10:00'), now)).toBeNull()
    expect(refusalOf(rules, at('2026-12-21T09:00'), at('2026-12-21T10:00'), now)?.code).toBe('too_far_ahead')
  })

  it('judges the notice in hours from now, and the length in minutes', () => {
    const now = at('2026-11-20T10:00')
    expect(refusalOf(rules, at('2026-11-21T09:59'), at('2026-11-21T11:00'), now)?.code).toBe('short_notice')
    expect(refusalOf(rules, at('2026-11-21T10:00'), at('2026-11-21T11:00'), now)).toBeNull()
    expect(refusalOf(rules, at('2026-11-23T10:00'), at('2026-11-23T10:59'), now)?.code).toBe('bad_length')
    expect(refusalOf(rules, at('2026-11-23T10:00'), at('2026-11-23T13:01'), now)?.code).toBe('bad_length')
    expect(refusalOf(rules, at('2026-11-23T10:00'), at('2026-11-23T10:00'), now)?.code).toBe('invalid_range')
    expect(refusalOf(rules, at('2026-11-19T10:00'), at('2026-11-19T11:00'), now)?.code).toBe('in_past')
    expect(defaultNoticeHours).toMatchObject({ venue: 24, expert: 72, course: 72 })
  })

  it('offers half-hour slots within the open hours whose span, buffers included, meets nothing busy', () => {
    const now = at('2026-11-20T10:00')
    const busy = [spanOf(rules, at('2026-11-23T10:00'), at('2026-11-23T11:00'))]
    const slots = freeSlots(rules, busy, now, '2026-11-23', 1, 60).map((s) => s.startsAt)
    // Nothing before: 09:00–10:00 ends inside the busy span's 30 minutes before. After: 11:00 and 11:15 start inside its 15 minutes after plus our 30 before.
    expect(slots[0]).toBe(at('2026-11-23T12:00').toISOString())
    expect(slots.at(-1)).toBe(at('2026-11-23T16:00').toISOString())
    expect(nearestFree(rules, busy, now, at('2026-11-23T10:00'), at('2026-11-23T11:00'))[0].startsAt).toBe(at('2026-11-23T12:00').toISOString())
  })

  it('offers exactly the slots the booking rules allow: every free slot passes them, and every half hour they allow is offered', () => {
    const now = at('2026-11-20T10:00')
    const strict: BookingRules = { ...rules, openFromMin: 8 * 60 + 30, openToMin: 19 * 60, closedWeekdays: [1], maxDaysAhead: 10 }
    const calendar = new Map([['2026-11-26', 'holiday' as const]])
    const busy = [spanOf(strict, at('2026-11-24T10:00'), at('2026-11-24T11:00'))]
    const free = freeSlots(strict, busy, now, '2026-11-19', 14, 90, calendar)
    const overlaps = (start: Date, end: Date) => busy.some((b) => spanOf(strict, start, end).from < b.to && b.from < spanOf(strict, start, end).to)
    for (let d = 0; d < 14; d++) {
      for (let minute = 0; minute < 24 * 60; minute += 30) {
        const start = new Date(Date.parse(`${addDays('2026-11-19', d)}T00:00:00+08:00`) + minute * 60_000)
        const end = new Date(start.getTime() + 90 * 60_000)
        const allowed = refusalOf(strict, start, end, now, calendar) === null && !overlaps(start, end)
        expect([start.toISOString(), free.some((s) => s.startsAt === start.toISOString())]).toEqual([start.toISOString(), allowed])
      }
    }
    expect(free.length).toBeGreaterThan(50)
  })
})
