/** The row shapes of 社情民意's tables, declared once and used as `db.query<…Row>(…)` everywhere. */
import type { OpinionCategory, OpinionChannel, ReportState, SuggestionMove, SuggestionState } from '../../src/domain/opinions'

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
