import { shanghaiClock, shanghaiDateTime, shanghaiDay, shanghaiDayBounds } from '../../src/domain/time'

describe('Asia/Shanghai days', () => {
  it('starts the day at 16:00 UTC, whatever zone the machine runs in', () => {
    expect(shanghaiDay(new Date('2026-11-20T15:59:59.999Z'))).toBe('2026-11-20')
    expect(shanghaiDay(new Date('2026-11-20T16:00:00.000Z'))).toBe('2026-11-21')
  })

  it('is already the next day in Shanghai just after UTC midnight is still hours away', () => {
    expect(shanghaiDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01')
    expect(shanghaiDay(new Date('2027-01-01T00:00:00+08:00'))).toBe('2027-01-01')
  })

  it('bounds a day as 24 hours from Shanghai midnight', () => {
    const { start, end } = shanghaiDayBounds(new Date('2026-11-20T18:00:00Z'))
    expect(start.toISOString()).toBe('2026-11-20T16:00:00.000Z')
    expect(end.toISOString()).toBe('2026-11-21T16:00:00.000Z')
  })

  it('shows clock times in Shanghai', () => {
    expect(shanghaiClock(new Date('2026-11-20T01:05:00Z'))).toBe('09:05')
    expect(shanghaiDateTime('2026-11-20T16:30:00Z')).toBe('2026-11-21 00:30')
  })
})
