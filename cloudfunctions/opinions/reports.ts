/**
 * 专报 through their machine: written from accepted suggestions, 报送 to a level, 采用, 批示. Each
 * move is one timeline row; each suggester hears once per report and state; 采用 and 批示 credit
 * the members behind it through the duty rules. The 批示 text is read by editors and auditors only.
 */
import { reportMachine, type ReportMove, type ReportState, type ReportView } from '../../src/domain/opinions'
import { can } from '../../src/domain/opinions/permissions'
import { roleLabels } from '../../src/domain/roles'
import { shanghaiDay } from '../../src/domain/time'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import type { Queryable } from '../core/db'
import type { Scope } from '../core/scope'
import { linkSuggestions } from './links'
import type { In } from './proposals'
import type { IdRow, ReportRow, SuggestionLinkRow, UserIdRow } from './rows'

const moveLabels: Record<ReportMove, string> = { submit: '报送', adopt: '采用', endorse: '批示' }

/** A report as `caller` may see it: the 批示 text only for editors and auditors. */
export async function reportView(db: Queryable, caller: Caller, id: number): Promise<ReportView> {
  const [row] = await db.query<ReportRow>('SELECT * FROM opinion_reports WHERE id = $1', [id])
  if (!row) return fail('not_found', '未找到该专报')
  const links = await db.query<SuggestionLinkRow>('SELECT l.suggestion_id, s.author_id FROM report_suggestions l JOIN suggestions s ON s.id = l.suggestion_id WHERE l.report_id = $1 ORDER BY l.suggestion_id', [id])
  return {
    id: row.id,
    title: row.title,
    state: row.state,
    suggestionIds: links.map((link) => link.suggestion_id),
    submittedLevel: row.submitted_level,
    adoptedBy: row.adopted_by,
    endorsedLevel: row.endorsed_level,
    endorsement: can(caller, 'readEndorsement') ? row.endorsement : null,
  }
}

const suggestersOf = async (db: Queryable, id: number) =>
  (await db.query<UserIdRow>('SELECT DISTINCT s.author_id AS user_id FROM report_suggestions l JOIN suggestions s ON s.id = l.suggestion_id WHERE l.report_id = $1 ORDER BY 1', [id])).map((r) => r.user_id)

export async function reportTimeline(tx: Scope, reportId: number, caller: Caller, move: ReportMove | 'write' | 'hand_off', to: ReportState, note: string | null) {
  await tx.db.query('INSERT INTO report_timeline (report_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    reportId, tx.now, caller.userId, roleLabels.opinion_editor, move, to, note,
  ])
}

export async function writeReport(tx: Scope, caller: Caller, input: In<'report'>): Promise<ReportView> {
  const [row] = await tx.db.query<IdRow>('INSERT INTO opinion_reports (title, body, created_by, created_at) VALUES ($1, $2, $3, $4) RETURNING id', [
    input.title, input.body, caller.userId, tx.now,
  ])
  await linkSuggestions(tx, { table: 'report_suggestions', column: 'report_id', id: row.id, name: '专报', label: `写入专报“${input.title}”` }, input.suggestionIds, caller)
  await reportTimeline(tx, row.id, caller, 'write', 'draft', null)
  await tx.publish({ type: 'report.moved', key: `report:${row.id}:draft`, reportId: row.id, title: input.title, to: 'draft', authors: await suggestersOf(tx.db, row.id) })
  await tx.audit(`report:${row.id}`, { suggestions: input.suggestionIds })
  return reportView(tx.db, caller, row.id)
}

export async function moveReport(tx: Scope, caller: Caller, input: In<'moveReport'>): Promise<ReportView> {
  const [row] = await tx.db.query<ReportRow>('SELECT * FROM opinion_reports WHERE id = $1 FOR UPDATE', [input.reportId])
  if (!row) return fail('not_found', '未找到该专报')
  const rule = reportMachine[input.move]
  if (!rule.from.includes(row.state)) fail('conflict', input.move === 'endorse' ? '专报尚未报送，不能录入批示' : `专报当前状态不能${moveLabels[input.move]}`)
  let note: string
  if (input.move === 'submit') {
    if (!input.level) return fail('invalid_input', '请选择报送级别')
    await tx.db.query(`UPDATE opinion_reports SET state = 'submitted', submitted_level = $2, submitted_at = $3 WHERE id = $1`, [row.id, input.level, tx.now])
    note = `报送${input.level}`
  } else if (input.move === 'adopt') {
    if (!input.adoptedBy) return fail('invalid_input', '请填写采用单位')
    await tx.db.query(`UPDATE opinion_reports SET state = 'adopted', adopted_by = $2, adopted_at = $3 WHERE id = $1`, [row.id, input.adoptedBy, tx.now])
    note = `${input.adoptedBy}采用`
  } else {
    if (!input.level || !input.endorsement) return fail('invalid_input', '请填写批示级别和批示内容')
    await tx.db.query(`UPDATE opinion_reports SET state = 'endorsed', endorsed_level = $2, endorsement = $3, endorsed_at = $4 WHERE id = $1`, [
      row.id, input.level, input.endorsement, tx.now,
    ])
    // The timeline, read by more than editors, names the level only: the 批示 text stays on the report.
    note = `获${input.level}领导批示`
  }
  await reportTimeline(tx, row.id, caller, input.move, rule.to, note)
  const authors = await suggestersOf(tx.db, row.id)
  await tx.publish({ type: 'report.moved', key: `report:${row.id}:${rule.to}`, reportId: row.id, title: row.title, to: rule.to, authors })
  if (input.move !== 'submit') {
    const kind = input.move === 'adopt' ? 'report_adopted' : 'endorsement'
    await tx.publish({
      type: 'opinion.credited', key: `credit:${kind}:${row.id}`, kind, sourceKey: `${kind}:${row.id}`, day: shanghaiDay(tx.now), note: row.title,
      userIds: [...new Set([row.created_by, ...authors])],
    })
  }
  await tx.audit(`report:${row.id}`, { move: input.move })
  return reportView(tx.db, caller, row.id)
}

/** The 批示 itself, for editors and auditors; anyone else is refused with its own code. */
export async function readEndorsement(db: Queryable, caller: Caller, reportId: number) {
  const [row] = await db.query<ReportRow>('SELECT * FROM opinion_reports WHERE id = $1', [reportId])
  if (!row) return fail('not_found', '未找到该专报')
  if (!can(caller, 'readEndorsement')) fail('endorsement_hidden', '批示内容仅限社情民意信息员和监督员查看')
  if (!row.endorsement) fail('not_found', '该专报尚无批示')
  return { reportId: row.id, level: row.endorsed_level, endorsedAt: row.endorsed_at && new Date(row.endorsed_at).toISOString(), text: row.endorsement as string }
}
