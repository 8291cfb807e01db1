/**
 * 提案 through their machine (src/domain/opinions/proposals.ts): drafted by a member from accepted
 * suggestions, co-signed, 立案 / 并案 / 不立案, 交办 to units with a due day in working days, one
 * reply per proposer and round, each proposer's rating, one redo. Each move is one timeline row;
 * the suggesters hear of 立案 and 答复, the units of 交办, and the duty rules credit the members.
 */
import { shanghaiDay } from '../../src/domain/time'
import type { ParsedInputOf } from '../../src/domain/contract'
import { opinionsContract } from '../../src/domain/opinions/contract'
import { can } from '../../src/domain/opinions/permissions'
import {
  afterRatings, extensionProblem, MERGE_TARGETS, mayMove, proposalMachine, proposalMoveLabels, proposalStateLabels, REDO_MONTHS, REPLY_MONTHS, replyDue,
  type ProposalMove, type ProposalState, type ProposalView,
} from '../../src/domain/opinions/proposals'
import { holds } from '../../src/domain/person'
import { roleLabels } from '../../src/domain/roles'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import type { Queryable } from '../core/db'
import type { Scope } from '../core/scope'
import { findUnits, loadCalendar } from '../feedback/public'
import { linkSuggestions } from './links'
import type { IdRow, ProposalReplyRow, ProposalRow, ProposalTimelineRow, ProposalUnitRow, ProposerRow, UserIdRow } from './rows'

export type In<A extends keyof typeof opinionsContract> = ParsedInputOf<(typeof opinionsContract)[A]>

const actorRole = (caller: Caller, by: string) =>
  by === 'unit' ? roleLabels.unit_handler : by === 'editor' ? (holds(caller, 'opinion_editor') ? roleLabels.opinion_editor : roleLabels.staff) : by === 'drafter' ? '提案人' : roleLabels.member

export async function lockProposal(db: Queryable, id: number): Promise<ProposalRow> {
  const [row] = await db.query<ProposalRow>('SELECT * FROM proposals WHERE id = $1 FOR UPDATE', [id])
  return row ?? fail('not_found', '未找到该提案')
}

/** The state written and one timeline row: the one way a proposal moves. */
async function step(tx: Scope, row: ProposalRow, move: ProposalMove, to: ProposalState, caller: Caller, note: string | null, set = '', params: unknown[] = []) {
  const by = move === 'draft' ? 'drafter' : proposalMachine[move].by
  await tx.db.query(`UPDATE proposals SET state = $2, updated_at = $3${set} WHERE id = $1`, [row.id, to, tx.now, ...params])
  await tx.db.query('INSERT INTO proposal_timeline (proposal_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    row.id, tx.now, caller.userId, actorRole(caller, by), move, to, note,
  ])
}

/** Refuses a move the machine forbids from the row's state, or one without its note. */
function check(row: ProposalRow, move: Exclude<ProposalMove, 'draft'>, note: string | null) {
  if (!mayMove(row.state, move)) fail('conflict', row.state === 'merged' ? '该提案已并案，不能再次操作' : `提案${proposalStateLabels[row.state]}，不能${proposalMoveLabels[move]}`)
  if (proposalMachine[move].note && !note) fail('invalid_input', `${proposalMoveLabels[move]}时请填写${move === 'reject' ? '不予立案理由' : '说明'}`)
}

const proposersOf = async (db: Queryable, id: number) => (await db.query<UserIdRow>('SELECT user_id FROM proposal_proposers WHERE proposal_id = $1 ORDER BY user_id', [id])).map((r) => r.user_id)
const suggestersOf = async (db: Queryable, id: number) =>
  (await db.query<UserIdRow>('SELECT DISTINCT s.author_id AS user_id FROM proposal_suggestions l JOIN suggestions s ON s.id = l.suggestion_id WHERE l.proposal_id = $1 ORDER BY 1', [id])).map((r) => r.user_id)
const unitsOf = async (db: Queryable, id: number) => (await db.query<{ unit_id: string }>('SELECT unit_id FROM proposal_units WHERE proposal_id = $1 ORDER BY unit_id', [id])).map((r) => r.unit_id)

/** Tells the suggesters, the proposers and (on 交办) the units, once per proposal and state. */
async function tell(tx: Scope, row: ProposalRow, to: ProposalState) {
  await tx.publish({
    type: 'proposal.moved', key: `proposal:${row.id}:${to}`, proposalId: row.id, title: row.title, to,
    authors: await suggestersOf(tx.db, row.id), proposers: await proposersOf(tx.db, row.id), unitIds: to === 'assigned' ? await unitsOf(tx.db, row.id) : [],
  })
}

