/** The rows of the resources feature's tables as its queries read them (snake_case, as stored). */
import type { BookingRules, BookingStatus, ResourceKind, ResourceStatus, ResourceSummary } from '../../src/domain/resources'

export type ResourceRow = {
  id: number
  site_id: string
  parent_id: number | null
  kind: ResourceKind
  name: string
  description: string
  capacity: number | null
  tags: string[]
  notice_hours: number
  max_days_ahead: number
  min_minutes: number
  max_minutes: number
  buffer_before_min: number
  buffer_after_min: number
  cancel_hours: number
  needs_approval: boolean
  status: ResourceStatus
  open_from_min: number
  open_to_min: number
  closed_weekdays: number[]
  unit_month_hours: number | null
  seated: boolean
}

/** A booking with the rules of its resource, as cancel, decide and check-in read it. */
export type BookingRow = {
  id: number
  resource_id: number
  site_id: string
  person_id: number
  starts_at: Date
  ends_at: Date
  status: BookingStatus
  session_id: number | null
  expires_at: Date | null
  name: string
  cancel_hours: number
}

/** A span a booking holds on a resource, with the booking's own times (buffers excluded). */
export type HoldRow = { span_from: Date; span_to: Date; starts_at: Date; ends_at: Date }

/** A resource as `get` reads it: the summary's columns (camelCase aliases) and its parent's name. */
export type SummaryRow = ResourceSummary & { parentName: string | null }

export type IdRow = { id: number }
export type StatusRow = { status: BookingStatus }
export type CountRow = { n: number }
export type HoursRow = { hours: number }
export type UntilRow = { ends_at: Date }
export type ChildRow = { id: number; name: string }

export const rulesOf = (r: ResourceRow): BookingRules => ({
  noticeHours: r.notice_hours,
  maxDaysAhead: r.max_days_ahead,
  minMinutes: r.min_minutes,
  maxMinutes: r.max_minutes,
  bufferBeforeMin: r.buffer_before_min,
  bufferAfterMin: r.buffer_after_min,
  cancelHours: r.cancel_hours,
  needsApproval: r.needs_approval,
  openFromMin: r.open_from_min,
  openToMin: r.open_to_min,
  closedWeekdays: r.closed_weekdays,
  unitMonthHours: r.unit_month_hours,
  seated: r.seated,
})
