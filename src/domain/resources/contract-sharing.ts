/**
 * resources' actions beyond the list and the booking: matching (高效匹配), the calendar, experts'
 * invitations, data requests and a booking becoming an activity. Served by the same function.
 */
import * as v from 'valibot'
import { bookingStatuses, resourceKinds, type Booking } from '.'
import { activityKinds } from '../activities'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { calendarDay, recordId, siteId } from '../schemas'
import { text } from '../text'
import { bookingId, resourceId } from './contract'
import type { MatchResult } from './match'
import { dataRequestStatuses, deidLevels, type DataRequest, type ExpertContact, type PhoneCalendarEvent } from './sharing'

const count = (label: string, min: number, max: number) =>
  v.pipe(v.number(`${label}必须是数字`), v.integer(`${label}必须是整数`), v.minValue(min, `${label}至少为 ${min}`), v.maxValue(max, `${label}最多为 ${max}`))
const terms = (label: string) => v.optional(v.pipe(v.array(text(label, { min: 1, max: 20 })), v.maxLength(10, `${label}最多 10 个`)), [])
const requestId = recordId('申请编号')
/** A link's token as issued: base64url pieces joined by dots; anything else is refused before any read. */
const token = v.pipe(v.string('请提供下载链接'), v.regex(/^[A-Za-z0-9_-]{1,40}\.[A-Za-z0-9_-]{1,40}$/, '下载链接无效'))

export const sharingContract = {
  match: {
    input: v.object({
      topicId: v.optional(recordId('议题编号')),
      tags: terms('标签'),
      sectors: terms('界别'),
      /** The window's first Shanghai day; absent: the server's today. */
      from: v.optional(calendarDay('日期格式不正确')),
      days: v.optional(count('天数', 1, 14), 7),
      audience: v.optional(count('参加人数', 1, 10_000)),
      /** Where the plan takes place; absent: the topic's site, else the caller's first unit. */
      siteId: v.optional(siteId),
      kind: v.optional(v.picklist(resourceKinds, '资源类型不正确')),
      minutes: v.optional(count('时长', 15, 24 * 60), 120),
      limit: v.optional(count('数量', 1, 50), 20),
    }),
    output: returns<{ items: MatchResult[] }>(),
  },
  /** A booking's .ics file (h5) and what the phone calendar is given (weapp). */
  calendar: {
    input: v.object({ bookingId }),
    output: returns<{ filename: string; ics: string; uid: string; sequence: number; event: PhoneCalendarEvent }>(),
  },
  /** A new secret feed link for a unit's bookings (the old one stops working). */
  feedLink: { input: v.object({ siteId }), output: returns<{ path: string }>() },
  feedRevoke: { input: v.object({ siteId }), output: returns<{ revoked: boolean }>() },

  /** An expert's (or course's) extra details: the member who is the expert, the contact shown once they accept, a data set's fields. */
  details: {
    input: v.object({
      resourceId,
      expertUserId: v.optional(v.nullable(recordId('专家用户编号'))),
      contact: v.optional(text('联系方式', { max: 60 })),
      dataFields: v.optional(v.pipe(v.array(text('字段', { min: 1, max: 30 })), v.maxLength(40, '字段最多 40 个'))),
    }),
    output: returns<{ id: number }>(),
  },
  /** Invitations to the caller as an expert, by state (pending first by default). */
  invitations: {
    input: v.object({ status: v.optional(v.picklist(bookingStatuses, '状态不正确'), 'pending'), ...pageFields }),
    output: returns<Page<Booking>>(),
  },
  respond: {
    input: v.object({ bookingId, accept: v.boolean('请选择接受或婉拒'), note: v.optional(text('说明', { max: 200 }), '') }),
    output: returns<{ status: 'confirmed' | 'declined' }>(),
  },
  contact: { input: v.object({ bookingId }), output: returns<ExpertContact>() },
  /** The session took place: it counts in the expert's duty record when they are a member. */
  held: { input: v.object({ bookingId }), output: returns<{ heldAt: string; points: number }>() },

  /** A data set's name, unit and the fields it offers (for the request form). */
  dataset: { input: v.object({ resourceId }), output: returns<{ id: number; name: string; siteName: string; fields: string[] }>() },
  requestData: {
    input: v.object({
      resourceId,
      purpose: text('用途', { min: 5, max: 500 }),
      fields: v.pipe(v.array(text('字段', { min: 1, max: 30 }), '请选择字段'), v.minLength(1, '请至少选择一个字段'), v.maxLength(40, '字段最多 40 个')),
      level: v.picklist(deidLevels, '请选择脱敏级别'),
      forSiteId: v.optional(siteId),
    }),
    output: returns<{ id: number; status: 'pending' }>(),
  },
  /** Data requests: mine, or (managers) those to the units I manage; by state. */
  dataRequests: {
    input: v.object({ mine: v.optional(v.boolean(), false), status: v.optional(v.picklist(dataRequestStatuses, '状态不正确')), ...pageFields }),
    output: returns<Page<DataRequest>>(),
  },
  decideData: {
    input: v.object({
      requestId,
      approve: v.boolean('请选择批准或不批准'),
      note: v.optional(text('说明', { max: 200 }), ''),
      /** The de-identified extract (CSV) the requester will download; needed to approve. */
      extract: v.optional(text('数据文件', { max: 200_000 }), ''),
    }),
    output: returns<{ status: 'approved' | 'declined'; expiresAt: string | null }>(),
  },
  download: { input: v.object({ token }), output: returns<{ filename: string; csv: string; expiresAt: string }>() },

  /** A confirmed venue booking becomes an activity at its place and time, hosted by the booking's unit with its co-hosts. */
  toActivity: {
    input: v.object({
      bookingId,
      title: text('活动名称', { min: 2, max: 60 }),
      kind: v.optional(v.picklist(activityKinds, '请选择活动类型'), 'salon'),
      intro: v.optional(text('活动介绍', { max: 1000 }), ''),
      cohosts: v.optional(v.pipe(v.array(siteId), v.maxLength(10, '联办单位最多 10 个')), []),
    }),
    output: returns<{ activityId: number; cohosts: string[] }>(),
  },
}