/** Who must reply and rate in the row's round: every proposer, or, in the redo, those not satisfied. */
async function waiting(db: Queryable, row: ProposalRow): Promise<number[]> {
  if (row.round === 1) return proposersOf(db, row.id)
  const rows = await db.query<UserIdRow>(`SELECT proposer_id AS user_id FROM proposal_replies WHERE proposal_id = $1 AND round = 1 AND satisfaction = 'unsatisfied' ORDER BY 1`, [row.id])
  return rows.map((r) => r.user_id)
}

export async function proposalView(db: Queryable, id: number): Promise<ProposalView> {
  const [row] = await db.query<ProposalRow>('SELECT * FROM proposals WHERE id = $1', [id])
  if (!row) return fail('not_found', '未找到该提案')
  const [proposers, units, replies, timeline, links] = await Promise.all([
    db.query<ProposerRow>('SELECT p.user_id, u.nickname AS name, p.role FROM proposal_proposers p JOIN users u ON u.id = p.user_id WHERE p.proposal_id = $1 ORDER BY p.role, p.user_id', [id]),
    db.query<ProposalUnitRow>('SELECT p.unit_id, u.name, p.lead FROM proposal_units p JOIN units u ON u.id = p.unit_id WHERE p.proposal_id = $1 ORDER BY p.lead DESC, p.unit_id', [id]),
    db.query<ProposalReplyRow>('SELECT * FROM proposal_replies WHERE proposal_id = $1 ORDER BY round, proposer_id', [id]),
    db.query<ProposalTimelineRow>('SELECT at, move, to_state, actor_role, note FROM proposal_timeline WHERE proposal_id = $1 ORDER BY id', [id]),
    db.query<{ suggestion_id: number }>('SELECT suggestion_id FROM proposal_suggestions WHERE proposal_id = $1 ORDER BY 1', [id]),
  ])
  const names = new Map(proposers.map((p) => [p.user_id, p.name]))
  return {
    id: row.id, title: row.title, body: row.body, category: row.category, state: row.state, stateLabel: proposalStateLabels[row.state],
    mergedInto: row.merged_into, round: row.round, months: row.months,
    assignedAt: row.assigned_at && new Date(row.assigned_at).toISOString(), replyDue: row.reply_due,
    units: units.map((u) => ({ id: u.unit_id, name: u.name, lead: u.lead })),
    proposers: proposers.map((p) => ({ id: p.user_id, name: p.name, role: p.role })),
    suggestionIds: links.map((l) => l.suggestion_id),
    replies: replies.map((r) => ({
      proposerId: r.proposer_id, proposer: names.get(r.proposer_id) ?? '', round: r.round, unitId: r.unit_id, grade: r.grade, body: r.body,
      repliedAt: new Date(r.replied_at).toISOString(), satisfaction: r.satisfaction,
    })),
    timeline: timeline.map((t) => ({ at: new Date(t.at).toISOString(), move: t.move, toState: t.to_state, actorRole: t.actor_role, note: t.note })),
  }
}

/** Whether `caller` may read the proposal: a proposer, an editor or auditor, a handler of one of its units. */
export async function mayRead(db: Queryable, caller: Caller, id: number): Promise<boolean> {
  if (can(caller, 'seeAll')) return true
  const [known] = await db.query<IdRow>('SELECT proposal_id AS id FROM proposal_proposers WHERE proposal_id = $1 AND user_id = $2', [id, caller.userId])
  return !!known || can(caller, 'replyAsUnit', { unitIds: await unitsOf(db, id) })
}

export async function draftProposal(tx: Scope, caller: Caller, input: In<'draftProposal'>): Promise<ProposalView> {
  if (!can(caller, 'draftProposal')) fail('forbidden', '只有政协委员可以起草提案')
  const [row] = await tx.db.query<ProposalRow>(
    'INSERT INTO proposals (title, body, category, drafted_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING *',
    [input.title, input.body, input.category, caller.userId, tx.now],
  )
  await tx.db.query(`INSERT INTO proposal_proposers (proposal_id, user_id, role) VALUES ($1, $2, 'lead')`, [row.id, caller.userId])
  await step(tx, row, 'draft', 'draft', caller, null)
  await linkSuggestions(tx, { table: 'proposal_suggestions', column: 'proposal_id', id: row.id, name: '提案', label: `写入提案“${row.title}”` }, input.suggestionIds, caller)
  return proposalView(tx.db, row.id)
}

