/** What the 议事 tab shows of a site's month: its cycle, the ballot and the results. */
import { addMonths, type CycleSettings, type CycleStatus, type Eligibility } from '../cycle'
import type { TopicState } from '../topics'

export interface CycleView extends CycleSettings {
  siteId: string
  siteName: string
  month: string
  status: CycleStatus
  /** Which window is open now by the server's clock. */
  phase: 'before' | 'proposing' | 'between' | 'voting' | 'closed'
  proposeStart: string
  proposeEnd: string
  voteStart: string
  voteEnd: string
  meetingAt: string
}

export interface BallotTopic {
  id: number
  title: string
  category: string
  state: TopicState
  /** Shown after the vote closes, or live when the site chose so. */
  votes: number | null
  mine: boolean
}

export interface Ballot {
  cycle: CycleView
  topics: BallotTopic[]
  /** My votes left on this ballot. */
  left: number
  /** Whether I may vote, and if not why and how to become eligible. */
  eligible: boolean
  reason: string | null
  eligibility: Eligibility
}

export interface Results {
  cycle: CycleView
  /** Every topic on the ballot with its final count, best first; the top `winners` are selected. */
  topics: (BallotTopic & { rank: number; selected: boolean })[]
  totalVotes: number
  voters: number
}

/** The month a topic proposed now goes to: this cycle's while it collects, else the next month's (as the function decides). */
export const proposalMonth = (cycle: CycleView) => (cycle.phase === 'before' || cycle.phase === 'proposing' ? cycle.month : addMonths(cycle.month, 1))

/** 2026-12 → 2026 年 12 月 */
export const monthLabel = (month: string) => `${month.slice(0, 4)} 年 ${Number(month.slice(5))} 月`
