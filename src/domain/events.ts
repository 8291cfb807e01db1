/**
 * The domain events: what happened, as facts, published by the feature that owns the fact inside
 * the transaction that made it (`tx.publish`). A publisher names the people the fact concerns when
 * only its own tables know them (a topic's followers, an activity's sign-ups); who else hears of it
 * (a unit's handlers, staff, a site's admins), what they read and whether a WeChat message goes too
 * is decided by the notices feature alone (cloudfunctions/notices/reactions.ts). `key` makes each
 * event's messages once-only: publishing the same event again tells nobody twice. A ballot's
 * opening and closing are facts of votes that move topics: topics reacts to them; a bound profile
 * is account's fact, and activities keeps a member's facts (name, sector, studio) from it.
 */
import type { CycleSettings } from './cycle'
import type { ReportState, SuggestionState } from './opinions'
import type { ProposalState } from './opinions/proposals'
import type { BindableRole } from './roles'
import type { TopicMove, TopicState } from './topics'

export interface Escalation {
  id: number
  topicId: number
  unitId: string
  title: string
  level: number
  reason: string
}

export type DomainEvent =
  // account: a person bound the profile staff issued (`userId`: the record it joined, if it named one)
  | { type: 'profile.bound'; profileId: number; userId: number; role: BindableRole; name: string; sector: string; siteId: string | null; unitId: string | null }
  // topics
  | { type: 'topic.moved'; key: string; topicId: number; title: string; move: TopicMove; to: TopicState; note: string | null; followers: number[] }
  // votes
  | { type: 'ballot.opened'; cycleId: number; siteId: string; month: string }
  | { type: 'ballot.closed'; cycleId: number; settings: CycleSettings; counts: { topicId: number; votes: number }[] }
  | { type: 'topic.surging'; key: string; topicId: number; siteId: string; title: string; recent: number; total: number; minutes: number }
  // activities
  | { type: 'activity.starting'; key: string; activityId: number; title: string; place: string; startsAt: Date; people: number[] }
  | { type: 'signup.promoted'; key: string; activityId: number; title: string; personId: number }
  // feedback (交办督复评)
  | { type: 'assignment.made'; key: string; topicId: number; title: string; unitId: string; ackDue: string; replyDue: string }
  | { type: 'assignment.change_requested'; key: string; topicId: number; title: string; note: string }
  | { type: 'assignment.change_decided'; key: string; topicId: number; title: string; unitId: string; approve: boolean; note: string }
  | { type: 'assignments.escalated'; escalations: Escalation[] }
  | { type: 'assignments.reopened'; key: string; topicId: number; title: string; reason: string; replyDue: string; assignments: { id: number; unitId: string }[] }
  | { type: 'rating.appealed'; key: string; topicId: number; title: string; reason: string }
  | { type: 'appeal.decided'; key: string; topicId: number; appellantId: number; uphold: boolean; note: string }
  // resources (一键预约): the booker hears of their booking; `cancelledBy` is who cancelled it
  | { type: 'booking.requested'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number }
  | { type: 'booking.confirmed'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number }
  | { type: 'booking.declined'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number; note: string }
  // assessment: staff published a month's bulletin (月通报); the alliance's totals for the message
  | { type: 'bulletin.published'; key: string; month: string; held: number; attendance: number }
  // assessment: a month froze and went to the units for appeals until `appealUntil`; staff decided a unit's appeal
  | { type: 'bulletin.frozen'; key: string; month: string; appealUntil: string }
  | { type: 'bulletin.appeal_decided'; key: string; month: string; appellantId: number; uphold: boolean; note: string }
  | { type: 'booking.cancelled'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number; cancelledBy: number; reason: string | null }
  // resources: a weekly series is told once, by its first occurrence, with how many were booked (`weeks`)
  | { type: 'booking.series'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number; weeks: number; pending: boolean }
  // resources' jobs: a pending booking nobody decided in time, a confirmed one nobody checked in to, a booker suspended
  | { type: 'booking.expired'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number }
  | { type: 'booking.no_show'; key: string; bookingId: number; resourceName: string; siteId: string; startsAt: Date; personId: number }
  | { type: 'booking.suspended'; key: string; personId: number; until: Date; noShows: number }
  // opinions (社情民意): an editor decided a suggestion (accepted, returned, merged); its author hears once per state
  | { type: 'suggestion.decided'; key: string; suggestionId: number; title: string; authorId: number; to: SuggestionState; note: string | null }
  // opinions: a 专报 written from suggestions moved (written, 报送, 采用, 批示); each suggester hears once per report and state
  | { type: 'report.moved'; key: string; reportId: number; title: string; to: ReportState; authors: number[] }
  // opinions: a 提案 moved; its source suggesters hear once per proposal and state (立案 = accepted, 答复 = replied), units when 交办
  | { type: 'proposal.moved'; key: string; proposalId: number; title: string; to: ProposalState; authors: number[]; proposers: number[]; unitIds: string[] }
  // opinions: a matter handed straight to a unit (即商即转 from a suggestion, or a 批示's follow-up), due on `dueDay`
  | { type: 'handoff.made'; key: string; handoffId: number; title: string; unitId: string; dueDay: string; source: 'suggestion' | 'endorsement' }
  // opinions: the unit replied to a hand-off; the suggesters behind it hear once
  | { type: 'handoff.replied'; key: string; handoffId: number; title: string; unitId: string; authors: number[] }
  // opinions: members' 社情民意 work that the duty rules credit (a proposal 立案, a 专报 adopted or endorsed); duty writes the records
  | { type: 'opinion.credited'; key: string; kind: 'proposal' | 'report_adopted' | 'endorsement'; sourceKey: string; day: string; note: string; userIds: number[] }

export type EventType = DomainEvent['type']
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>