export async function cosign(tx: Scope, caller: Caller, input: In<'cosign'>): Promise<ProposalView> {
  if (!can(caller, 'draftProposal')) fail('forbidden', '只有政协委员可以联名提案')
  const row = await lockProposal(tx.db, input.proposalId)
  check(row, 'cosign', null)
  const added = await tx.db.query<UserIdRow>(
    `INSERT INTO proposal_proposers (proposal_id, user_id, role) VALUES ($1, $2, 'cosigner') ON CONFLICT DO NOTHING RETURNING user_id`, [row.id, caller.userId],
  )
  if (added.length === 0) fail('duplicate', '您已是该提案的提案人')
  await step(tx, row, 'cosign', row.state, caller, null)
  return proposalView(tx.db, row.id)
}

export async function moveProposal(tx: Scope, caller: Caller, input: In<'moveProposal'>): Promise<ProposalView> {
  const row = await lockProposal(tx.db, input.proposalId)
  const note = input.note || null
  const rule = proposalMachine[input.move]
  if (rule.by === 'drafter' ? row.drafted_by !== caller.userId : !can(caller, 'handleProposal')) {
    fail('forbidden', rule.by === 'drafter' ? '只有提案人可以提交提案' : '只有社情民意信息员或政协工作人员可以办理提案')
  }
  check(row, input.move, note)
  const today = shanghaiDay(tx.now)
  if (input.move === 'assign') {
    if (!input.unitIds) return fail('invalid_input', '请选择承办单位')
    const units = [...new Set(input.unitIds)]
    await findUnits(tx.db, units)
    const due = replyDue(today, REPLY_MONTHS, await loadCalendar(tx.db))
    await tx.db.query('INSERT INTO proposal_units (proposal_id, unit_id, lead) SELECT $1, u, n = 1 FROM unnest($2::text[]) WITH ORDINALITY AS x(u, n)', [row.id, units])
    await step(tx, row, 'assign', 'assigned', caller, note, ', assigned_at = $4, assigned_day = $5, reply_due = $6, months = $7', [tx.now, today, due, REPLY_MONTHS])
  } else if (input.move === 'extend') {
    if (!input.months) return fail('invalid_input', '请填写延期后的办理期限（月）')
    const problem = extensionProblem(row.months, input.months)
    if (problem) fail(input.months > row.months ? 'extension_too_long' : 'invalid_input', problem)
    const due = replyDue(row.assigned_day ?? today, input.months, await loadCalendar(tx.db))
    await step(tx, row, 'extend', row.state, caller, note, ', months = $4, reply_due = $5', [input.months, due])
  } else {
    const to = rule.to as ProposalState
    await step(tx, row, input.move, to, caller, note, input.move === 'register' ? ', registered_at = $4' : '', input.move === 'register' ? [tx.now] : [])
    if (input.move === 'register') {
      await tx.publish({ type: 'opinion.credited', key: `credit:proposal:${row.id}`, kind: 'proposal', sourceKey: `proposal:${row.id}`, day: today, note: row.title, userIds: await proposersOf(tx.db, row.id) })
    }
  }
  if (input.move === 'register' || input.move === 'assign') await tell(tx, row, input.move === 'register' ? 'registered' : 'assigned')
  await tx.audit(`proposal:${row.id}`, { move: input.move })
  return proposalView(tx.db, row.id)
}

export async function mergeProposal(tx: Scope, caller: Caller, input: In<'mergeProposal'>): Promise<ProposalView> {
  if (!can(caller, 'handleProposal')) fail('forbidden', '只有社情民意信息员或政协工作人员可以并案')
  if (input.proposalId === input.intoId) fail('invalid_input', '不能并入提案本身')
  // Locks in id order, the one lock order of merges.
  const locked = new Map<number, ProposalRow>()
  for (const id of [input.proposalId, input.intoId].sort((a, b) => a - b)) locked.set(id, await lockProposal(tx.db, id))
  const row = locked.get(input.proposalId) as ProposalRow
  const into = locked.get(input.intoId) as ProposalRow
  check(row, 'merge', input.note)
  if (!MERGE_TARGETS.includes(into.state)) fail('conflict', '并入的提案须已提交、已立案或办理中')
  await step(tx, row, 'merge', 'merged', caller, input.note, ', merged_into = $4', [into.id])
  // Its proposers join the kept one, each to get a reply; its suggestions are linked there too; those merged into it follow.
  await tx.db.query(
    `INSERT INTO proposal_proposers (proposal_id, user_id, role, via_proposal_id) SELECT $2, user_id, 'merged', $1 FROM proposal_proposers WHERE proposal_id = $1 ON CONFLICT DO NOTHING`,
    [row.id, into.id],
  )
  await tx.db.query('INSERT INTO proposal_suggestions (proposal_id, suggestion_id) SELECT $2, suggestion_id FROM proposal_suggestions WHERE proposal_id = $1 ON CONFLICT DO NOTHING', [row.id, into.id])
  await tx.db.query('UPDATE proposals SET merged_into = $2 WHERE merged_into = $1', [row.id, into.id])
  await tx.audit(`proposal:${row.id}`, { move: 'merge', into: into.id })
  return proposalView(tx.db, into.id)
}

