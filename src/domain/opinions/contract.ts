/** opinions: 社情民意 — suggestions collected, screened, merged; the person's own list and the editors'. */
import * as v from 'valibot'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { recordId, siteId } from '../schemas'
import { text } from '../text'
import {
  CONTENT_LIMITS, NOTE_LIMITS, opinionCategories, SPEAKER_LIMITS, suggestionStates, TITLE_LIMITS,
  type SimilarSuggestion, type SuggestionDetail, type SuggestionState, type SuggestionSummary,
} from '.'

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
  similar: {
    input: v.object({ title: text('建议标题', { max: TITLE_LIMITS.max }), except: v.optional(suggestionId) }),
    output: returns<SimilarSuggestion[]>(),
  },
}
