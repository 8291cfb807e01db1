/**
 * 提案: a proposal drafted by a member from suggestions, co-signed by others, then 立案 (registered),
 * 并案 (merged into another, its proposers joining that one's replies), 不立案 (rejected, with a
 * reason) or returned to its drafter; a registered one is 交办 to units, whose reply is due within 3
 * months (6 at most, by an approved extension), one reply per proposer, graded A–D; each proposer
 * rates theirs, and one not satisfied gets one redo. Pure: no I/O.
 */
import { addDays, isWorkingDay, type Calendar } from '../feedback'

export const proposalStates = ['draft', 'submitted', 'registered', 'rejected', 'merged', 'assigned', 'replied', 'closed'] as const
export type ProposalState = (typeof proposalStates)[number]

export const proposalMoves = ['draft', 'cosign', 'submit', 'return', 'register', 'reject', 'merge', 'assign', 'extend', 'reply', 'evaluate'] as const
export type ProposalMove = (typeof proposalMoves)[number]

export const proposalStateLabels: Record<ProposalState, string> = {
  draft: '草稿',
  submitted: '已提交',
  registered: '已立案',
  rejected: '不予立案',
  merged: '已并案',
  assigned: '办理中',
  replied: '已答复',
  closed: '已办结',
}

export const proposalMoveLabels: Record<ProposalMove, string> = {
  draft: '起草',
  cosign: '联名',
  submit: '提交',
  return: '退回',
  register: '立案',
  reject: '不予立案',
  merge: '并案',
  assign: '交办',
  extend: '延期',
  reply: '答复',
  evaluate: '评价',
}

/** How a person is among a proposal's proposers: its drafter, a co-signer, or a proposer of one merged into it. */
export const proposerRoles = ['lead', 'cosigner', 'merged'] as const
export type ProposerRole = (typeof proposerRoles)[number]

/** The 专报's timeline moves: written, its machine's three, and a 批示's follow-up handed to a unit. */
export const reportTimelineMoves = ['write', 'submit', 'adopt', 'endorse', 'hand_off'] as const

/** Who makes a move: the drafter, any member (co-signing), an editor (提案委 staff), an assigned unit, a proposer. */
export type ProposalActor = 'drafter' | 'member' | 'editor' | 'unit' | 'proposer'

/**
 * Where each move may start, where it leads (null: it stays, or, for reply and evaluate, the
 * function decides from the replies), whether it needs a note, and who makes it.
 */
export const proposalMachine: Record<Exclude<ProposalMove, 'draft'>, { from: readonly ProposalState[]; to: ProposalState | null; note: boolean; by: ProposalActor }> = {
  cosign: { from: ['draft', 'submitted'], to: null, note: false, by: 'member' },
  submit: { from: ['draft'], to: 'submitted', note: false, by: 'drafter' },
  return: { from: ['submitted'], to: 'draft', note: true, by: 'editor' },
  register: { from: ['submitted'], to: 'registered', note: false, by: 'editor' },
  reject: { from: ['submitted'], to: 'rejected', note: true, by: 'editor' },
  merge: { from: ['submitted', 'registered'], to: 'merged', note: true, by: 'editor' },
  assign: { from: ['registered'], to: 'assigned', note: false, by: 'editor' },
  extend: { from: ['assigned'], to: null, note: true, by: 'editor' },
  reply: { from: ['assigned'], to: null, note: false, by: 'unit' },
  evaluate: { from: ['replied'], to: null, note: false, by: 'proposer' },
}

/** A proposal that may take others merged into it. */
export const MERGE_TARGETS: readonly ProposalState[] = ['submitted', 'registered', 'assigned']

export const mayMove = (state: ProposalState, move: Exclude<ProposalMove, 'draft'>) => proposalMachine[move].from.includes(state)

/** 答复 grades: A solved or adopted, B being solved, C to be solved when conditions allow, D kept for reference. */
export const replyGrades = ['A', 'B', 'C', 'D'] as const
export type ReplyGrade = (typeof replyGrades)[number]
export const gradeLabels: Record<ReplyGrade, string> = { A: 'A 已解决或采纳', B: 'B 正在解决', C: 'C 列入计划逐步解决', D: 'D 留作参考' }

export const satisfactions = ['satisfied', 'basic', 'unsatisfied'] as const
export type Satisfaction = (typeof satisfactions)[number]
export const satisfactionLabels: Record<Satisfaction, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }

/** Months a unit has to reply, and the most an approved extension may reach, counted from 交办. */
export const REPLY_MONTHS = 3
export const MAX_MONTHS = 6
/** Months a redo (one, after a proposer is not satisfied) has from the rating. */
export const REDO_MONTHS = 1
/** The rounds a proposer's reply may take: the first, and one redo. */
export const MAX_ROUND = 2

/** The same day `months` later (the month's last day when it has no such day). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, last))
  return target.toISOString().slice(0, 10)
}

/** The last working day on or before `day`: a due date never later than the rule allows. */
export function workingDayOnOrBefore(day: string, calendar: Calendar): string {
  let current = day
  while (!isWorkingDay(current, calendar)) current = addDays(current, -1)
  return current
}

/** The reply's due day `months` after 交办 on `assignedDay`, in working days (never past the months). */
export const replyDue = (assignedDay: string, months: number, calendar: Calendar) => workingDayOnOrBefore(addMonths(assignedDay, months), calendar)

/** Whether an extension to `months` in all is allowed: more than before and at most MAX_MONTHS. */
export function extensionProblem(current: number, months: number): string | null {
  if (months <= current) return `延期后的办理期限须长于现在的 ${current} 个月`
  if (months > MAX_MONTHS) return `提案办理期限最长 ${MAX_MONTHS} 个月，不能再延期`
  return null
}

/**
 * After a proposer's rating: when everyone who had to rate this round has, a redo (round 2) if any
 * is not satisfied and it is the first round, else closed; otherwise it stays replied.
 */
export function afterRatings(round: number, ratings: readonly (Satisfaction | null)[]): 'replied' | 'redo' | 'closed' {
  if (ratings.some((rating) => rating === null)) return 'replied'
  return round < MAX_ROUND && ratings.includes('unsatisfied') ? 'redo' : 'closed'
}

export interface ProposalReplyView {
  proposerId: number
  proposer: string
  round: number
  unitId: string | null
  grade: ReplyGrade | null
  body: string | null
  repliedAt: string | null
  satisfaction: Satisfaction | null
}

export interface ProposalTimelineEntry {
  at: string
  move: ProposalMove
  toState: ProposalState
  actorRole: string
  note: string | null
}

export interface ProposalView {
  id: number
  title: string
  body: string
  category: string
  state: ProposalState
  stateLabel: string
  mergedInto: number | null
  round: number
  months: number
  assignedAt: string | null
  replyDue: string | null
  units: { id: string; name: string; lead: boolean }[]
  proposers: { id: number; name: string; role: ProposerRole }[]
  suggestionIds: number[]
  replies: ProposalReplyView[]
  timeline: ProposalTimelineEntry[]
}

export interface ProposalSummary {
  id: number
  title: string
  state: ProposalState
  stateLabel: string
  replyDue: string | null
  createdAt: string
}
