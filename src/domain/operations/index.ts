/**
 * Site operations (六有): the six things every studio and 同心汇 must have — 有场地、有标识、有制度、
 * 有活动、有档案、有评价 — what proves each, and the status a quarter earns (达标 / 待补 / 不达标,
 * with the reason), derived here by one pure function the functions and the pages share.
 */
import { SHANGHAI_OFFSET_MS, shanghaiClock, shanghaiDay } from '../time'

/** The six dimensions, in the order the first report lists them. */
export const dimensions = ['venue', 'sign', 'rules', 'activities', 'archive', 'evaluation'] as const
export type Dimension = (typeof dimensions)[number]

export const dimensionLabels: Record<Dimension, string> = {
  venue: '有场地',
  sign: '有标识',
  rules: '有制度',
  activities: '有活动',
  archive: '有档案',
  evaluation: '有评价',
}

/** The dimensions proved by items a site admin or staff records (the others are derived). */
export const evidenceDimensions = ['venue', 'sign', 'rules'] as const
export type EvidenceDimension = (typeof evidenceDimensions)[number]

/** What an evidence item or an archive part is: a photo, or a document (制度, plan, minutes). */
export const fileKinds = ['photo', 'document'] as const
export type FileKind = (typeof fileKinds)[number]

/** Which kind of file proves each recorded dimension. */
export const evidenceKindOf: Record<EvidenceDimension, FileKind> = { venue: 'photo', sign: 'photo', rules: 'document' }

/** An activity's archive item (档案): its plan, its sign-in list, its minutes and at least one photo. */
export const archiveParts = ['plan', 'minutes', 'photo'] as const
export type ArchivePart = (typeof archiveParts)[number]
export const archivePartLabels: Record<ArchivePart, string> = { plan: '活动方案', minutes: '活动纪要', photo: '活动照片' }
export const archiveKindOf: Record<ArchivePart, FileKind> = { plan: 'document', minutes: 'document', photo: 'photo' }

/** A dimension's status for a quarter. */
export const dimensionStatuses = ['met', 'pending', 'failed'] as const
export type DimensionStatus = (typeof dimensionStatuses)[number]
export const statusLabels: Record<DimensionStatus, string> = { met: '达标', pending: '待补', failed: '不达标' }

/** The largest evidence file accepted. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

/** The sites the 六有 apply to: member studios and 界别同心汇 (kind `studio`). */
export const OPERATED_KINDS = ['studio'] as const

/** A quarter as written: `2026-Q4`. */
export const QUARTER = /^(20\d\d)-Q([1-4])$/

