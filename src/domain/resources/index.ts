/**
 * 联盟资源清单 and 一键预约: the kinds of shareable resources, a booking's states, the booking rules
 * and the free slots of a day. Pure: the server judges with the same rules (and the database's
 * exclusion constraint has the last word on overlaps); the pages show the same slots.
 */
import type { Calendar } from '../feedback'
import { shanghaiDay } from '../time'

export const resourceKinds = ['venue', 'expert', 'course', 'data'] as const
export type ResourceKind = (typeof resourceKinds)[number]
export const resourceKindLabels: Record<ResourceKind, string> = { venue: '场地', expert: '专家', course: '课程', data: '数据' }

export const resourceStatuses = ['open', 'closed'] as const
export type ResourceStatus = (typeof resourceStatuses)[number]
export const resourceStatusLabels: Record<ResourceStatus, string> = { open: '开放预约', closed: '暂停预约' }

/** Every state a booking can be in; the migration's CHECK list equals it (tests/unit/statuses.test.ts). */
export const bookingStatuses = ['pending', 'confirmed', 'declined', 'cancelled', 'checked_in', 'expired', 'no_show'] as const
export type BookingStatus = (typeof bookingStatuses)[number]
/** The states that hold the slot: the exclusion constraints' WHERE lists exactly these. */
export const countingStatuses = ['pending', 'confirmed', 'checked_in'] as const satisfies readonly BookingStatus[]
export const bookingStatusLabels: Record<BookingStatus, string> = {
  pending: '待审核',
  confirmed: '已预约',
  declined: '未通过',
  cancelled: '已取消',
  checked_in: '已签到',
  expired: '审核超时',
  no_show: '未到场',
}
export const isCounting = (status: BookingStatus) => (countingStatuses as readonly string[]).includes(status)

/** Notice needed by kind: venues a day, experts and courses three days (data is requested, not booked). */
export const defaultNoticeHours: Record<ResourceKind, number> = { venue: 24, expert: 72, course: 72, data: 72 }
export const MAX_DAYS_AHEAD = 30
/** Active bookings (holding a slot, not yet over) one person may have at once. */
export const BOOKING_QUOTA = 3
/** A resource's opening hours when its unit sets none: minutes after Shanghai midnight. */
export const DEFAULT_OPEN_FROM_MIN = 8 * 60
export const DEFAULT_OPEN_TO_MIN = 20 * 60
/** Venue-hours one unit may book of a venue in a Shanghai month, when its owner sets no other cap. */
export const DEFAULT_UNIT_MONTH_HOURS = 20

export interface BookingRules {
  noticeHours: number
  maxDaysAhead: number
  minMinutes: number
  maxMinutes: number
  bufferBeforeMin: number
  bufferAfterMin: number
  cancelHours: number
  needsApproval: boolean
  /** Opening hours, minutes after Shanghai midnight: a booking lies within one day's [from, to). */
  openFromMin: number
  openToMin: number
  /** ISO weekdays (1 Monday … 7 Sunday) it is closed on; statutory holidays are always closed. */
  closedWeekdays: number[]
  /** Hours one unit may book of it in a Shanghai month (null: no cap). */
  unitMonthHours: number | null
  /** Booked by the seat: bookings of the same times share a session of `capacity` seats. */
  seated: boolean
}

export interface ResourceSummary {
  id: number
  siteId: string
  siteName: string
  parentId: number | null
  kind: ResourceKind
  name: string
  description: string
  capacity: number | null
  tags: string[]
  status: ResourceStatus
  needsApproval: boolean
}

export interface ResourceDetail extends ResourceSummary {
  rules: BookingRules
  parentName: string | null
  children: { id: number; name: string }[]
  /** The caller manages the owning unit: they may edit it and decide its bookings. */
  manages: boolean
}

export interface Span {
  startsAt: string
  endsAt: string
}