export async function replyProposal(tx: Scope, caller: Caller, input: In<'replyProposal'>): Promise<ProposalView> {
  const row = await lockProposal(tx.db, input.proposalId)
  const units = await unitsOf(tx.db, row.id)
  const unit = caller.grants.find((grant) => grant.role === 'unit_handler' && grant.unitId && units.includes(grant.unitId))?.unitId
  if (!unit) return fail('not_assigned', '本单位未承办该提案，不能答复')
  check(row, 'reply', null)
  const due = await waiting(tx.db, row)
  const to = input.proposerId ? [input.proposerId] : due
  if (input.proposerId && !due.includes(input.proposerId)) fail('invalid_input', '该用户不是本轮待答复的提案人')
  const written = await tx.db.query<UserIdRow>(
    `INSERT INTO proposal_replies (proposal_id, proposer_id, round, unit_id, grade, body, replied_by, replied_at)
     SELECT $1, p, $3, $4, $5, $6, $7, $8 FROM unnest($2::bigint[]) p ON CONFLICT DO NOTHING RETURNING proposer_id AS user_id`,
    [row.id, to, row.round, unit, input.grade, input.body, caller.userId, tx.now],
  )
  if (written.length === 0) fail('conflict', input.proposerId ? '该提案人本轮已收到答复' : '本轮答复已全部完成')
  const [{ n }] = await tx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM proposal_replies WHERE proposal_id = $1 AND round = $2 AND proposer_id = ANY($3::bigint[])', [row.id, row.round, due])
  const state: ProposalState = n === due.length ? 'replied' : 'assigned'
  await step(tx, row, 'reply', state, caller, `答复${written.length}位提案人（${input.grade}类）`)
  if (state === 'replied') await tell(tx, row, 'replied')
  return proposalView(tx.db, row.id)
}

export async function rateProposal(tx: Scope, caller: Caller, input: In<'rateProposal'>): Promise<ProposalView> {
  const row = await lockProposal(tx.db, input.proposalId)
  const due = await waiting(tx.db, row)
  if (!due.includes(caller.userId)) fail('forbidden', '只有收到答复的提案人可以评价')
  if (!mayMove(row.state, 'evaluate')) fail('conflict', '尚有提案人未收到答复，暂不能评价')
  const rated = await tx.db.query<UserIdRow>(
    `UPDATE proposal_replies SET satisfaction = $4, rated_at = $5 WHERE proposal_id = $1 AND proposer_id = $2 AND round = $3 AND satisfaction IS NULL RETURNING proposer_id AS user_id`,
    [row.id, caller.userId, row.round, input.satisfaction, tx.now],
  )
  if (rated.length === 0) fail('duplicate', '您已评价过本轮答复')
  const ratings = await tx.db.query<ProposalReplyRow>('SELECT * FROM proposal_replies WHERE proposal_id = $1 AND round = $2 AND proposer_id = ANY($3::bigint[])', [row.id, row.round, due])
  const next = afterRatings(row.round, ratings.map((r) => r.satisfaction))
  const note = input.note || null
  if (next === 'redo') {
    const redoDue = replyDue(shanghaiDay(tx.now), REDO_MONTHS, await loadCalendar(tx.db))
    await step(tx, row, 'evaluate', 'assigned', caller, note ?? '提案人不满意，重新办理', ', round = 2, reply_due = $4', [redoDue])
  } else await step(tx, row, 'evaluate', next, caller, note)
  return proposalView(tx.db, row.id)
}

/** Whether the proposal's list scope is one the caller may read. */
export function mayList(caller: Caller, scope: 'mine' | 'all' | 'unit'): boolean {
  return scope === 'mine' || (scope === 'all' ? can(caller, 'seeAll') : holds(caller, 'unit_handler'))
}
