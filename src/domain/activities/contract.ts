/** activities: activities at the sites, sign-ups with a waitlist, rotating check-in codes, attendance. */
import * as v from 'valibot'
import {
  activityKinds, audiences, CODE_PERIOD_MAX, CODE_PERIOD_MIN,
  type ActivityCode, type ActivityDetail, type ActivitySummary, type AttendanceRow, type SignupRow, type SignupStatus, type StudioSection,
} from '.'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { calendarDay, recordId, siteId } from '../schemas'
import { text } from '../text'

const id = recordId
export const activityId = id('活动编号')
const userId = id('人员编号')
const instant = (label: string) => v.pipe(v.string(`请填写${label}`), v.isoTimestamp(`${label}格式不正确`))
const reason = text('原因', { min: 2, max: 200 })

export const activitiesContract = {
  create: {
    input: v.object({
      siteId,
      kind: v.picklist(activityKinds, '请选择活动类型'),
      title: text('活动名称', { min: 2, max: 60 }),
      place: text('地点', { min: 1, max: 60 }),
      intro: v.optional(text('活动介绍', { max: 1000 }), ''),
      startsAt: instant('开始时间'),
      endsAt: instant('结束时间'),
      capacity: v.optional(v.pipe(v.number('名额必须是数字'), v.integer('名额必须是整数'), v.minValue(1, '名额至少为 1'), v.maxValue(10_000, '名额最多 10000'))),
      audience: v.optional(v.picklist(audiences, '请选择参加对象'), 'open'),
      sectors: v.optional(v.pipe(v.array(text('界别', { min: 1, max: 20 })), v.maxLength(20, '界别最多 20 个')), []),
      invitees: v.optional(v.pipe(v.array(userId), v.maxLength(500, '受邀人员最多 500 人')), []),
      topicId: v.optional(id('议题编号')),
      /** The other units co-hosting it (活动共办). */
      cohosts: v.optional(v.pipe(v.array(siteId), v.maxLength(10, '联办单位最多 10 个')), []),
      codePeriodS: v.optional(v.pipe(v.number(), v.integer('刷新间隔必须是整数'), v.minValue(CODE_PERIOD_MIN, `刷新间隔至少 ${CODE_PERIOD_MIN} 秒`), v.maxValue(CODE_PERIOD_MAX, `刷新间隔最多 ${CODE_PERIOD_MAX} 秒`)), 10),
      windowBeforeMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240, '签到提前量最多 240 分钟')), 30),
      windowAfterMin: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(240, '签到延后量最多 240 分钟')), 30),
    }),
    output: returns<{ id: number }>(),
  },
  list: {
    input: v.object({
      siteId: v.optional(siteId),
      kind: v.optional(v.picklist(activityKinds, '活动类型不正确')),
      day: v.optional(calendarDay('日期格式不正确')),
      mine: v.optional(v.boolean()),
      ...pageFields,
    }),
    output: returns<Page<ActivitySummary>>(),
  },
  get: { input: v.object({ activityId }), output: returns<ActivityDetail>() },
  signup: { input: v.object({ activityId }), output: returns<{ status: SignupStatus; position: number | null }>() },
  cancel: { input: v.object({ activityId, userId: v.optional(userId) }), output: returns<{ status: 'cancelled'; promoted: number | null }>() },
  code: { input: v.object({ activityId }), output: returns<ActivityCode>() },
  checkin: {
    input: v.object({
      scene: v.pipe(v.string('请扫描活动签到码'), v.minLength(1, '请扫描活动签到码'), v.maxLength(128, '签到码内容过长')),
      /** The page's activity, when the page was opened for one: a token of another activity is refused. */
      activityId: v.optional(activityId),
      /** WeChat's launch scene of the page, when it opened from a scan outside the app. */
      entryScene: v.optional(v.pipe(v.number(), v.integer())),
    }),
    output: returns<{ activityId: number; title: string; at: string; points: number }>(),
  },
  signups: { input: v.object({ activityId, ...pageFields }), output: returns<Page<SignupRow>>() },
  attendance: { input: v.object({ activityId, ...pageFields }), output: returns<Page<AttendanceRow> & { count: number }>() },
  attend: { input: v.object({ activityId, userId, reason }), output: returns<{ count: number }>() },
  unattend: { input: v.object({ activityId, userId, reason }), output: returns<{ count: number }>() },
  exportAttendance: { input: v.object({ activityId }), output: returns<{ filename: string; csv: string }>() },
  studio: { input: v.object({ siteId }), output: returns<StudioSection>() },
}
