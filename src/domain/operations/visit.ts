/**
 * The quarterly visit (季观摩): self-assessment → desk review → on-site visit (checked in with the
 * site's rotating code, two held activities drawn by a seed) → fixes in 15 working days → review.
 */
import type { Dimension, DimensionStatus } from '.'

/** Where a visit stands. */
export const visitStages = ['self_assessed', 'desk_reviewed', 'rectifying', 'closed'] as const
export type VisitStage = (typeof visitStages)[number]
export const stageLabels: Record<VisitStage, string> = { self_assessed: '已自评', desk_reviewed: '已书面审核', rectifying: '整改中', closed: '已完成' }

/** A staff decision on an exit proposal (摘牌). */
export const exitDecisions = ['keep', 'delist'] as const
export type ExitDecision = (typeof exitDecisions)[number]
export const exitLabels: Record<ExitDecision, string> = { keep: '保留', delist: '摘牌' }

/** A verdict on one dimension: at the self-assessment, the visit and the review. */
export const visitVerdicts = ['met', 'rectify', 'failed'] as const
export type VisitVerdict = (typeof visitVerdicts)[number]
export const verdictLabels: Record<VisitVerdict, string> = { met: '达标', rectify: '需整改', failed: '不达标' }

/** Fixes are due this many working days after the visit (the holiday calendar of feedback). */
export const FIX_WORKING_DAYS = 15
/** How many held activities of the quarter the visit cross-checks. */
export const VISIT_SAMPLE = 2

/** A 32-bit FNV-1a hash: the seed of a visit's draw, recomputable by anyone from the site and quarter. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0
  return hash
}

export const visitSeed = (siteId: string, quarter: string) => `${siteId}:${quarter}`

/**
 * Draws `count` of `ids` by the seed: the ids sorted, each ranked by the hash of seed and id, the
 * lowest taken. The same seed and activities always give the same draw, and the seed is shown.
 */
export function drawActivities(ids: readonly number[], seed: string, count = VISIT_SAMPLE): number[] {
  return [...new Set(ids)]
    .map((id) => ({ id, rank: fnv1a(`${seed}:${id}`) }))
    .sort((a, b) => a.rank - b.rank || a.id - b.id)
    .slice(0, count)
    .map((entry) => entry.id)
    .sort((a, b) => a - b)
}

export interface VisitItem {
  dimension: Dimension
  verdict: VisitVerdict
  note: string
  dueOn: string | null
}

/** A visit as the screens and the reviewers read it. */
export interface Visit {
  id: number
  siteId: string
  siteName: string
  quarter: string
  stage: VisitStage
  stageLabel: string
  selfAssessment: { dimension: Dimension; verdict: VisitVerdict; note: string }[]
  /** The desk review: the automatic statuses of the quarter. */
  automatic: { dimension: Dimension; status: DimensionStatus; reason: string }[]
  deskNote: string
  /** The draw's seed and the activities it drew for the cross-check (sign-ins, photos, minutes). */
  seed: string
  sampled: { activityId: number; title: string; signins: number; parts: string[] }[]
  checkedInAt: string | null
  items: VisitItem[]
  review: VisitItem[]
  dueOn: string | null
  failed: boolean | null
}

export interface ExitProposal {
  id: number
  siteId: string
  siteName: string
  year: number
  openedAt: string
  decision: ExitDecision | null
  note: string
}

/** A visit's outcome once closed: 不达标 if any dimension ends so (the review's verdict where there was one). */
export function visitFailed(items: readonly VisitItem[], review: readonly VisitItem[]): boolean {
  const final = new Map(items.map((item) => [item.dimension, item.verdict]))
  for (const item of review) final.set(item.dimension, item.verdict)
  return [...final.values()].some((verdict) => verdict === 'failed')
}