/** The Shanghai quarter an instant falls in. */
export function quarterOf(at: Date): string {
  const day = shanghaiDay(at)
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`
}

/** A quarter's bounds as instants: from its first Shanghai midnight to the next quarter's. */
export function quarterBounds(quarter: string): { start: Date; end: Date } {
  const match = QUARTER.exec(quarter)
  if (!match) throw new Error(`not a quarter: ${quarter}`)
  const year = Number(match[1])
  const first = (Number(match[2]) - 1) * 3
  return {
    start: new Date(Date.UTC(year, first, 1) - SHANGHAI_OFFSET_MS),
    end: new Date(Date.UTC(year, first + 3, 1) - SHANGHAI_OFFSET_MS),
  }
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  const { start } = quarterBounds(quarter)
  return quarterOf(new Date(start.getTime() - 1))
}

/** What one recorded dimension has by the quarter's end. */
export interface EvidenceFacts {
  /** Items recorded by the end of the quarter. */
  items: number
  /** Of those, photos taken outside the site's radius (flagged for a person to check). */
  outsideRadius: number
  /** When the latest item was recorded. */
  lastAt: Date | null
}

/** An activity held in the quarter (ended, someone checked in) and which archive parts it has. */
export interface HeldActivity {
  activityId: number
  endsAt: Date
  parts: readonly ArchivePart[]
  /** When its archive was last added to. */
  archivedAt: Date | null
}

export interface QuarterFacts {
  quarter: string
  /** The time of judging: a quarter not yet over may still be made good (待补, not 不达标). */
  now: Date
  evidence: Record<EvidenceDimension, EvidenceFacts>
  held: readonly HeldActivity[]
}

export interface DimensionResult {
  dimension: Dimension
  label: string
  status: DimensionStatus
  statusLabel: string
  /** Why it is not 达标 (empty when it is). */
  reason: string
  /** When what proves it was last recorded or verified (null when nothing does). */
  verifiedAt: Date | null
}

const result = (dimension: Dimension, status: DimensionStatus, reason: string, verifiedAt: Date | null): DimensionResult => ({
  dimension, label: dimensionLabels[dimension], status, statusLabel: statusLabels[status], reason: status === 'met' ? '' : reason, verifiedAt,
})

const latest = (dates: readonly (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((best, at) => (at && (!best || at > best) ? at : best), null)

const missingWords: Record<EvidenceDimension, string> = { venue: '尚未上传场地照片', sign: '尚未上传标识牌照片', rules: '尚未上传制度文件' }

/** An archive item is complete with its plan, its minutes and at least one photo (the sign-in list is the activity's attendance). */
export const archiveComplete = (parts: readonly ArchivePart[]) => archiveParts.every((part) => parts.includes(part))

/** The six statuses of a site for a quarter, with the reasons. */
export function sixStatus(facts: QuarterFacts): DimensionResult[] {
  const over = facts.now >= quarterBounds(facts.quarter).end
  const recorded = evidenceDimensions.map((dimension) => {
    const { items, outsideRadius, lastAt } = facts.evidence[dimension]
    if (items === 0) return result(dimension, 'pending', missingWords[dimension], null)
    if (evidenceKindOf[dimension] === 'photo' && outsideRadius === items) {
      return result(dimension, 'pending', '照片拍摄位置不在阵地范围内，待工作人员核实', lastAt)
    }
    return result(dimension, 'met', '', lastAt)
  })
  const held = facts.held
  const lastHeld = latest(held.map((activity) => activity.endsAt))
  const activities = held.length > 0
    ? result('activities', 'met', '', lastHeld)
    : over ? result('activities', 'failed', '本季度未开展活动', null) : result('activities', 'pending', '本季度尚未开展活动', null)
  const incomplete = held.filter((activity) => !archiveComplete(activity.parts)).length
  const archivedAt = latest(held.map((activity) => activity.archivedAt))
  const archive = held.length === 0
    ? over ? result('archive', 'failed', '本季度无活动，无活动档案', null) : result('archive', 'pending', '本季度尚无活动档案', null)
    : incomplete > 0
      ? result('archive', 'pending', `${incomplete} 场活动的档案不完整（须有方案、签到、纪要和照片）`, archivedAt)
      : result('archive', 'met', '', archivedAt)
  const evaluation = result('evaluation', 'pending', '年度考核评价尚未开展', null)
  return [...recorded, activities, archive, evaluation]
}

/** A badge on the public site page: the status and the day it was last verified, nothing of the files. */
export interface Badge {
  dimension: Dimension
  label: string
  status: DimensionStatus
  statusLabel: string
  /** Shanghai day (YYYY-MM-DD) of the last verification, or null. */
  verifiedOn: string | null
}

/** A site's profile (阵地档案): who founded it, its theme, its members' 界别, its annual plan. */
export interface SiteProfile {
  siteId: string
  siteName: string
  founder: string
  theme: string
  sectors: string[]
  annualPlan: string
  updatedAt: string | null
}

/** An evidence item as its site's managers see it (never the public). */
export interface EvidenceItem {
  id: number
  dimension: EvidenceDimension | 'archive'
  activityId: number | null
  part: ArchivePart | null
  fileKind: FileKind
  fileId: string
  bytes: number
  outsideRadius: boolean
  note: string
  recordedAt: string
}

export interface SiteStatus {
  siteId: string
  siteName: string
  quarter: string
  dimensions: (Omit<DimensionResult, 'verifiedAt'> & { verifiedAt: string | null })[]
  evidence: EvidenceItem[]
}

/** Per quarter, how many of the operated sites meet each dimension. */
export interface QuarterOverview {
  quarter: string
  sites: number
  met: Record<Dimension, number>
}

/** The tag tone each status shows in (the kit's tones). */
export const statusTones: Record<DimensionStatus, 'success' | 'warning' | 'muted'> = { met: 'success', pending: 'warning', failed: 'muted' }

/** The operations page of a site: its profile, its 六有 and, for its managers, the reasons and the evidence. */
export const operationsUrl = (siteId: string) => `/packages/operations/pages/site/index?id=${encodeURIComponent(siteId)}`
export const deskUrl = (siteId: string) => `/packages/operations/pages/desk/index?id=${encodeURIComponent(siteId)}`
export const profileEditUrl = (siteId: string) => `/packages/operations/pages/profile/index?id=${encodeURIComponent(siteId)}`
export const planUrl = (siteId: string) => `/packages/operations/pages/plan/index?id=${encodeURIComponent(siteId)}`
export const visitsUrl = (siteId: string) => `/packages/operations/pages/visits/index?id=${encodeURIComponent(siteId)}`
export const archiveUrl = (siteId: string) => `/packages/operations/pages/archive/index?id=${encodeURIComponent(siteId)}`

/** The last 4 characters of a Chinese ID card: digits, the last may be X. The whole number is never asked for. */
export const ID_LAST4 = /^[0-9]{3}[0-9X]$/

/** A check-in recorded at the desk for someone without a phone, labelled as such. */
export interface AssistedCheckin {
  id: number
  siteId: string
  siteName: string
  day: string
  assisted: true
  /** What the person (and any list of check-ins) shows: 由××工作人员代为签到. */
  label: string
}

export { assistedLabel } from '../checkin'

/**
 * Whether `at` (Shanghai time) falls in a site's opening hours as the directory writes them
 * ('周一至周日 9:00—17:00'): the desk's shift. Hours it cannot read leave the desk open.
 */
export function withinOpenHours(openHours: string, at: Date): boolean {
  const match = /(\d{1,2}):(\d{2})\s*[—–~-]+\s*(\d{1,2}):(\d{2})/.exec(openHours)
  if (!match) return true
  const [hours, mins] = shanghaiClock(at).split(':').map(Number)
  const minutes = hours * 60 + mins
  const from = Number(match[1]) * 60 + Number(match[2])
  const to = Number(match[3]) * 60 + Number(match[4])
  return minutes >= from && minutes < to
}

/** One planned activity of a site's annual joint plan. */
export interface PlanItem {
  id: number
  siteId: string
  siteName: string
  month: number
  title: string
  cohosts: { siteId: string; siteName: string }[]
}

/** A site's plan for the year: its items, and planned vs held per month (index 0 = January). */
export interface SitePlan {
  siteId: string
  siteName: string
  items: PlanItem[]
  planned: number[]
  held: number[]
}

export interface AnnualPlan {
  year: number
  sites: SitePlan[]
}

export * from './archive'
export * from './visit'
export * from './desk'