export interface Booking extends Span {
  id: number
  resourceId: number
  resourceName: string
  kind: ResourceKind
  siteId: string
  siteName: string
  forSiteId: string | null
  forSiteName: string | null
  personName: string | null
  purpose: string
  status: BookingStatus
  note: string | null
  /** Until when the booker may cancel it themselves. */
  cancelBy: string
}

export type BookingRefusal = 'invalid_range' | 'in_past' | 'too_far_ahead' | 'short_notice' | 'bad_length' | 'closed_day' | 'outside_hours'

const HOUR = 60 * 60 * 1000
const MINUTE = 60 * 1000
const DAY = 24 * HOUR

/** The Shanghai day `days` after `day` (YYYY-MM-DD). */
export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
/** ISO weekday (1 Monday … 7 Sunday) of a Shanghai day. */
export const isoWeekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay() || 7
/** Whether the resource is closed on a Shanghai day: a statutory holiday of the calendar, or a weekday it closes on. */
export const isClosedDay = (rules: Pick<BookingRules, 'closedWeekdays'>, day: string, calendar: Calendar) =>
  calendar.get(day) === 'holiday' || rules.closedWeekdays.includes(isoWeekday(day))
/** "08:00—20:00": the opening hours for a message or a page. */
export const openHoursLabel = (rules: Pick<BookingRules, 'openFromMin' | 'openToMin'>) => `${clockOf(rules.openFromMin)}—${clockOf(rules.openToMin)}`

/**
 * Why a booking of [start, end) made at `now` breaks the rules, or null. Days are Shanghai days;
 * `calendar` is the holiday calendar (feedback's), whose holidays close every resource.
 */
export function refusalOf(rules: BookingRules, start: Date, end: Date, now: Date, calendar: Calendar = new Map()): { code: BookingRefusal; message: string } | null {
  if (end.getTime() <= start.getTime()) return { code: 'invalid_range', message: '结束时间须晚于开始时间' }
  if (start.getTime() < now.getTime()) return { code: 'in_past', message: '不能预约已经过去的时间' }
  if (shanghaiDay(start) > addDays(shanghaiDay(now), rules.maxDaysAhead)) {
    return { code: 'too_far_ahead', message: `最多可预约 ${rules.maxDaysAhead} 天内的时段` }
  }
  if (start.getTime() < now.getTime() + rules.noticeHours * HOUR) {
    return { code: 'short_notice', message: `该资源需提前 ${rules.noticeHours} 小时预约` }
  }
  const minutes = (end.getTime() - start.getTime()) / MINUTE
  if (minutes < rules.minMinutes || minutes > rules.maxMinutes) {
    return { code: 'bad_length', message: `每次预约时长须在 ${rules.minMinutes}—${rules.maxMinutes} 分钟之间` }
  }
  const day = shanghaiDay(start)
  if (isClosedDay(rules, day, calendar)) return { code: 'closed_day', message: '该日为节假日或闭馆日，不开放预约，请选择其他日期' }
  const midnight = Date.parse(`${day}T00:00:00+08:00`)
  if ((start.getTime() - midnight) / MINUTE < rules.openFromMin || (end.getTime() - midnight) / MINUTE > rules.openToMin) {
    return { code: 'outside_hours', message: `开放时间为每天 ${openHoursLabel(rules)}，请在开放时间内预约` }
  }
  return null
}

/** The time a booking takes from its resource: the booking with its buffers. */
export function spanOf(rules: Pick<BookingRules, 'bufferBeforeMin' | 'bufferAfterMin'>, start: Date, end: Date): { from: Date; to: Date } {
  return { from: new Date(start.getTime() - rules.bufferBeforeMin * MINUTE), to: new Date(end.getTime() + rules.bufferAfterMin * MINUTE) }
}

/** The instant before which the booker may cancel. */
export const cancelDeadline = (rules: Pick<BookingRules, 'cancelHours'>, start: Date) => new Date(start.getTime() - rules.cancelHours * HOUR)

