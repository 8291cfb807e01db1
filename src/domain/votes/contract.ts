/** votes: the monthly ballot of 月月说事: its settings, casting and withdrawing votes, results. */
import * as v from 'valibot'
import type { Ballot, CycleView, Results } from '.'
import { returns } from '../contract'
import { eligibilities } from '../cycle'
import { siteId } from '../schemas'
import { monthSchema, topicIdSchema } from '../topics/contract'

const day = (label: string) => v.optional(v.pipe(v.number(`${label}须为日期`), v.integer(`${label}须为日期`), v.minValue(1, `${label}须在 1–31 日`), v.maxValue(31, `${label}须在 1–31 日`)))
const count = (label: string, max: number) =>
  v.optional(v.pipe(v.number(`${label}须为数字`), v.integer(`${label}须为整数`), v.minValue(1, `${label}至少为 1`), v.maxValue(max, `${label}最多为 ${max}`)))

export const votesContract = {
  configure: {
    input: v.object({
      siteId,
      month: monthSchema,
      proposeFrom: day('征集开始日'),
      proposeTo: day('征集截止日'),
      voteFrom: day('投票开始日'),
      voteTo: day('投票截止日'),
      meetingDay: day('议事日'),
      winners: count('入选议题数', 20),
      minVotes: count('入选最少票数', 1000),
      votesPerPerson: count('每人票数', 10),
      eligibility: v.optional(v.picklist(eligibilities, '投票资格不正确')),
      eligibilityDays: count('签到天数', 365),
      liveCounts: v.optional(v.boolean()),
    }),
    output: returns<CycleView>(),
  },
  ballot: { input: v.object({ siteId, month: v.optional(monthSchema) }), output: returns<Ballot>() },
  cast: { input: v.object({ topicId: topicIdSchema }), output: returns<{ left: number }>() },
  withdraw: { input: v.object({ topicId: topicIdSchema }), output: returns<{ left: number }>() },
  results: { input: v.object({ siteId, month: monthSchema }), output: returns<Results>() },
}
