/** opinions: 社情民意 — suggestions collected, screened, merged; the person's own list and the editors'. */
import * as v from 'valibot'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { recordId, siteId } from '../schemas'
import { text } from '../text'
import {
  CONTENT_LIMITS, NOTE_LIMITS, opinionCategories, reportLevels, reportMoves, type ReportView, SPEAKER_LIMITS, suggestionStates, TITLE_LIMITS,
  type SimilarSuggestion, type SuggestionDetail, type SuggestionState, type SuggestionSummary,
} from '.'
import { proposalContract } from './proposal-contract'

const suggestionId = recordId('建议编号')
const PHONE = /^1[3-9][0-9]{9}$/

export const opinionsContract = {
  submit: {
    input: v.object({
      title: text('建议标题', TITLE_LIMITS),
      content: text('建议内容', CONTENT_LIMITS),
      category: v.picklist(opinionCategories, '请选择建议类别'),
      /** A site, or none for the district as a whole. */
      siteId: v.optional(v.nullable(siteId), null),
      activityId: v.optional(v.nullable(recordId('活动编号')), null),
      contactConsent: v.optional(v.boolean('请选择是否同意联系'), false),
      phone: v.optional(v.nullable(v.pipe(v.string('手机号码格式不正确'), v.regex(PHONE, '手机号码格式不正确'))), null),
      /** Entered by a site admin on someone's behalf: who said it (kept for editors only). */
      onBehalfOf: v.optional(v.nullable(text('建议人姓名', SPEAKER_LIMITS)), null),
    }),
    output: returns<{ id: number; state: SuggestionState; similar: SimilarSuggestion[] }>(),
  },
  list: {
    input: v.object({
      /** `mine` (default): the caller's own; `all`: every suggestion, for editors. */
      scope: v.optional(v.picklist(['mine', 'all'] as const, '列表范围不正确'), 'mine'),
      state: v.optional(v.picklist(suggestionStates, '建议状态不正确')),
      siteId: v.optional(siteId),
      ...pageFields,
    }),
    output: returns<Page<SuggestionSummary>>(),
  },
  get: { input: v.object({ suggestionId }), output: returns<SuggestionDetail>() },
  screen: {
    input: v.object({
      suggestionId,
      decision: v.picklist(['accept', 'return'] as const, '请选择采纳或退回'),
      note: v.optional(text('审核意见', { max: NOTE_LIMITS.max })),
    }),
    output: returns<{ id: number; state: SuggestionState }>(),
  },
  merge: {
    input: v.object({ suggestionId, intoId: recordId('合并目标编号'), note: text('合并说明', NOTE_LIMITS) }),
    output: returns<{ id: number; state: SuggestionState; intoId: number }>(),
  },
  withdraw: { input: v.object({ suggestionId }), output: returns<{ id: number; state: SuggestionState }>() },
  /** A 专报 written from accepted suggestions (each becomes `used`). */
  report: {
    input: v.object({
      title: text('专报标题', { min: 4, max: 60 }),
      body: text('专报正文', { min: 20, max: 5000 }),
      suggestionIds: v.pipe(v.array(suggestionId, '请选择建议'), v.minLength(1, '请选择至少一条建议'), v.maxLength(50, '一篇专报最多关联 50 条建议')),
    }),
    output: returns<ReportView>(),
  },
  moveReport: {
    input: v.object({
      reportId: recordId('专报编号'),
      move: v.picklist(reportMoves, '请选择报送、采用或批示'),
      level: v.optional(v.picklist(reportLevels, '请选择级别')),
      adoptedBy: v.optional(text('采用单位', { min: 2, max: 40 })),
      endorsement: v.optional(text('批示内容', { min: 2, max: 1000 })),
    }),
    output: returns<ReportView>(),
  },
  getReport: { input: v.object({ reportId: recordId('专报编号') }), output: returns<ReportView>() },
  similar: {
    input: v.object({ title: text('建议标题', { max: TITLE_LIMITS.max }), except: v.optional(suggestionId) }),
    output: returns<SimilarSuggestion[]>(),
  },
  ...proposalContract,
}
