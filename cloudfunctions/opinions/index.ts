/** opinions: 社情民意 — suggestions collected (本人 / 活动后 / 代为录入), screened, merged, and the person told what became of them. */
import { opinionsContract } from '../../src/domain/opinions/contract'
import { nextState, reportMachine, type ReportMove, SUGGESTIONS_PER_DAY, suggestionMachine, type SuggestionMove, type SuggestionState } from '../../src/domain/opinions'
import { can, isEditor } from '../../src/domain/opinions/permissions'
import { holds } from '../../src/domain/person'
import { roleLabels } from '../../src/domain/roles'
import { shanghaiDay } from '../../src/domain/time'
import { everyone, profileIssuers } from '../core/access'
import { screenText } from '../core/content'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import { conditions, pageOf } from '../core/page'
import { take, type Limit } from '../core/rate-limit'
import { createMain, defineFunction } from '../core/router'
import type { Scope } from '../core/scope'
import { findSite } from '../sites/public'
import { indexTitle, listColumns, listFrom, loadSuggestion, similarSuggestions, suggestionDetail, summaryOf } from './read'
import type { CountRow, IdRow, ReportRow, SuggestionLinkRow, SuggestionListRow, SuggestionRow } from './rows'
import type { ReportView } from '../../src/domain/opinions'

const editors = ['staff', 'admin'] as const
const dailyLimit = (userId: number, day: string): Limit => ({ key: `opinion:${userId}:${day}`, max: SUGGESTIONS_PER_DAY, windowMs: 86_400_000 })

const roleOf = (caller: Caller, row?: SuggestionRow) =>
  isEditor(caller) ? '社情民意信息员' : row && row.author_id === caller.userId ? '建议人' : holds(caller, 'site_admin') ? roleLabels.site_admin : roleLabels.resident

/** One move of the machine: the state written, one timeline row, and the event telling the author. */
export async function moveSuggestion(tx: Scope, row: SuggestionRow, move: Exclude<SuggestionMove, 'submit'>, actor: { userId: number; role: string }, note: string | null, extra: { mergedInto?: number } = {}): Promise<SuggestionState> {
  const to = nextState(row.state, move)
  if (!to) return fail('conflict', row.state === 'merged' ? '该建议已合并，不能再次操作' : `该建议当前状态不能${moveLabels[move]}`)
  if (suggestionMachine[move].note && !note) return fail('invalid_input', `${moveLabels[move]}时请填写说明`)
  await tx.db.query(
    `UPDATE suggestions SET state = $2, merged_into = $3, updated_at = $4, accepted_at = CASE WHEN $2 = 'accepted' THEN $4 ELSE accepted_at END WHERE id = $1`,
    [row.id, to, extra.mergedInto ?? null, tx.now],
  )
  await tx.db.query('INSERT INTO suggestion_timeline (suggestion_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    row.id, tx.now, actor.userId, actor.role, move, to, note,
  ])
  if (to === 'accepted' || to === 'returned' || to === 'merged') {
    await tx.publish({ type: 'suggestion.decided', key: `suggestion:${row.id}:${to}`, suggestionId: row.id, title: row.title, authorId: row.author_id, to, note })
  }
  return to
}

/** A report as `caller` may see it: the 批示 text only for editors and auditors. */
async function reportView(db: Scope['db'], caller: Caller, id: number): Promise<ReportView> {
  const [row] = await db.query<ReportRow>('SELECT * FROM opinion_reports WHERE id = $1', [id])
  if (!row) return fail('not_found', '未找到该专报')
  const links = await db.query<SuggestionLinkRow>('SELECT l.suggestion_id, s.author_id FROM report_suggestions l JOIN suggestions s ON s.id = l.suggestion_id WHERE l.report_id = $1 ORDER BY l.suggestion_id', [id])
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    suggestionIds: links.map((link) => Number(link.suggestion_id)),
    submittedLevel: row.submitted_level,
    adoptedBy: row.adopted_by,
    endorsedLevel: row.endorsed_level,
    endorsement: can(caller, 'seeAll') ? row.endorsement : null,
  }
}

