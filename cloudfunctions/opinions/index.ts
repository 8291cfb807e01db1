/** opinions: 社情民意 — suggestions collected (本人 / 活动后 / 代为录入), screened, merged, written into 专报 and 提案, handed to units, counted in the funnel, and the person told what became of them. */
import { opinionsContract } from '../../src/domain/opinions/contract'
import { SUGGESTIONS_PER_DAY, type SuggestionState } from '../../src/domain/opinions'
import { proposalStateLabels } from '../../src/domain/opinions/proposals'
import { can, isEditor } from '../../src/domain/opinions/permissions'
import { holds } from '../../src/domain/person'
import { roleLabels, type Role } from '../../src/domain/roles'
import { shanghaiDay } from '../../src/domain/time'
import { everyone } from '../core/access'
import { screenText } from '../core/content'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import { conditions, pageOf } from '../core/page'
import { take, type Limit } from '../core/rate-limit'
import { createMain, defineFunction } from '../core/router'
import { findSite } from '../sites/public'
import { indexTitle, listColumns, listFrom, loadSuggestion, outcomesOf, similarSuggestions, suggestionDetail, summaryOf } from './read'
import { funnel } from './funnel'
import { handOff, replyHandoff } from './handoffs'
import { moveSuggestion } from './moves'
import { cosign, draftProposal, mayList, mayRead, mergeProposal, moveProposal, proposalView, rateProposal, replyProposal } from './proposals'
import { moveReport, readEndorsement, reportView, writeReport } from './reports'
import type { CountRow, IdRow, ProposalRow, ReportRow, SuggestionListRow, SuggestionRow } from './rows'

const editors: readonly Role[] = ['opinion_editor', 'staff', 'admin']
const dailyLimit = (userId: number, day: string): Limit => ({ key: `opinion:${userId}:${day}`, max: SUGGESTIONS_PER_DAY, windowMs: 86_400_000 })

const roleOf = (caller: Caller, row?: SuggestionRow) =>
  isEditor(caller) ? '社情民意信息员' : row && row.author_id === caller.userId ? '建议人' : holds(caller, 'site_admin') ? roleLabels.site_admin : roleLabels.resident

const unitsHandled = (caller: Caller) => caller.grants.flatMap((grant) => (grant.role === 'unit_handler' && grant.unitId ? [grant.unitId] : []))

const proposalSummary = (row: ProposalRow) => ({
  id: row.id, title: row.title, state: row.state, stateLabel: proposalStateLabels[row.state], replyDue: row.reply_due, createdAt: new Date(row.created_at).toISOString(),
})

