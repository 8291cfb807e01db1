/**
 * Matters handed straight to a unit, due in working days: 即商即转 (an editor hands a suggestion on,
 * accepting it first when undecided) and a 批示's follow-up (an endorsed 专报). Once per source and
 * unit (a unique key); the unit hears of it (`handoff.made`), and its reply reaches the suggesters
 * behind it (`handoff.replied`).
 */
import { addWorkingDays } from '../../src/domain/feedback'
import type { HandoffView } from '../../src/domain/opinions/proposal-contract'
import { can } from '../../src/domain/opinions/permissions'
import { roleLabels } from '../../src/domain/roles'
import { shanghaiDay } from '../../src/domain/time'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import type { Queryable } from '../core/db'
import type { Scope } from '../core/scope'
import { findUnits, loadCalendar } from '../feedback/public'
import { moveSuggestion } from './moves'
import type { In } from './proposals'
import { loadSuggestion } from './read'
import { reportTimeline } from './reports'
import type { HandoffRow, IdRow, ReportRow, UserIdRow } from './rows'

const handoffColumns = 'h.*, u.name AS unit_name'
const handoffFrom = 'opinion_handoffs h JOIN units u ON u.id = h.unit_id'

export const handoffViewOf = (row: HandoffRow): HandoffView => ({
  id: row.id, title: row.title, unitId: row.unit_id, unitName: row.unit_name, dueDay: row.due_day, reply: row.reply,
  repliedAt: row.replied_at && new Date(row.replied_at).toISOString(),
  source: row.suggestion_id ? 'suggestion' : 'endorsement', sourceId: (row.suggestion_id ?? row.report_id) as number,
})

export const handoffsOf = (db: Queryable, where: string, params: unknown[]) =>
  db.query<HandoffRow>(`SELECT ${handoffColumns} FROM ${handoffFrom} WHERE ${where} ORDER BY h.id`, params)

export async function handOff(tx: Scope, caller: Caller, input: In<'handOff'>): Promise<HandoffView> {
  if (!can(caller, 'handleProposal')) fail('forbidden', '只有社情民意信息员或政协工作人员可以交办')
  if (!input.suggestionId === !input.reportId) fail('invalid_input', '请选择一条建议或一篇专报')
  const [unit] = await findUnits(tx.db, [input.unitId])
  const due = addWorkingDays(shanghaiDay(tx.now), input.dueDays, await loadCalendar(tx.db))
  const actor = { userId: caller.userId, role: roleLabels.opinion_editor }
  let title: string
  if (input.suggestionId) {
    const row = await loadSuggestion(tx.db, input.suggestionId, true)
    title = row.title
    const state = row.state === 'held' || row.state === 'submitted' ? await moveSuggestion(tx, row, 'accept', actor, input.note || null) : row.state
    await moveSuggestion(tx, { ...row, state }, 'use', actor, `即商即转：交${unit.name}办理，${due} 前答复`)
  } else {
    const [row] = await tx.db.query<ReportRow>('SELECT * FROM opinion_reports WHERE id = $1 FOR UPDATE', [input.reportId])
    if (!row) return fail('not_found', '未找到该专报')
    if (row.state !== 'endorsed') fail('conflict', '专报尚未获批示，不能据批示交办')
    title = row.title
    await reportTimeline(tx, row.id, caller, 'hand_off', row.state, `据批示交${unit.name}办理，${due} 前答复`)
  }
  const [made] = await tx.db.query<IdRow>(
    `INSERT INTO opinion_handoffs (suggestion_id, report_id, unit_id, title, assigned_by, assigned_at, due_day) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT DO NOTHING RETURNING id`,
    [input.suggestionId ?? null, input.reportId ?? null, unit.id, title, caller.userId, tx.now, due],
  )
  if (!made) fail('duplicate', `已交${unit.name}办理`)
  await tx.publish({ type: 'handoff.made', key: `handoff:${made.id}`, handoffId: made.id, title, unitId: unit.id, dueDay: due, source: input.suggestionId ? 'suggestion' : 'endorsement' })
  await tx.audit(`handoff:${made.id}`, { unit: unit.id, due })
  return handoffViewOf((await handoffsOf(tx.db, 'h.id = $1', [made.id]))[0])
}

export async function replyHandoff(tx: Scope, caller: Caller, input: In<'replyHandoff'>): Promise<HandoffView> {
  const [row] = await handoffsOf(tx.db, 'h.id = $1', [input.handoffId])
  if (!row) return fail('not_found', '未找到该交办事项')
  if (!can(caller, 'replyAsUnit', { unitIds: [row.unit_id] })) fail('not_assigned', '本单位未承办该事项，不能答复')
  const done = await tx.db.query<IdRow>('UPDATE opinion_handoffs SET reply = $2, replied_by = $3, replied_at = $4 WHERE id = $1 AND reply IS NULL RETURNING id', [
    row.id, input.reply, caller.userId, tx.now,
  ])
  if (done.length === 0) fail('conflict', '该事项已答复')
  const authors = await tx.db.query<UserIdRow>(
    `SELECT DISTINCT s.author_id AS user_id FROM suggestions s
     WHERE s.id = $1 OR s.id IN (SELECT suggestion_id FROM report_suggestions WHERE report_id = $2) ORDER BY 1`,
    [row.suggestion_id, row.report_id],
  )
  await tx.publish({ type: 'handoff.replied', key: `handoff:${row.id}:replied`, handoffId: row.id, title: row.title, unitId: row.unit_id, authors: authors.map((a) => a.user_id) })
  return handoffViewOf((await handoffsOf(tx.db, 'h.id = $1', [row.id]))[0])
}
