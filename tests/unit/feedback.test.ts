/** 交办督复评's pure rules: working days over the calendar, the reopen rule, phone masking, who may act. */
import { calendarRows } from '../../cloudfunctions/host/demo-calendar'
import { addWorkingDays, nextWorkingDay, shouldReopen, type Calendar } from '../../src/domain/feedback'
import { can } from '../../src/domain/feedback/permissions'

const calendar: Calendar = new Map(calendarRows.map(([day, kind]) => [day, kind]))

describe('working days (2026 State Council calendar)', () => {
  it('counts 调休 weekends as working days and skips the holidays', () => {
    expect(addWorkingDays('2026-09-18', 1, calendar)).toBe('2026-09-20') // Sunday 20 Sep is a make-up working day
    expect(addWorkingDays('2026-09-18', 15, calendar)).toBe('2026-10-15')
    expect(addWorkingDays('2026-02-13', 1, calendar)).toBe('2026-02-14') // Saturday before the Spring Festival
    expect(addWorkingDays('2026-02-14', 1, calendar)).toBe('2026-02-24')
  })
  it('moves a due date on a non-working day to the next working day', () => {
    expect(nextWorkingDay('2026-10-03', calendar)).toBe('2026-10-08')
    expect(nextWorkingDay('2026-10-10', calendar)).toBe('2026-10-10')
    expect(nextWorkingDay('2026-10-11', calendar)).toBe('2026-10-12')
  })
})

describe('the reopen rule', () => {
  it('reopens on an average of at most 2 from at least 3 raters, or the proposer’s own 1–2', () => {
    expect(shouldReopen([1, 1], null)).toBe(false)
    expect(shouldReopen([1, 2, 4], null)).toBe(false)
    expect(shouldReopen([1, 2, 3], null)).toBe(true)
    expect(shouldReopen([5], 2)).toBe(true)
    expect(shouldReopen([3, 3, 3], 3)).toBe(false)
  })
})

it('lets a handler act only for their own unit, and staff hand over', () => {
  const handler = { userId: 7, grants: [{ role: 'resident' as const }, { role: 'unit_handler' as const, unitId: 'U01' }] }
  expect(can(handler, 'handle', { unitId: 'U01' })).toBe(true)
  expect(can(handler, 'handle', { unitId: 'U07' })).toBe(false)
  expect(can(handler, 'assign')).toBe(false)
  expect(can({ userId: 1, grants: [{ role: 'staff' }] }, 'assign')).toBe(true)
  expect(can({ userId: 2, grants: [{ role: 'resident' }] }, 'rate', { following: true })).toBe(true)
  expect(can({ userId: 2, grants: [{ role: 'resident' }] }, 'rate', {})).toBe(false)
})