export const definition = defineFunction({
  name: 'opinions',
  contract: opinionsContract,
  openapi: ['security.msgSecCheck'],
  access: {
    submit: everyone,
    list: everyone,
    get: everyone,
    screen: editors,
    merge: editors,
    withdraw: everyone,
    similar: editors,
    report: editors,
    moveReport: editors,
    getReport: [...editors, 'auditor'],
    listReports: [...editors, 'auditor'],
    // Anyone may ask, so that reading 批示 text without the role is refused with its own code.
    readEndorsement: everyone,
    draftProposal: ['member'],
    cosign: ['member'],
    moveProposal: ['member', ...editors],
    mergeProposal: editors,
    replyProposal: ['unit_handler'],
    rateProposal: ['member'],
    getProposal: everyone,
    listProposals: everyone,
    handOff: editors,
    replyHandoff: ['unit_handler'],
    funnel: [...editors, 'auditor'],
  },
  actions: {
    submit: async ({ db: plain, input, caller, platform, transaction, now }) => {
      if (input.siteId) await findSite(plain, input.siteId)
      const onBehalf = input.onBehalfOf !== null
      if (onBehalf && !can(caller, 'submitOnBehalf', { siteId: input.siteId })) fail('forbidden', '只有本联盟点管理员可以代为录入建议')
      if (input.phone && !input.contactConsent) fail('invalid_input', '留下手机号码前请先同意联系')
      const verdict = await screenText(platform, [input.title, input.content, input.onBehalfOf ?? ''].join('\n'), caller.openid, 'moderated')
      return transaction(async (tx) => {
        if (input.activityId !== null) {
          const [known] = await tx.db.query<IdRow>('SELECT id FROM activities WHERE id = $1', [input.activityId])
          if (!known) fail('not_found', '未找到该活动')
        }
        // A slot of the day's suggestions, in this transaction: a suggestion that fails gives it back.
        await take(tx, dailyLimit(caller.userId, shanghaiDay(now)), `每人每天最多提交 ${SUGGESTIONS_PER_DAY} 条建议，请明天再来`)
        const state: SuggestionState = verdict === 'held' ? 'held' : 'submitted'
        const channel = onBehalf ? 'on_behalf' : input.activityId !== null ? 'activity' : 'self'
        const [row] = await tx.db.query<IdRow>(
          `INSERT INTO suggestions (author_id, on_behalf_of, channel, site_id, activity_id, category, title, content, contact_consent, phone, state, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
          [caller.userId, input.onBehalfOf, channel, input.siteId, input.activityId, input.category, input.title, input.content, input.contactConsent, input.phone, state, now],
        )
        const id = row.id
        const similar = await similarSuggestions(tx.db, input.title, id)
        const grams = await indexTitle(tx.db, id, input.title)
        await tx.db.query('UPDATE suggestions SET gram_count = $2 WHERE id = $1', [id, grams])
        await tx.db.query(
          `INSERT INTO suggestion_timeline (suggestion_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, 'submit', $5, $6)`,
          [id, now, caller.userId, onBehalf ? roleLabels.site_admin : '建议人', state, state === 'held' ? '内容需人工审核' : onBehalf ? `代${input.onBehalfOf}录入` : null],
        )
        return { id, state, similar }
      })
    },

    list: async ({ db, input, caller }) => {
      const all = input.scope === 'all'
      if (all && !can(caller, 'seeAll')) fail('forbidden', '只有社情民意信息员可以查看全部建议')
      const { where, params, add } = conditions()
      if (!all) add('s.author_id = ?', caller.userId)
      if (input.state) add('s.state = ?', input.state)
      if (input.siteId) add('s.site_id = ?', input.siteId)
      const page = await pageOf<SuggestionListRow>(db, { columns: listColumns, from: listFrom, where, params, keys: ['s.created_at', 's.id'], desc: true }, input)
      // Only the caller's own rows or, for editors and auditors, all: both read in full.
      const outcomes = await outcomesOf(db, page.items.map((row) => row.id))
      return { ...page, items: page.items.map((row) => summaryOf(row, true, outcomes.get(row.id))) }
    },

    get: async ({ db, input, caller }) => {
      const row = await loadSuggestion(db, input.suggestionId)
      if (!can(caller, 'read', { authorId: row.author_id })) fail('forbidden', '只能查看自己提交的建议')
      return suggestionDetail(db, row.id, true)
    },

    screen: async ({ input, caller, transaction }) => {
      if (!can(caller, 'screen')) fail('forbidden', '只有社情民意信息员可以审核建议')
      return transaction(async (tx) => {
        const row = await loadSuggestion(tx.db, input.suggestionId, true)
        const state = await moveSuggestion(tx, row, input.decision, { userId: caller.userId, role: roleOf(caller) }, input.note || null)
        await tx.audit(`suggestion:${row.id}`, { move: input.decision })
        return { id: row.id, state }
      })
    },

    merge: async ({ input, caller, transaction }) => {
      if (!can(caller, 'merge')) fail('forbidden', '只有社情民意信息员可以合并建议')
      if (input.suggestionId === input.intoId) fail('invalid_input', '不能合并到建议本身')
      return transaction(async (tx) => {
        // Locks in id order, the one lock order of merges.
        const [first, second] = [input.suggestionId, input.intoId].sort((a, b) => a - b)
        const locked = new Map<number, SuggestionRow>()
        for (const id of [first, second]) locked.set(id, await loadSuggestion(tx.db, id, true))
        const row = locked.get(input.suggestionId) as SuggestionRow
        const into = locked.get(input.intoId) as SuggestionRow
        if (into.state === 'merged' || into.state === 'withdrawn' || into.state === 'returned') fail('conflict', '合并目标已合并、撤回或退回，请选择其他建议')
        const state = await moveSuggestion(tx, row, 'merge', { userId: caller.userId, role: roleOf(caller) }, input.note, { mergedInto: into.id })
        // Suggestions merged into this one follow it to the one kept.
        const [{ n }] = await tx.db.query<CountRow>('WITH moved AS (UPDATE suggestions SET merged_into = $2 WHERE merged_into = $1 RETURNING 1) SELECT count(*)::int AS n FROM moved', [row.id, into.id])
        await tx.audit(`suggestion:${row.id}`, { move: 'merge', into: into.id, followers: n })
        return { id: row.id, state, intoId: into.id }
      })
    },

    withdraw: async ({ input, caller, transaction }) =>
      transaction(async (tx) => {
        const row = await loadSuggestion(tx.db, input.suggestionId, true)
        if (!can(caller, 'withdraw', { authorId: row.author_id })) fail('forbidden', '只能撤回自己提交的建议')
        const state = await moveSuggestion(tx, row, 'withdraw', { userId: caller.userId, role: '建议人' }, null)
        return { id: row.id, state }
      }),

    report: async ({ input, caller, platform, transaction }) => {
      if (!can(caller, 'report')) fail('forbidden', '只有社情民意信息员可以编写专报')
      await screenText(platform, `${input.title}\n${input.body}`, caller.openid, 'immediate')
      return transaction((tx) => writeReport(tx, caller, input))
    },

    moveReport: async ({ input, caller, transaction }) => {
      if (!can(caller, 'report')) fail('forbidden', '只有社情民意信息员可以办理专报')
      return transaction((tx) => moveReport(tx, caller, input))
    },

    getReport: async ({ db, input, caller }) => reportView(db, caller, input.reportId),

    listReports: async ({ db, input }) => {
      const { where, params, add } = conditions()
      if (input.state) add('r.state = ?', input.state)
      const page = await pageOf<ReportRow>(db, { columns: 'r.*', from: 'opinion_reports r', where, params, keys: ['r.created_at', 'r.id'], desc: true }, input)
      return { ...page, items: page.items.map((r) => ({ id: r.id, title: r.title, state: r.state, createdAt: new Date(r.created_at).toISOString(), submittedLevel: r.submitted_level, adoptedBy: r.adopted_by })) }
    },

    readEndorsement: async ({ db, input, caller }) => readEndorsement(db, caller, input.reportId),

    draftProposal: async ({ input, caller, platform, transaction }) => {
      await screenText(platform, `${input.title}\n${input.body}`, caller.openid, 'immediate')
      return transaction((tx) => draftProposal(tx, caller, input))
    },

    cosign: async ({ input, caller, transaction }) => transaction((tx) => cosign(tx, caller, input)),

    moveProposal: async ({ input, caller, transaction }) => transaction((tx) => moveProposal(tx, caller, input)),

    mergeProposal: async ({ input, caller, transaction }) => transaction((tx) => mergeProposal(tx, caller, input)),

    replyProposal: async ({ input, caller, platform, transaction }) => {
      await screenText(platform, input.body, caller.openid, 'immediate')
      return transaction((tx) => replyProposal(tx, caller, input))
    },

    rateProposal: async ({ input, caller, transaction }) => transaction((tx) => rateProposal(tx, caller, input)),

    getProposal: async ({ db, input, caller }) => {
      if (!(await mayRead(db, caller, input.proposalId))) fail('forbidden', '只能查看自己的提案或本单位承办的提案')
      return proposalView(db, input.proposalId)
    },

    listProposals: async ({ db, input, caller }) => {
      if (!mayList(caller, input.scope)) fail('forbidden', input.scope === 'all' ? '只有社情民意信息员可以查看全部提案' : '只有承办单位可以查看承办的提案')
      const { where, params, add } = conditions()
      if (input.scope === 'mine') add('EXISTS (SELECT 1 FROM proposal_proposers pp WHERE pp.proposal_id = p.id AND pp.user_id = ?)', caller.userId)
      if (input.scope === 'unit') add('EXISTS (SELECT 1 FROM proposal_units pu WHERE pu.proposal_id = p.id AND pu.unit_id = ANY(?::text[]))', unitsHandled(caller))
      const page = await pageOf<ProposalRow>(db, { columns: 'p.*', from: 'proposals p', where, params, keys: ['p.created_at', 'p.id'], desc: true }, input)
      return { ...page, items: page.items.map(proposalSummary) }
    },

    handOff: async ({ input, caller, transaction }) => transaction((tx) => handOff(tx, caller, input)),

    replyHandoff: async ({ input, caller, platform, transaction }) => {
      await screenText(platform, input.reply, caller.openid, 'immediate')
      return transaction((tx) => replyHandoff(tx, caller, input))
    },

    funnel: async ({ db, input }) => funnel(db, input),

    similar: async ({ db, input }) => similarSuggestions(db, input.title, input.except),
  },
})

export const main = createMain(definition)