/** Tells each suggester of the report's suggestions of its new state, once per report and state. */
async function tellSuggesters(tx: Scope, report: { id: number; title: string }, to: ReportView['state']) {
  const authors = await tx.db.query<SuggestionLinkRow>('SELECT DISTINCT s.author_id, 0 AS suggestion_id FROM report_suggestions l JOIN suggestions s ON s.id = l.suggestion_id WHERE l.report_id = $1', [report.id])
  await tx.publish({ type: 'report.moved', key: `report:${report.id}:${to}`, reportId: report.id, title: report.title, to, authors: authors.map((row) => row.author_id) })
}

const reportMoveLabels: Record<ReportMove, string> = { submit: '报送', adopt: '采用', endorse: '批示' }

const moveLabels: Record<Exclude<SuggestionMove, 'submit'>, string> = { accept: '采纳', return: '退回', merge: '合并', withdraw: '撤回', use: '转化' }

export const definition = defineFunction({
  name: 'opinions',
  contract: opinionsContract,
  openapi: ['security.msgSecCheck'],
  access: {
    submit: everyone,
    list: everyone,
    get: everyone,
    screen: profileIssuers,
    merge: profileIssuers,
    withdraw: everyone,
    similar: [...editors],
    report: profileIssuers,
    moveReport: profileIssuers,
    getReport: [...editors, 'auditor'],
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
      return { ...page, items: page.items.map((row) => summaryOf(row, true)) }
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
      return transaction(async (tx) => {
        const [row] = await tx.db.query<IdRow>('INSERT INTO opinion_reports (title, body, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id', [
          input.title, input.body, caller.userId, tx.now,
        ])
        const id = row.id
        for (const suggestionId of [...new Set(input.suggestionIds)].sort((a, b) => a - b)) {
          const suggestion = await loadSuggestion(tx.db, suggestionId, true)
          if (suggestion.state !== 'accepted' && suggestion.state !== 'used') fail('conflict', `建议“${suggestion.title}”尚未采纳，不能写入专报`)
          await tx.db.query('INSERT INTO report_suggestions (report_id, suggestion_id) VALUES ($1, $2)', [id, suggestionId])
          await moveSuggestion(tx, suggestion, 'use', { userId: caller.userId, role: roleOf(caller) }, `写入专报“${input.title}”`)
        }
        await tellSuggesters(tx, { id, title: input.title }, 'draft')
        await tx.audit(`report:${id}`, { suggestions: input.suggestionIds })
        return reportView(tx.db, caller, id)
      })
    },

    moveReport: async ({ input, caller, transaction }) => {
      if (!can(caller, 'report')) fail('forbidden', '只有社情民意信息员可以办理专报')
      return transaction(async (tx) => {
        const [row] = await tx.db.query<ReportRow>('SELECT * FROM opinion_reports WHERE id = $1 FOR UPDATE', [input.reportId])
        if (!row) return fail('not_found', '未找到该专报')
        const rule = reportMachine[input.move]
        if (!rule.from.includes(row.state)) {
          fail('conflict', input.move === 'endorse' ? '专报尚未报送，不能录入批示' : `专报当前状态不能${reportMoveLabels[input.move]}`)
        }
        if (input.move === 'submit') {
          if (!input.level) fail('invalid_input', '请选择报送级别')
          await tx.db.query(`UPDATE opinion_reports SET state = 'submitted', submitted_level = $2, submitted_at = $3 WHERE id = $1`, [row.id, input.level, tx.now])
        } else if (input.move === 'adopt') {
          if (!input.adoptedBy) fail('invalid_input', '请填写采用单位')
          await tx.db.query(`UPDATE opinion_reports SET state = 'adopted', adopted_by = $2, adopted_at = $3 WHERE id = $1`, [row.id, input.adoptedBy, tx.now])
        } else {
          if (!input.level || !input.endorsement) fail('invalid_input', '请填写批示级别和批示内容')
          await tx.db.query(`UPDATE opinion_reports SET state = 'endorsed', endorsed_level = $2, endorsement = $3, endorsed_at = $4 WHERE id = $1`, [
            row.id, input.level, input.endorsement, tx.now,
          ])
        }
        await tellSuggesters(tx, { id: row.id, title: row.title }, rule.to)
        await tx.audit(`report:${row.id}`, { move: input.move })
        return reportView(tx.db, caller, row.id)
      })
    },

    getReport: async ({ db, input, caller }) => reportView(db, caller, input.reportId),

    similar: async ({ db, input }) => similarSuggestions(db, input.title, input.except),
  },
})

export const main = createMain(definition)
