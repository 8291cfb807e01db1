/**
 * 月月说事: each site's monthly cycle. A proposal window, a voting window and a meeting date, by
 * day of the month in Asia/Shanghai (defaults: propose 1st–20th, vote 21st–25th, meet the 28th),
 * the number of topics chosen, votes per person, and who may vote.
 */
import { shanghaiDay } from './time'

export const eligibilities = ['anyone', 'checked_in', 'members'] as const
export type Eligibility = (typeof eligibilities)[number]

export const eligibilityLabels: Record<Eligibility, string> = {
  anyone: '所有人可投票',
  checked_in: '近期到本联盟点签到过的群众可投票',
  members: '仅政协委员可投票',
}

export interface CycleSettings {
  proposeFrom: number
  proposeTo: number
  voteFrom: number
  voteTo: number
  meetingDay: number
  /** How many topics the vote chooses. */
  winners: number
  /** The fewest votes a topic needs to be chosen; below it the topic is not selected, whatever its rank. */
  minVotes: number
  /** Votes each person has on the ballot, at most one per topic. */
  votesPerPerson: number
  eligibility: Eligibility
  /** For `checked_in`: a check-in at this site within this many days. */
  eligibilityDays: number
  /** Show counts while the vote is open (otherwise only after it closes). */
  liveCounts: boolean
}

export const defaultCycle: CycleSettings = {
  proposeFrom: 1,
  proposeTo: 20,
  voteFrom: 21,
  voteTo: 25,
  meetingDay: 28,
  winners: 1,
  minVotes: 3,
  votesPerPerson: 3,
  eligibility: 'anyone',
  eligibilityDays: 30,
  liveCounts: false,
}

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export const cycleStatuses = ['proposing', 'voting', 'closed'] as const
export type CycleStatus = (typeof cycleStatuses)[number]

export interface CycleWindows {
  proposeStart: Date
  proposeEnd: Date
  voteStart: Date
  voteEnd: Date
  meetingAt: Date
}

const daysIn = (month: string) => {
  const [year, m] = month.split('-').map(Number)
  return new Date(Date.UTC(year, m, 0)).getUTCDate()
}

/** The instant an Asia/Shanghai day of `month` starts; days past the month's end are its last day. */
function dayStart(month: string, day: number): Date {
  const clamped = Math.min(day, daysIn(month))
  return new Date(`${month}-${String(clamped).padStart(2, '0')}T00:00:00+08:00`)
}

const DAY_MS = 86_400_000

/** The windows of a month's cycle; each end is exclusive (the start of the next day). */
export function cycleWindows(month: string, s: CycleSettings): CycleWindows {
  return {
    proposeStart: dayStart(month, s.proposeFrom),
    proposeEnd: new Date(dayStart(month, s.proposeTo).getTime() + DAY_MS),
    voteStart: dayStart(month, s.voteFrom),
    voteEnd: new Date(dayStart(month, s.voteTo).getTime() + DAY_MS),
    meetingAt: new Date(dayStart(month, s.meetingDay).getTime() + 9 * 3_600_000),
  }
}

/** Whether a topic's final count reaches the ballot's minimum for selection. */
export const reachesMinimum = (votes: number, settings: Pick<CycleSettings, 'minVotes'>) => votes >= settings.minVotes

/** Why a topic was not chosen although it ranked among the winners. */
export const BELOW_MINIMUM = '票数未达到入选要求'

export const shanghaiMonth = (at: Date) => shanghaiDay(at).slice(0, 7)

export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number)
  const total = year * 12 + (m - 1) + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/** Settings that make a valid cycle: windows in order inside the month, sensible counts. */
export function settingsProblem(s: CycleSettings): string | undefined {
  if (!(s.proposeFrom <= s.proposeTo && s.proposeTo < s.voteFrom && s.voteFrom <= s.voteTo && s.voteTo <= s.meetingDay)) {
    return '征集、投票、议事日期须依次排列'
  }
  return undefined
}

/** Days a check-in counts for the `checked_in` rule, as the first Asia/Shanghai day that counts. */
export function eligibleSince(now: Date, days: number): string {
  return shanghaiDay(new Date(now.getTime() - (days - 1) * DAY_MS))
}

