/**
 * The topic lifecycle (提议办评): one state machine, used by the functions to refuse illegal moves
 * and by pages to show only the moves a person may make: 提 → 议 (topics, votes), then 交办督复评
 * (feedback): assigned, handled, replied by every unit, published, evaluated, closed, or reopened.
 */
import { lengthProblem } from '../limits'

export const topicStates = [
  'held',
  'submitted',
  'returned',
  'rejected',
  'merged',
  'accepted',
  'on_ballot',
  'selected',
  'not_selected',
  'deliberated',
  'assigned',
  'in_progress',
  'replied',
  'published',
  'evaluated',
  'closed',
  'reopened',
] as const
export type TopicState = (typeof topicStates)[number]

/** The states of a topic its ballot selected, from selection on (what 入选 counts). */
export const selectedStates: readonly TopicState[] = ['selected', 'deliberated', 'assigned', 'in_progress', 'replied', 'published', 'evaluated', 'closed', 'reopened']

/** The states of a topic a duplicate may be merged into: still open, not yet replied, published or rated. */
/** The states of a topic whose handling is done (replied, published, rated or closed): nothing may be merged into it any more. */
export const finishedStates: readonly TopicState[] = ['replied', 'published', 'evaluated', 'closed']

export const mergeTargetStates: readonly TopicState[] = ['submitted', 'accepted', 'on_ballot', 'selected', 'deliberated', 'assigned', 'in_progress', 'reopened']

export const topicStateLabels: Record<TopicState, string> = {
  held: '内容审核中',
  submitted: '待审核',
  returned: '已退回修改',
  rejected: '未采纳',
  merged: '已合并',
  accepted: '已受理',
  on_ballot: '投票中',
  selected: '已入选',
  not_selected: '未入选',
  deliberated: '已协商',
  assigned: '已交办',
  in_progress: '办理中',
  replied: '已答复',
  published: '已公示',
  evaluated: '已评价',
  closed: '已办结',
  reopened: '重新督办',
}

export type TopicMove =
  | 'release' | 'accept' | 'return' | 'reject' | 'merge' | 'resubmit' | 'hold' | 'ballot' | 'select' | 'deselect' | 'deliberate'
  | 'assign' | 'handle' | 'reply' | 'publish' | 'evaluate' | 'close' | 'reopen'

/** Every legal move: from which states, to which state, and whether it needs a note. */
export const moves: Record<TopicMove, { from: readonly TopicState[]; to: TopicState; note: boolean; label: string }> = {
  release: { from: ['held'], to: 'submitted', note: false, label: '审核通过' },
  accept: { from: ['submitted'], to: 'accepted', note: false, label: '受理' },
  return: { from: ['submitted'], to: 'returned', note: true, label: '退回修改' },
  reject: { from: ['held', 'submitted'], to: 'rejected', note: true, label: '不予采纳' },
  merge: { from: ['submitted'], to: 'merged', note: true, label: '合并' },
  resubmit: { from: ['returned'], to: 'submitted', note: false, label: '修改后重新提交' },
  hold: { from: ['returned'], to: 'held', note: false, label: '修改后待内容审核' },
  ballot: { from: ['accepted'], to: 'on_ballot', note: false, label: '列入投票' },
  select: { from: ['on_ballot'], to: 'selected', note: false, label: '投票入选' },
  deselect: { from: ['on_ballot'], to: 'not_selected', note: false, label: '投票未入选' },
  deliberate: { from: ['selected'], to: 'deliberated', note: false, label: '协商议事' },
  assign: { from: ['deliberated'], to: 'assigned', note: false, label: '交办' },
  handle: { from: ['assigned', 'reopened'], to: 'in_progress', note: false, label: '承办单位办理' },
  reply: { from: ['in_progress'], to: 'replied', note: false, label: '全部答复' },
  publish: { from: ['replied'], to: 'published', note: false, label: '公示办理结果' },
  evaluate: { from: ['published'], to: 'evaluated', note: false, label: '群众评价' },
  close: { from: ['evaluated'], to: 'closed', note: false, label: '办结' },
  reopen: { from: ['replied', 'published', 'evaluated'], to: 'reopened', note: true, label: '重新督办' },
}

export function nextState(state: TopicState, move: TopicMove): TopicState | undefined {
  return moves[move].from.includes(state) ? moves[move].to : undefined
}

/** Moves that can be made from a state. */
export const movesFrom = (state: TopicState) => (Object.keys(moves) as TopicMove[]).filter((move) => moves[move].from.includes(state))

export const topicCategories = ['环境卫生', '交通出行', '养老托育', '文化教育', '物业管理', '营商环境', '平安建设', '其他'] as const
export type TopicCategory = (typeof topicCategories)[number]

export const TITLE_MIN = 2
export const TITLE_MAX = 30
export const BODY_MIN = 10
export const BODY_MAX = 1000
export const PHOTOS_MAX = 3

export const titleLimits = { min: TITLE_MIN, max: TITLE_MAX }
export const bodyLimits = { min: BODY_MIN, max: BODY_MAX }

/** Every problem of a topic's draft at once, by field, with the function's own messages (none: ready to send). */
export function topicDraftProblems(draft: { title: string; body: string; category?: string }) {
  return {
    title: lengthProblem('标题', draft.title, titleLimits),
    body: lengthProblem('内容', draft.body, bodyLimits),
    category: draft.category ? undefined : '请选择议题类别',
  }
}

export interface TimelineEntry {
  at: string
  move: TopicMove | 'propose'
  state: TopicState
  /** Masked name (王*英) and role label of who made the move; empty for the system (jobs). */
  actor: string
  role: string
  note: string | null
}

export interface MeetingRecord {
  form: MeetingForm
  at: string
  place: string
  activityId: number | null
  participants: number
  sectors: string[]
  opinions: string
  nextSteps: string
}

export const meetingForms = ['议事会', '恳谈会', '协商沙龙', '线上'] as const
export type MeetingForm = (typeof meetingForms)[number]

export interface TopicSummary {
  id: number
  siteId: string
  siteName: string
  month: string
  title: string
  category: TopicCategory
  state: TopicState
  proposer: string
  createdAt: string
  supporters: number
  /** Votes on its ballot, when the ballot shows counts (after it closes, or live when the site chose). */
  votes: number | null
}

export interface TopicDetail extends TopicSummary {
  body: string
  photos: string[]
  proposerId: number
  mergedInto: { id: number; title: string } | null
  timeline: TimelineEntry[]
  meeting: MeetingRecord | null
  following: boolean
  supporting: boolean
}

export interface SimilarTopic {
  id: number
  title: string
  state: TopicState
  /** Share of character pairs in common (Jaccard over bigrams), 0..1. */
  similarity: number
}
