/**
 * 社情民意: a suggestion's states and the moves between them. A suggestion is `submitted` (or
 * `held` when the content check asks a person to read it first); an editor accepts it, returns it
 * with a note, or merges it into another (a note naming the one kept); its author may withdraw it
 * while nobody has decided; an accepted suggestion is `used` once it feeds an output (a 专报). Nothing
 * is deleted: withdrawal is a state. Each move is one timeline row.
 */
export const suggestionStates = ['held', 'submitted', 'accepted', 'returned', 'merged', 'withdrawn', 'used'] as const
export type SuggestionState = (typeof suggestionStates)[number]

export const suggestionMoves = ['submit', 'accept', 'return', 'merge', 'withdraw', 'use'] as const
export type SuggestionMove = (typeof suggestionMoves)[number]

export const suggestionStateLabels: Record<SuggestionState, string> = {
  held: '待审核',
  submitted: '已提交',
  accepted: '已采纳',
  returned: '已退回',
  merged: '已合并',
  withdrawn: '已撤回',
  used: '已转化',
}

/** Where each move may start and where it leads; a move missing here is forbidden. */
export const suggestionMachine: Record<Exclude<SuggestionMove, 'submit'>, { from: readonly SuggestionState[]; to: SuggestionState; note: boolean }> = {
  accept: { from: ['held', 'submitted'], to: 'accepted', note: false },
  return: { from: ['held', 'submitted'], to: 'returned', note: true },
  merge: { from: ['held', 'submitted', 'accepted'], to: 'merged', note: true },
  withdraw: { from: ['held', 'submitted', 'returned'], to: 'withdrawn', note: false },
  use: { from: ['accepted', 'used'], to: 'used', note: false },
}

/** The state after `move` from `state`, or null when the machine forbids it. */
export function nextState(state: SuggestionState, move: Exclude<SuggestionMove, 'submit'>): SuggestionState | null {
  const rule = suggestionMachine[move]
  return rule.from.includes(state) ? rule.to : null
}

export const opinionCategories = ['经济发展', '营商环境', '城市建设', '社会民生', '生态环境', '文化教育', '基层治理', '其他'] as const
export type OpinionCategory = (typeof opinionCategories)[number]

/** How a suggestion reached the alliance. */
export const opinionChannels = ['self', 'activity', 'on_behalf'] as const
export type OpinionChannel = (typeof opinionChannels)[number]
export const channelLabels: Record<OpinionChannel, string> = { self: '本人提交', activity: '活动后提交', on_behalf: '代为录入' }

/** At most this many suggestions per person per Asia/Shanghai day (entries on someone's behalf count to the one entering). */
export const SUGGESTIONS_PER_DAY = 5

export const TITLE_LIMITS = { min: 4, max: 40 } as const
export const CONTENT_LIMITS = { min: 10, max: 2000 } as const
export const NOTE_LIMITS = { min: 2, max: 500 } as const
export const SPEAKER_LIMITS = { min: 1, max: 20 } as const

/** Two suggestions are offered as possible duplicates from this Jaccard similarity of their character pairs. */
export const SIMILAR_FROM = 0.2

/** 专报 (社情民意信息专报): drafted, 报送 to a level, 采用, 批示. */
export const reportStates = ['draft', 'submitted', 'adopted', 'endorsed'] as const
export type ReportState = (typeof reportStates)[number]
export const reportStateLabels: Record<ReportState, string> = { draft: '已编写', submitted: '已报送', adopted: '已采用', endorsed: '获批示' }

export const reportMoves = ['submit', 'adopt', 'endorse'] as const
export type ReportMove = (typeof reportMoves)[number]
/** 报送 a written report; 采用 a submitted one; a 批示 on a report submitted (adopted or not), never on a draft. */
export const reportMachine: Record<ReportMove, { from: readonly ReportState[]; to: ReportState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  adopt: { from: ['submitted'], to: 'adopted' },
  endorse: { from: ['submitted', 'adopted'], to: 'endorsed' },
}
export const reportLevels = ['区级', '市级', '省级', '全国'] as const

export interface ReportView {
  id: number
  title: string
  state: ReportState
  suggestionIds: number[]
  submittedLevel: string | null
  adoptedBy: string | null
  endorsedLevel: string | null
  /** The 批示 text: only for editors and auditors, null for everyone else. */
  endorsement: string | null
}

export interface SuggestionSummary {
  id: number
  title: string
  category: OpinionCategory
  siteId: string | null
  channel: OpinionChannel
  state: SuggestionState
  stateLabel: string
  createdAt: string
  /** The suggester as the reader may see them: the full name for editors and the author, masked otherwise. */
  suggester: string
  mergedInto: number | null
  /** What came of it: each 专报, 提案 and hand-off it fed, with its state and answer. */
  outcomes: SuggestionOutcome[]
}

export interface SuggestionOutcome {
  kind: 'report' | 'proposal' | 'handoff'
  id: number
  title: string
  stateLabel: string
  /** What the suggester may read of the answer: the unit's reply, who adopted it, a 批示's level (never its text). */
  answer: string | null
}

export interface TimelineEntry {
  at: string
  move: SuggestionMove
  toState: SuggestionState
  actorRole: string
  note: string | null
}

export interface SuggestionDetail extends SuggestionSummary {
  content: string
  activityId: number | null
  contactConsent: boolean
  /** Only for editors and the author. */
  phone: string | null
  timeline: TimelineEntry[]
  /** Outputs it fed. */
  reports: { id: number; title: string; state: ReportState }[]
}

export interface SimilarSuggestion {
  id: number
  title: string
  state: SuggestionState
  similarity: number
}