/**
 * The starts (epoch ms) of the free slots of `minutes` for a resource: on the half hour within the
 * opening hours of each open Shanghai day from `from` for `days` days, that the rules allow at
 * `now` and whose span (buffers included) meets no busy span. The same rules as `refusalOf`,
 * judged once per call and per day rather than per slot (availability runs it over 200 resources
 * × 30 days; tests/unit/resources.test.ts holds the two to each other).
 */
export function freeStarts(
  rules: BookingRules, busy: readonly { from: Date; to: Date }[], now: Date, from: string, days: number, minutes: number, calendar: Calendar = new Map(),
): number[] {
  if (minutes < rules.minMinutes || minutes > rules.maxMinutes) return []
  const taken = busy.map((b) => [b.from.getTime(), b.to.getTime()]).sort((x, y) => x[0] - y[0])
  const earliest = Math.max(now.getTime(), now.getTime() + rules.noticeHours * HOUR)
  const first = Date.parse(`${from}T00:00:00+08:00`)
  const last = Date.parse(`${addDays(shanghaiDay(now), rules.maxDaysAhead)}T00:00:00+08:00`)
  const holidays = holidayMidnights(calendar)
  const closed = new Set(rules.closedWeekdays)
  const weekday = isoWeekday(from)
  const [before, after, length] = [rules.bufferBeforeMin * MINUTE, rules.bufferAfterMin * MINUTE, minutes * MINUTE]
  const starts: number[] = []
  let next = 0
  for (let d = 0, midnight = first; d < days && midnight <= last; d++, midnight += DAY) {
    if (holidays.has(midnight) || closed.has(((weekday - 1 + d) % 7) + 1)) continue
    const open = midnight + rules.openFromMin * MINUTE
    const close = midnight + rules.openToMin * MINUTE
    // Busy spans ending before this day's first span cannot meet any later slot either.
    while (next < taken.length && taken[next][1] <= open - before) next++
    for (let at = open; at + length <= close; at += 30 * MINUTE) {
      if (at < earliest) continue
      let free = true
      for (let i = next; i < taken.length && taken[i][0] < at + length + after; i++) {
        if (at - before < taken[i][1]) {
          free = false
          break
        }
      }
      if (free) starts.push(at)
    }
  }
  return starts
}

/** The Shanghai midnights (epoch ms) of a calendar's holidays, worked out once per calendar. */
const holidayCache = new WeakMap<Calendar, Set<number>>()
function holidayMidnights(calendar: Calendar): Set<number> {
  let found = holidayCache.get(calendar)
  if (!found) {
    found = new Set([...calendar].filter(([, kind]) => kind === 'holiday').map(([day]) => Date.parse(`${day}T00:00:00+08:00`)))
    holidayCache.set(calendar, found)
  }
  return found
}

/** A slot of `minutes` from a start (epoch ms). */
export const slotAt = (start: number, minutes: number): Span => ({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + minutes * MINUTE).toISOString() })

/** The free slots themselves (see `freeStarts`). */
export const freeSlots = (...args: Parameters<typeof freeStarts>): Span[] => freeStarts(...args).map((start) => slotAt(start, args[5]))

/** The free slots of the same length nearest to a refused request (at most `count`), nearest first. */
export function nearestFree(
  rules: BookingRules, busy: readonly { from: Date; to: Date }[], now: Date, start: Date, end: Date, calendar: Calendar = new Map(), count = 3,
): Span[] {
  const minutes = Math.round((end.getTime() - start.getTime()) / MINUTE)
  const first = shanghaiDay(start) < shanghaiDay(now) ? shanghaiDay(now) : shanghaiDay(start)
  const around = freeSlots(rules, busy, now, addDays(first, -3), 7, minutes, calendar)
  return around
    .map((slot) => ({ slot, distance: Math.abs(Date.parse(slot.startsAt) - start.getTime()) }))
    .sort((a, b) => a.distance - b.distance || Date.parse(a.slot.startsAt) - Date.parse(b.slot.startsAt))
    .slice(0, count)
    .map(({ slot }) => slot)
}
