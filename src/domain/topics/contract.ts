/** topics: 月月说事 proposals, screening, topic pages and lists, following, the meeting record. */
import * as v from 'valibot'
import { PHOTO_ID } from '../photos'
import { returns } from '../contract'
import { MONTH } from '../cycle'
import { pageFields, type Page } from '../page'
import { recordId, siteId } from '../schemas'
import { text } from '../text'
import {
  bodyLimits,
  titleLimits,
  meetingForms,
  PHOTOS_MAX,
  TITLE_MAX,
  topicCategories,
  topicStates,
  type SimilarTopic,
  type TopicDetail,
  type TopicState,
  type TopicSummary,
} from '.'

const topicId = recordId('议题编号')
const photo = v.pipe(v.string('照片格式不正确'), v.regex(PHOTO_ID, '照片只能是 JPG 或 PNG 图片'))
const month = v.pipe(v.string('请提供月份'), v.regex(MONTH, '月份格式应为 YYYY-MM'))

const draft = {
  title: text('标题', titleLimits),
  body: text('内容', bodyLimits),
  category: v.picklist(topicCategories, '请选择议题类别'),
  photos: v.optional(v.pipe(v.array(photo, '照片格式不正确'), v.maxLength(PHOTOS_MAX, `最多 ${PHOTOS_MAX} 张照片`)), []),
}

export const screenDecisions = ['accept', 'return', 'reject', 'merge', 'release'] as const

export const topicsContract = {
  propose: {
    input: v.object({ siteId, ...draft }),
    output: returns<{ id: number; state: TopicState; month: string }>(),
  },
  edit: {
    input: v.object({ topicId, ...draft }),
    output: returns<{ id: number; state: TopicState }>(),
  },
  similar: {
    input: v.object({ siteId, title: text('标题', { min: 1, max: TITLE_MAX }) }),
    output: returns<SimilarTopic[]>(),
  },
  screen: {
    input: v.object({
      topicId,
      decision: v.picklist(screenDecisions, '请选择处理方式'),
      note: v.optional(text('说明', { max: 500 })),
      intoTopicId: v.optional(topicId),
    }),
    output: returns<{ id: number; state: TopicState }>(),
  },
  get: { input: v.object({ topicId }), output: returns<TopicDetail>() },
  list: {
    input: v.object({
      siteId: v.optional(siteId),
      month: v.optional(month),
      state: v.optional(v.picklist(topicStates, '状态不正确')),
      mine: v.optional(v.picklist(['proposed', 'voted', 'followed'] as const, '类型不正确')),
      ...pageFields,
    }),
    output: returns<Page<TopicSummary>>(),
  },
  follow: {
    input: v.object({ topicId, follow: v.boolean('请说明是否关注'), support: v.optional(v.boolean()) }),
    output: returns<{ following: boolean; supporting: boolean; supporters: number }>(),
  },
  recordMeeting: {
    input: v.object({
      topicId,
      form: v.picklist(meetingForms, '请选择协商形式'),
      at: v.pipe(v.string('请填写时间'), v.isoTimestamp('时间格式不正确')),
      place: text('地点', { min: 1, max: 60 }),
      activityId: v.optional(recordId('活动编号')),
      participants: v.pipe(v.number('请填写参会人数'), v.integer('参会人数须为整数'), v.minValue(1, '参会人数至少 1 人'), v.maxValue(10_000, '参会人数过多')),
      sectors: v.pipe(v.array(text('界别', { min: 1, max: 20 })), v.maxLength(20, '界别最多 20 个')),
      opinions: text('协商意见', { min: 5, max: 2000 }),
      nextSteps: text('下一步', { min: 2, max: 1000 }),
    }),
    output: returns<{ id: number; state: TopicState }>(),
  },
}

export { month as monthSchema, topicId as topicIdSchema }
