/** resources: the alliance's resource list (联盟资源清单) and its bookings (一键预约). */
import * as v from 'valibot'
import { bookingStatuses, DEFAULT_OPEN_FROM_MIN, DEFAULT_OPEN_TO_MIN, resourceKinds, resourceStatuses, type Booking, type ResourceDetail, type ResourceSummary, type Span } from '.'
import type { Availability, Standing, Suspension } from './attendance'
import { MAX_OCCURRENCES, type Occurrence } from './series'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { calendarDay, recordId, siteId } from '../schemas'
import { text } from '../text'

export const resourceId = recordId('资源编号')
export const bookingId = recordId('预约编号')
const instant = (label: string) => v.pipe(v.string(`请填写${label}`), v.isoTimestamp(`${label}格式不正确`))
const whole = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.integer(`${label}必须是整数`), v.minValue(min, `${label}至少为 ${min}`), v.maxValue(max, `${label}最多为 ${max}`))
const reason = text('原因', { min: 2, max: 200 })
const dayMinute = (label: string) => whole(label, 0, 24 * 60)

export const resourcesContract = {
  list: {
    input: v.object({
      kind: v.optional(v.picklist(resourceKinds, '资源类型不正确')),
      siteId: v.optional(siteId),
      tag: v.optional(text('标签', { min: 1, max: 20 })),
      ...pageFields,
    }),
    output: returns<Page<ResourceSummary>>(),
  },
  get: { input: v.object({ resourceId }), output: returns<ResourceDetail>() },
  save: {
    input: v.object({
      /** Absent: a new resource. */
      resourceId: v.optional(resourceId),
      siteId,
      parentId: v.optional(v.nullable(resourceId)),
      kind: v.picklist(resourceKinds, '请选择资源类型'),
      name: text('名称', { min: 2, max: 40 }),
      description: v.optional(text('介绍', { max: 1000 }), ''),
      capacity: v.optional(v.nullable(whole('容纳人数', 1, 10_000))),
      tags: v.optional(v.pipe(v.array(text('标签', { min: 1, max: 20 })), v.maxLength(10, '标签最多 10 个')), []),
      /** Absent: the kind's default (venues 24, experts and courses 72). */
      noticeHours: v.optional(whole('提前预约小时数', 0, 720)),
      minMinutes: v.optional(whole('最短时长', 15, 24 * 60), 30),
      maxMinutes: v.optional(whole('最长时长', 15, 24 * 60), 240),
      bufferBeforeMin: v.optional(whole('前置准备时间', 0, 240), 0),
      bufferAfterMin: v.optional(whole('后置整理时间', 0, 240), 0),
      cancelHours: v.optional(whole('取消期限', 0, 720), 24),
      needsApproval: v.optional(v.boolean(), false),
      status: v.optional(v.picklist(resourceStatuses, '状态不正确'), 'open'),
      openFromMin: v.optional(dayMinute('开放开始时间'), DEFAULT_OPEN_FROM_MIN),
      openToMin: v.optional(dayMinute('开放结束时间'), DEFAULT_OPEN_TO_MIN),
      closedWeekdays: v.optional(v.pipe(v.array(whole('闭馆日', 1, 7)), v.maxLength(6, '每周至少开放一天')), []),
      /** Hours one unit may book of it in a Shanghai month; absent: venues 20, others no cap; null: no cap. */
      unitMonthHours: v.optional(v.nullable(whole('每单位每月时长上限', 1, 744))),
      seated: v.optional(v.boolean(), false),
    }),
    output: returns<{ id: number }>(),
  },
  book: {
    input: v.object({
      resourceId,
      startsAt: instant('开始时间'),
      endsAt: instant('结束时间'),
      purpose: v.optional(text('用途', { max: 200 }), ''),
      /** The unit the booker acts for; one they administer (their first one when absent). */
      forSiteId: v.optional(siteId),
      /** Weekly, `weeks` occurrences in all (this one included); all or nothing unless `partial`. */
      repeat: v.optional(v.object({ weeks: whole('重复周数', 2, MAX_OCCURRENCES), partial: v.optional(v.boolean(), false) })),
    }),
    /** The first booked occurrence; a series also answers each occurrence. */
    output: returns<{ id: number; status: 'pending' | 'confirmed'; occurrences?: Occurrence[] }>(),
  },
  /** The booker at the place, with the site's code, from 15 minutes before the start to 15 after. */
  checkin: { input: v.object({ bookingId, scene: text('签到码', { min: 1, max: 64 }) }), output: returns<{ status: 'checked_in' }>() },
  standing: { input: v.object({}), output: returns<Standing>() },
  /** Suspended bookers (staff), the latest first. */
  suspensions: { input: v.object({ ...pageFields }), output: returns<Page<Suspension>>() },
  /** Staff lift a suspension with a reason; the no-shows behind it are forgiven. */
  waive: { input: v.object({ suspensionId: recordId('暂停记录编号'), reason }), output: returns<{ lifted: true }>() },
  /** Free slots of many resources at once (by kind and site), for days from `from`: browsing "周六下午有空的场地". */
  availability: {
    input: v.object({
      kind: v.optional(v.picklist(resourceKinds, '资源类型不正确')),
      siteId: v.optional(siteId),
      from: v.optional(calendarDay('日期格式不正确')),
      days: v.optional(whole('天数', 1, 30), 7),
      minutes: v.optional(whole('时长', 15, 24 * 60), 60),
      ...pageFields,
    }),
    output: returns<Page<Availability>>(),
  },
  cancel: { input: v.object({ bookingId, reason: v.optional(reason) }), output: returns<{ status: 'cancelled' }>() },
  decide: {
    input: v.object({ bookingId, approve: v.boolean('请选择同意或不同意'), note: v.optional(text('说明', { max: 200 }), '') }),
    output: returns<{ status: 'confirmed' | 'declined' }>(),
  },
  mine: { input: v.object({ ...pageFields }), output: returns<Page<Booking>>() },
  /** Bookings of the units the caller manages (staff: every unit), pending first by default. */
  requests: {
    input: v.object({ status: v.optional(v.picklist(bookingStatuses, '状态不正确'), 'pending'), ...pageFields }),
    output: returns<Page<Booking>>(),
  },
  schedule: {
    input: v.object({
      resourceId,
      /** The first Shanghai day; absent: the server's today (a phone's clock may be off). */
      from: v.optional(calendarDay('日期格式不正确')),
      days: v.optional(whole('天数', 1, 14), 7),
      minutes: v.optional(whole('时长', 15, 24 * 60)),
    }),
    output: returns<{ busy: Span[]; free: Span[] }>(),
  },
}
