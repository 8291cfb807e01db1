/** opinions' actions for 提案, hand-offs to units (即商即转, 批示 follow-ups) and the funnel; merged into opinionsContract. */
import * as v from 'valibot'
import { returns } from '../contract'
import { pageFields, type Page } from '../page'
import { finite, recordId, siteId, unitId } from '../schemas'
import { text } from '../text'
import { NOTE_LIMITS, opinionCategories, opinionChannels, reportStates, type ReportState } from '.'
import type { Funnel } from './funnel'
import { replyGrades, satisfactions, type ProposalSummary, type ProposalView } from './proposals'

const proposalId = recordId('提案编号')
const ids = (label: string, max: number) => v.pipe(v.array(recordId(label), `请选择${label}`), v.maxLength(max, `最多选择 ${max} 个${label}`))

export interface HandoffView {
  id: number
  title: string
  unitId: string
  unitName: string
  dueDay: string
  reply: string | null
  repliedAt: string | null
  source: 'suggestion' | 'endorsement'
  sourceId: number
}

export interface ReportSummary {
  id: number
  title: string
  state: ReportState
  createdAt: string
  submittedLevel: string | null
  adoptedBy: string | null
}

export const proposalContract = {
  draftProposal: {
    input: v.object({
      title: text('提案标题', { min: 4, max: 60 }),
      body: text('提案正文', { min: 20, max: 5000 }),
      category: v.picklist(opinionCategories, '请选择提案类别'),
      suggestionIds: v.optional(ids('建议', 50), []),
    }),
    output: returns<ProposalView>(),
  },
  cosign: { input: v.object({ proposalId }), output: returns<ProposalView>() },
  moveProposal: {
    input: v.object({
      proposalId,
      move: v.picklist(['submit', 'return', 'register', 'reject', 'assign', 'extend'] as const, '请选择办理操作'),
      note: v.optional(text('办理意见', { max: NOTE_LIMITS.max })),
      /** 交办: the units, the first leading. */
      unitIds: v.optional(v.pipe(v.array(unitId, '请选择承办单位'), v.minLength(1, '请选择承办单位'), v.maxLength(5, '最多 5 个承办单位'))),
      /** 延期: the months in all from 交办, approved. */
      months: v.optional(v.pipe(finite('办理期限', 1, 24), v.integer('办理期限须为整月'))),
    }),
    output: returns<ProposalView>(),
  },
  mergeProposal: {
    input: v.object({ proposalId, intoId: recordId('并入提案编号'), note: text('并案说明', NOTE_LIMITS) }),
    output: returns<ProposalView>(),
  },
  replyProposal: {
    input: v.object({
      proposalId,
      /** One proposer, or every proposer still waiting this round. */
      proposerId: v.optional(recordId('提案人编号')),
      grade: v.picklist(replyGrades, '请选择答复等级 A–D'),
      body: text('答复内容', { min: 10, max: 5000 }),
    }),
    output: returns<ProposalView>(),
  },
  rateProposal: {
    input: v.object({ proposalId, satisfaction: v.picklist(satisfactions, '请选择满意程度'), note: v.optional(text('评价意见', { max: NOTE_LIMITS.max })) }),
    output: returns<ProposalView>(),
  },
  getProposal: { input: v.object({ proposalId }), output: returns<ProposalView>() },
  listProposals: {
    input: v.object({ scope: v.optional(v.picklist(['mine', 'all', 'unit'] as const, '列表范围不正确'), 'mine'), ...pageFields }),
    output: returns<Page<ProposalSummary>>(),
  },
  /** 即商即转 (a suggestion) or a 批示's follow-up (an endorsed report): straight to a unit, due in working days. */
  handOff: {
    input: v.object({
      suggestionId: v.optional(recordId('建议编号')),
      reportId: v.optional(recordId('专报编号')),
      unitId,
      dueDays: v.optional(v.pipe(finite('办理时限', 1, 60), v.integer('办理时限须为整天')), 5),
      note: v.optional(text('交办说明', { max: NOTE_LIMITS.max })),
    }),
    output: returns<HandoffView>(),
  },
  replyHandoff: { input: v.object({ handoffId: recordId('交办编号'), reply: text('答复内容', { min: 10, max: 2000 }) }), output: returns<HandoffView>() },
  listReports: {
    input: v.object({ state: v.optional(v.picklist(reportStates, '专报状态不正确')), ...pageFields }),
    output: returns<Page<ReportSummary>>(),
  },
  readEndorsement: { input: v.object({ reportId: recordId('专报编号') }), output: returns<{ reportId: number; level: string | null; endorsedAt: string | null; text: string }>() },
  funnel: {
    input: v.object({
      year: v.pipe(finite('年份', 2000, 2099), v.integer('年份不正确')),
      siteId: v.optional(siteId),
      category: v.optional(v.picklist(opinionCategories, '建议类别不正确')),
      channel: v.optional(v.picklist(opinionChannels, '渠道不正确')),
      csv: v.optional(v.boolean(), false),
    }),
    output: returns<Funnel & { csv: string | null }>(),
  },
}
