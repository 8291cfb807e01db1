/**
 * 月通报's cycle, pure: a month's bulletin is made from its frozen inputs alone (the units and the
 * figure rows read when it was frozen), so recomputing it from them gives the same bytes; it
 * freezes on the 5th working day of the month after, goes to the units for 5 working days of
 * appeals, then is final. An upheld appeal corrects one unit's figure in a new version's inputs;
 * every version stays readable. Hashes are over `canonicalJson` (keys sorted), so a round trip
 * through jsonb (which reorders keys) changes nothing.
 */
import { addMonths } from '../cycle'
import { addWorkingDays, nextWorkingDay, type Calendar } from '../feedback'
import type { FigureValue, Unit } from '.'
import { round2 } from '.'

/** A bulletin's states: `draft` is computed live and never stored; the others are stored versions. */
export const bulletinStatuses = ['draft', 'review', 'final', 'superseded'] as const
export type BulletinStatus = (typeof bulletinStatuses)[number]
export const storedBulletinStatuses = ['review', 'final', 'superseded'] as const
export const bulletinStatusLabels: Record<BulletinStatus, string> = { draft: '草稿', review: '征求意见', final: '已发布', superseded: '已更正' }

export const bulletinAppealStatuses = ['pending', 'upheld', 'rejected'] as const
export type AppealStatus = (typeof bulletinAppealStatuses)[number]
export const bulletinAppealStatusLabels: Record<AppealStatus, string> = { pending: '待处理', upheld: '申诉成立', rejected: '申诉不成立' }

/** The month freezes on this working day of the month after (holiday calendar). */
export const FREEZE_WORKING_DAY = 5
/** Units may appeal for this many working days after the freeze. */
export const APPEAL_WORKING_DAYS = 5

/**
 * The figures the bulletin shows, in order: every figure the score reads among them, so a frozen
 * month's inputs are what the year's score counts for that month (corrections by appeal included).
 */
export const bulletinFigures = [
  'activities.held', 'activities.attendance', 'activities.members', 'checkin.visits', 'checkin.people', 'topics.proposed', 'topics.selected',
  'feedback.published', 'feedback.repliesDue', 'feedback.repliesOnTime', 'feedback.ratings', 'feedback.satisfied', 'resources.hoursGiven',
  'opinions.received', 'opinions.converted',
]

/** What a month's bulletin is made of, frozen with it. */
export interface BulletinInputs {
  month: string
  before: string
  units: Unit[]
  /** The bulletin figures' rows for `before` and `month`. */
  rows: FigureValue[]
  labels: Record<string, string>
}

export interface BulletinLine {
  figure: string
  label: string
  value: number
  before: number
  change: number
}

export interface BulletinUnit {
  siteId: string
  name: string
  category: string
  lines: BulletinLine[]
}

/** What the bulletin says: per unit, the month against the month before, and the alliance's totals. */
export interface BulletinContent {
  month: string
  before: string
  units: BulletinUnit[]
  /** The alliance's totals, for the bulletin's text ("本月联盟共开展活动 X 场…"). */
  totals: BulletinLine[]
}

const lineOf = (figure: string, label: string, value: number, before: number): BulletinLine =>
  ({ figure, label, value: round2(value), before: round2(before), change: round2(value - before) })

/** The bulletin from its inputs: every figure for every unit, 0 where nothing was counted. */
export function bulletinOf(inputs: BulletinInputs): BulletinContent {
  const at = new Map(inputs.rows.map((r) => [`${r.figure}|${r.siteId}|${r.month}`, r.value]))
  const value = (figure: string, siteId: string, month: string) => at.get(`${figure}|${siteId}|${month}`) ?? 0
  const label = (figure: string) => inputs.labels[figure] ?? figure
  const units = inputs.units.map((unit) => ({
    siteId: unit.id,
    name: unit.name,
    category: unit.category,
    lines: bulletinFigures.map((figure) => lineOf(figure, label(figure), value(figure, unit.id, inputs.month), value(figure, unit.id, inputs.before))),
  }))
  const totals = bulletinFigures.map((figure, i) =>
    lineOf(figure, label(figure), units.reduce((t, u) => t + u.lines[i].value, 0), units.reduce((t, u) => t + u.lines[i].before, 0)))
  return { month: inputs.month, before: inputs.before, units, totals }
}

/** One change an upheld appeal made: a unit's figure for the month, from → to. */
export interface Correction {
  appealId: number
  siteId: string
  figure: string
  from: number
  to: number
  note: string
}

/** The inputs with the unit's figure for the month set to `to` (a row added where there was none). */
export function corrected(inputs: BulletinInputs, siteId: string, figure: string, to: number): BulletinInputs {
  const rest = inputs.rows.filter((r) => !(r.figure === figure && r.siteId === siteId && r.month === inputs.month))
  const rows = [...rest, { figure, siteId, month: inputs.month, value: to }]
    .sort((a, b) => a.figure.localeCompare(b.figure) || a.siteId.localeCompare(b.siteId) || a.month.localeCompare(b.month))
  return { ...inputs, rows }
}

/** A unit's figure for the bulletin's month, as its inputs have it. */
export const figureValue = (inputs: BulletinInputs, siteId: string, figure: string) =>
  inputs.rows.find((r) => r.figure === figure && r.siteId === siteId && r.month === inputs.month)?.value ?? 0

/** The day a month freezes: the FREEZE_WORKING_DAY-th working day of the month after it. */
export const freezeDay = (month: string, calendar: Calendar) =>
  addWorkingDays(nextWorkingDay(`${addMonths(month, 1)}-01`, calendar), FREEZE_WORKING_DAY - 1, calendar)

/** The last day units may appeal a version frozen on `day`. */
export const appealUntil = (day: string, calendar: Calendar) => addWorkingDays(day, APPEAL_WORKING_DAYS, calendar)

/** JSON with every object's keys sorted: the same value gives the same text, whatever order its keys came in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export interface BulletinVersion {
  version: number
  status: BulletinStatus
  hash: string
  frozenAt: string
}

export interface AppealCounts {
  total: number
  pending: number
  upheld: number
  rejected: number
}

/** A bulletin as read: its content and, once frozen, its version, hashes, appeal window and changes. */
export interface Bulletin extends BulletinContent {
  status: BulletinStatus
  /** null for a live draft. */
  version: number | null
  versions: BulletinVersion[]
  frozenAt: string | null
  appealUntil: string | null
  publishedAt: string | null
  /** sha256 of the content (canonical JSON), once frozen. */
  hash: string | null
  /** sha256 of the frozen inputs. */
  inputsHash: string | null
  /** The scheme version of the month's year when it was frozen (0: the default weights). */
  schemeVersion: number
  /** What upheld appeals changed from the version before. */
  changeLog: Correction[]
  appeals: AppealCounts
}

export interface Appeal {
  id: number
  month: string
  version: number
  siteId: string
  siteName: string
  figure: string
  label: string
  /** The value in the version appealed. */
  value: number
  claimed: number
  reason: string
  evidence: string
  status: AppealStatus
  filedAt: string
  decidedAt: string | null
  note: string | null
  /** The version an upheld appeal issued. */
  issuedVersion: number | null
}
