/**
 * Time rules. Every day and window is judged in Asia/Shanghai (UTC+8, no daylight saving since
 * 1991), whatever zone the machine runs in: cloud runtimes run in UTC.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

function shifted(at: Date): Date {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS)
}

/** The Asia/Shanghai calendar day of an instant, as YYYY-MM-DD. */
export function shanghaiDay(at: Date): string {
  return shifted(at).toISOString().slice(0, 10)
}

/** The instants where the Asia/Shanghai day holding `at` starts (inclusive) and ends (exclusive). */
export function shanghaiDayBounds(at: Date): { start: Date; end: Date } {
  const start = new Date(`${shanghaiDay(at)}T00:00:00+08:00`)
  return { start, end: new Date(start.getTime() + 24 * 60 * 60 * 1000) }
}

/** HH:mm of an instant in Asia/Shanghai. */
export function shanghaiClock(at: Date): string {
  return shifted(at).toISOString().slice(11, 16)
}

/** "YYYY-MM-DD HH:mm" of an instant in Asia/Shanghai, for display. */
export function shanghaiDateTime(at: Date | string): string {
  const when = typeof at === 'string' ? new Date(at) : at
  return `${shanghaiDay(when)} ${shanghaiClock(when)}`
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** A calendar day for a list's heading: 2026-12-03 → 12 月 3 日 周四. */
export function dayHeading(day: string): string {
  const weekday = WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]
  return `${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日 ${weekday}`
}
