/** feedback: 交办督复评, units, the holiday calendar, outcomes (公示), ratings (好差评), unit figures. */
import * as v from 'valibot'
import { returns } from '../contract'
import { MONTH } from '../cycle'
import type { Appeal, AssignmentView, Outcome, Story, Unit, UnitStatsRow } from '.'
import { pageFields, type Page } from '../page'
import { calendarDay, recordId, siteId, unitId } from '../schemas'
import { text } from '../text'
import { topicCategories, type TopicState } from '../topics'
import { PHOTO_ID } from '../photos'
import { topicIdSchema as topicId } from '../topics/contract'

const id = recordId
const assignmentId = id('交办编号')
const day = calendarDay('日期格式应为 YYYY-MM-DD')
const month = v.pipe(v.string('请提供月份'), v.regex(MONTH, '月份格式应为 YYYY-MM'))
const photos = v.optional(
  v.pipe(v.array(v.pipe(v.string('照片格式不正确'), v.regex(PHOTO_ID, '照片只能是 JPG 或 PNG 图片'))), v.maxLength(6, '最多 6 张照片')),
  [],
)
const workingDays = v.pipe(v.number('办理时限须为数字'), v.integer('办理时限须为整数'), v.minValue(1, '办理时限至少 1 个工作日'), v.maxValue(120, '办理时限最多 120 个工作日'))

export const feedbackContract = {
  units: { input: v.object({}), output: returns<Unit[]>() },
  saveUnit: { input: v.object({ id: unitId, name: text('单位名称', { min: 2, max: 40 }) }), output: returns<Unit>() },
  calendar: {
    input: v.object({ year: v.pipe(v.number('请提供年份'), v.integer(), v.minValue(2020, '年份不正确'), v.maxValue(2100, '年份不正确')) }),
    output: returns<{ days: { day: string; kind: 'holiday' | 'workday'; name: string }[]; dueDays: Record<string, number> }>(),
  },
  setDay: {
    input: v.object({ day, kind: v.picklist(['holiday', 'workday', 'normal'] as const, '请选择日期类型'), name: v.optional(text('名称', { max: 20 }), '') }),
    output: returns<{ day: string; kind: 'holiday' | 'workday' | 'normal' }>(),
  },
  setDueDays: {
    input: v.object({ category: v.picklist(topicCategories, '请选择议题类别'), days: workingDays }),
    output: returns<{ category: string; days: number }>(),
  },
  assign: {
    input: v.object({
      topicId,
      units: v.pipe(
        v.array(v.object({ unitId, dueDays: v.optional(workingDays), dueDate: v.optional(day) }), '请选择承办单位'),
        v.minLength(1, '请选择至少一个承办单位'),
        v.maxLength(10, '承办单位最多 10 个'),
      ),
      note: v.optional(text('交办说明', { max: 500 })),
    }),
    output: returns<{ state: TopicState; assignments: AssignmentView[] }>(),
  },
  assignments: {
    input: v.object({
      unitId: v.optional(unitId),
      topicId: v.optional(topicId),
      open: v.optional(v.boolean()),
      ...pageFields,
    }),
    output: returns<Page<AssignmentView>>(),
  },
  acknowledge: { input: v.object({ assignmentId }), output: returns<AssignmentView>() },
  progress: {
    input: v.object({ assignmentId, note: text('办理进展', { min: 2, max: 1000 }), photos, reassign: v.optional(v.boolean(), false) }),
    output: returns<AssignmentView>(),
  },
  reassign: {
    input: v.object({ assignmentId, approve: v.boolean('请选择是否同意'), note: text('说明', { min: 2, max: 500 }), toUnitId: v.optional(unitId) }),
    output: returns<{ state: TopicState; assignments: AssignmentView[] }>(),
  },
  reply: {
    input: v.object({ assignmentId, reply: text('答复内容', { min: 5, max: 2000 }), photos }),
    output: returns<{ assignment: AssignmentView; state: TopicState }>(),
  },
  supervise: { input: v.object({ topicId, note: text('督办说明', { min: 2, max: 500 }) }), output: returns<{ state: TopicState; level: number }>() },
  publish: { input: v.object({ topicId, summary: text('办理结果', { min: 5, max: 1000 }) }), output: returns<{ state: TopicState }>() },
  outcomes: { input: v.object({ siteId: v.optional(siteId), category: v.optional(v.picklist(topicCategories, '议题类别不正确')), ...pageFields }), output: returns<Page<Outcome>>() },
  story: { input: v.object({ topicId }), output: returns<Story>() },
  rate: {
    input: v.object({
      topicId,
      score: v.pipe(v.number('请选择评价'), v.integer('评价不正确'), v.minValue(1, '评价不正确'), v.maxValue(5, '评价不正确')),
      comment: v.optional(text('评价意见', { max: 300 })),
      change: v.optional(v.boolean(), false),
    }),
    output: returns<{ score: number; state: TopicState; reopened: boolean }>(),
  },
  appeal: { input: v.object({ ratingId: id('评价编号'), reason: text('申诉理由', { min: 5, max: 500 }) }), output: returns<Appeal>() },
  decideAppeal: {
    input: v.object({ appealId: id('申诉编号'), uphold: v.boolean('请选择是否支持申诉'), note: text('说明', { min: 2, max: 500 }) }),
    output: returns<Appeal>(),
  },
  unitStats: {
    /** Without months: the twelve months ending with the current one (Asia/Shanghai), as the answer says. */
    input: v.object({ from: v.optional(month), to: v.optional(month), csv: v.optional(v.boolean(), false) }),
    output: returns<{ from: string; to: string; rows: UnitStatsRow[]; csv: string | null }>(),
  },
}
