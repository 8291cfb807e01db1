/**
 * 交办督复评: working days from the holiday calendar, supervision levels, the 好差评 scale, the
 * reopen rule, and the shapes the feedback function answers. Pure: no I/O.
 */
import { shanghaiDay } from '../time'

/** Default working days to reply, and to acknowledge, counted from the day after assignment. */
export const DEFAULT_DUE_DAYS = 15
export const ACK_DAYS = 1
/** Working days after a missed deadline before the next level of supervision. */
export const GRACE_DAYS = 3
/** Working days a reopened assignment gets for its new reply. */
export const REOPEN_DAYS = 10
/** A person may change their rating this many days after first giving it. */
export const RATING_CHANGE_DAYS = 7
/** An evaluated topic closes this many days after its outcome was published. */
export const CLOSE_AFTER_DAYS = 30

/** 提醒 → 催办 → 督办 (0: none). */
export const supervisionLabels = ['', '提醒', '催办', '督办'] as const
export const MAX_LEVEL = 3

/** The national 好差评 five-point scale, 5 best. */
/** A rating of this score or more counts as satisfied (满意), wherever satisfaction is counted. */
export const SATISFIED_SCORE = 4

export const ratingLabels: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '基本满意', 2: '不满意', 1: '非常不满意' }

/** Calendar overrides: a `holiday` on a weekday, or a make-up `workday` (调休) on a weekend. */
export const dayKinds = ['holiday', 'workday'] as const
export type DayKind = (typeof dayKinds)[number]
export type Calendar = ReadonlyMap<string, DayKind>

const DAY_MS = 86_400_000
/** `n` calendar days after `day` (before, for a negative `n`). */
export const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

export function isWorkingDay(day: string, calendar: Calendar): boolean {
  const kind = calendar.get(day)
  if (kind) return kind === 'workday'
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return weekday !== 0 && weekday !== 6
}

/** The day itself when it is a working day, else the next one. */
export function nextWorkingDay(day: string, calendar: Calendar): string {
  let current = day
  while (!isWorkingDay(current, calendar)) current = addDays(current, 1)
  return current
}

/** The `n`th working day after `day` (day itself not counted). */
export function addWorkingDays(day: string, n: number, calendar: Calendar): string {
  let current = day
  for (let left = n; left > 0; ) {
    current = addDays(current, 1)
    if (isWorkingDay(current, calendar)) left--
  }
  return current
}

/** The instant a due day has passed: the next Asia/Shanghai midnight. */
export const dueEnd = (day: string) => new Date(Date.parse(`${addDays(day, 1)}T00:00:00+08:00`))

/** The Asia/Shanghai day of an instant (re-exported for the function's callers). */
export const dayOf = (at: Date) => shanghaiDay(at)

/**
 * The reopen rule: an average ≤ 2 from at least 3 raters, or the proposer's own 1–2. Appeals
 * upheld by staff take a rating out of the count.
 */
export function shouldReopen(scores: readonly number[], proposerScore: number | null): boolean {
  if (proposerScore !== null && proposerScore <= 2) return true
  if (scores.length < 3) return false
  return scores.reduce((a, b) => a + b, 0) / scores.length <= 2
}


export const assignmentStatuses = ['assigned', 'acknowledged', 'replied', 'withdrawn'] as const
export type AssignmentStatus = (typeof assignmentStatuses)[number]

export interface Unit {
  id: string
  name: string
}

export interface AssignmentView {
  id: number
  topicId: number
  topicTitle: string
  topicState: string
  siteName: string
  unitId: string
  unitName: string
  status: AssignmentStatus
  assignedAt: string
  ackDue: string
  replyDue: string
  acknowledgedAt: string | null
  repliedAt: string | null
  reply: string | null
  level: number
  overdue: boolean
  reassignRequested: boolean
}

export const noteKinds = ['progress', 'reassign', 'reply', 'supervise', 'decision'] as const

export interface NoteView {
  at: string
  kind: (typeof noteKinds)[number]
  unitName: string | null
  body: string
  photos: string[]
}

export interface RatingSummary {
  count: number
  average: number | null
  /** Share of ratings 满意 or better (4–5), 0..1. */
  satisfied: number | null
}

export interface Outcome {
  topicId: number
  title: string
  siteName: string
  category: string
  proposer: string
  state: string
  units: string[]
  summary: string
  assignedAt: string
  repliedAt: string | null
  publishedAt: string
  onTime: boolean
  rating: RatingSummary
}

export interface Story {
  topicId: number
  state: string
  assignments: AssignmentView[]
  notes: NoteView[]
  outcome: { summary: string; publishedAt: string } | null
  rating: RatingSummary
  mine: { score: number; comment: string | null; changeableUntil: string } | null
  mayRate: boolean
  /** The ratings counted (no names), for the public page and a unit's appeal. */
  ratings: { id: number; score: number; comment: string | null }[]
  /** Appeals against its ratings: all for staff, their units' for handlers, none for others. */
  appeals: Appeal[]
}

export interface UnitStatsRow {
  unitId: string
  unitName: string
  month: string
  assignments: number
  timelyAck: number | null
  onTimeReply: number | null
  satisfaction: number | null
  satisfiedShare: number | null
  reopenRate: number | null
  overdue: number
}

export const appealStatuses = ['pending', 'upheld', 'dismissed'] as const
export type AppealStatus = (typeof appealStatuses)[number]

export interface Appeal {
  id: number
  ratingId: number
  topicId: number
  unitId: string
  score: number
  reason: string
  status: AppealStatus
}

/** The story's steps (交办督复评 as a person follows it). */
export const storySteps = ['交办', '签收', '办理', '答复', '公示', '评价'] as const

/** Where a topic's story stands (the index of the current step; 6 when all are done) and which steps are late. */
export function storyProgress(state: string, assignments: Pick<AssignmentView, 'status' | 'overdue'>[]): { current: number; late: number[] } {
  const live = assignments.filter((a) => a.status !== 'withdrawn')
  const current =
    state === 'evaluated' || state === 'closed' ? 6
      : state === 'published' ? 5
        : state === 'replied' ? 4
          : live.length === 0 ? 0
            : live.some((a) => a.status === 'assigned') ? 1
              : live.some((a) => a.status === 'acknowledged') ? (live.some((a) => a.status === 'replied') ? 3 : 2)
                : 3
  const late = [
    ...(live.some((a) => a.overdue && a.status === 'assigned') ? [1] : []),
    ...(live.some((a) => a.overdue && a.status === 'acknowledged') ? [3] : []),
  ]
  return { current, late }
}
