/** duty: the member's duty record (履职档案), every member's totals for staff, corrections. */
import * as v from 'valibot'
import { calendarDay, recordId } from '../schemas'
import { returns } from '../contract'
import { correctableKinds, type DutyMemberRow, type DutyYear } from '.'
import { pageFields, type Page } from '../page'
import { text } from '../text'

const year = v.pipe(v.number('请选择年度'), v.integer('年度不正确'), v.minValue(2000, '年度不正确'), v.maxValue(2100, '年度不正确'))
const userId = recordId('委员编号')

export const dutyContract = {
  mine: { input: v.object({ year: v.optional(year) }), output: returns<DutyYear>() },
  member: { input: v.object({ userId, year: v.optional(year) }), output: returns<DutyYear & { name: string }>() },
  members: {
    input: v.object({ year: v.optional(year), sort: v.optional(v.picklist(['total', 'name'] as const, '排序方式不正确'), 'total'), ...pageFields }),
    output: returns<Page<DutyMemberRow>>(),
  },
  export: { input: v.object({ year: v.optional(year) }), output: returns<{ filename: string; csv: string }>() },
  correct: {
    input: v.object({
      userId,
      day: calendarDay('日期格式不正确'),
      kind: v.optional(v.picklist(correctableKinds, '类别不正确'), 'correction'),
      points: v.pipe(v.number('分值必须是数字'), v.finite('分值必须是数字'), v.minValue(-100, '分值超出范围'), v.maxValue(100, '分值超出范围'),
        v.check((n) => Math.round(n * 10) === n * 10, '分值最多一位小数')),
      reason: text('更正原因', { min: 2, max: 200 }),
    }),
    output: returns<{ id: number; total: number }>(),
  },
}
