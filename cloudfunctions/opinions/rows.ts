/** The row shapes of 社情民意's tables, declared once and used as `db.query<…Row>(…)` everywhere. */
import type { OpinionCategory, OpinionChannel, ReportState, SuggestionMove, SuggestionState } from '../../src/domain/opinions'
import type { ProposalMove, ProposalState, ReplyGrade, Satisfaction } from '../../src/domain/opinions/proposals'

export type SuggestionRow = {
  id: number
  author_id: number
  on_behalf_of: string | null
  channel: OpinionChannel
  site_id: string | null
  activity_id: number | null
  category: OpinionCategory
  title: string
  content: string
  contact_consent: boolean
  phone: string | null
  state: SuggestionState
  merged_into: number | null
  gram_count: number
  created_at: Date
  updated_at: Date
  accepted_at: Date | null
}

/** A suggestion as lists read it: its row and the author's shown name. */
export type SuggestionListRow = SuggestionRow & { author_name: string }

export type TimelineRow = {
  at: Date
  move: SuggestionMove
  to_state: SuggestionState
  actor_role: string
  note: string | null
}

export type ReportLinkRow = { id: number; title: string; state: ReportState }

export type IdRow = { id: number }
export type CountRow = { n: number }

export type ReportRow = {
  id: number
  title: string
  body: string
  state: ReportState
  created_by: number
  created_at: Date
  submitted_level: string | null
  submitted_at: Date | null
  adopted_by: string | null
  adopted_at: Date | null
  endorsed_level: string | null
  endorsed_at: Date | null
  endorsement: string | null
}

export type SuggestionLinkRow = { suggestion_id: number; author_id: number }

export type ProposalRow = {
  id: number
  title: string
  body: string
  category: string
  state: ProposalState
  drafted_by: number
  merged_into: number | null
  round: number
  months: number
  registered_at: Date | null
  assigned_at: Date | null
  assigned_day: string | null
  reply_due: string | null
  created_at: Date
  updated_at: Date
}

export type ProposerRow = { user_id: number; name: string; role: 'lead' | 'cosigner' | 'merged' }
export type ProposalUnitRow = { unit_id: string; name: string; lead: boolean }
export type ProposalReplyRow = {
  proposer_id: number
  round: number
  unit_id: string
  grade: ReplyGrade
  body: string
  replied_at: Date
  satisfaction: Satisfaction | null
}
export type ProposalTimelineRow = { at: Date; move: ProposalMove; to_state: ProposalState; actor_role: string; note: string | null }
export type HandoffRow = {
  id: number
  suggestion_id: number | null
  report_id: number | null
  unit_id: string
  unit_name: string
  title: string
  due_day: string
  reply: string | null
  replied_at: Date | null
}
export type UserIdRow = { user_id: number }
