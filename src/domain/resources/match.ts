/**
 * 高效匹配: the resources that fit a topic or an activity plan, ranked by tag overlap, free time in
 * the window, distance and capacity fit, each with the reasons shown. Pure and deterministic: the
 * same candidates and plan give the same order (ties broken by id).
 */
import { distanceMetres } from '../geo'
import { dayHeading } from '../time'
import type { ResourceKind } from '.'

/** The weights of the four parts of a score (they sum to 1). */
export const MATCH_WEIGHTS = { tags: 0.4, free: 0.25, distance: 0.2, capacity: 0.15 } as const
/** Within this many km a resource counts as near (half the distance part at this distance). */
export const NEAR_KM = 5

export interface MatchPlan {
  /** Tags and 界别 the plan asks for. */
  terms: string[]
  /** A topic's title: a resource tag it contains, or shares two characters in a row with, counts as matched. */
  title?: string
  audience?: number
  /** Where the plan takes place (its site's position), for distance. */
  origin?: { lat: number; lng: number }
  /** The window's Shanghai days, in order; a free day is named by weekday when the window is a week or less. */
  days: string[]
}

export interface MatchCandidate {
  id: number
  name: string
  kind: ResourceKind
  siteId: string
  siteName: string
  capacity: number | null
  tags: string[]
  lat: number
  lng: number
  /** The Shanghai days of the window with at least one free slot, in order. */
  freeDays: string[]
}

export interface MatchResult extends Pick<MatchCandidate, 'id' | 'name' | 'kind' | 'siteId' | 'siteName' | 'capacity'> {
  score: number
  matchedTags: string[]
  firstFree: string | null
  distanceKm: number | null
  /** Shown under the name: "可容纳 60 人 · 周六有空 · 距离 1.2 km". */
  reasons: string[]
}

const pairsOf = (text: string) => new Set([...text].slice(0, -1).map((c, i) => c + [...text][i + 1]))

/** The resource tags a plan matches: named exactly, or found in the topic's title (whole, or two characters of it in a row). */
export function matchedTags(tags: readonly string[], plan: Pick<MatchPlan, 'terms' | 'title'>): string[] {
  const terms = new Set(plan.terms)
  const titlePairs = plan.title ? pairsOf(plan.title) : new Set<string>()
  return tags.filter((tag) => terms.has(tag) || (plan.title !== undefined && (plan.title.includes(tag) || [...pairsOf(tag)].some((p) => titlePairs.has(p)))))
}

/** Jaccard of the plan's terms (a title counts as one) and the resource's tags, the matched tags as the intersection. */
function tagPart(tags: readonly string[], plan: MatchPlan, matched: readonly string[]): number {
  const asked = plan.terms.length + (plan.title ? 1 : 0)
  const union = asked + tags.length - matched.length
  return union > 0 && matched.length > 0 ? Math.min(1, matched.length / union) : 0
}

/** A group fits best in a room just its size; a room too small scores 0, no capacity (an expert) half. */
function capacityPart(capacity: number | null, audience: number | undefined): number {
  if (audience === undefined) return 0.5
  if (capacity === null) return 0.5
  return capacity < audience ? 0 : audience / capacity
}

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places

const weekday = (day: string) => dayHeading(day).split(' ').at(-1) as string
const dayLabel = (day: string, plan: MatchPlan) => (plan.days.length <= 7 ? weekday(day) : dayHeading(day).replace(/ /g, ''))

/** One candidate's score and reasons. */
export function scoreOf(c: MatchCandidate, plan: MatchPlan): MatchResult {
  const matched = matchedTags(c.tags, plan)
  const distanceKm = plan.origin ? round(distanceMetres(plan.origin, c) / 1000, 1) : null
  const firstFree = c.freeDays[0] ?? null
  const parts = {
    tags: tagPart(c.tags, plan, matched),
    free: plan.days.length ? c.freeDays.length / plan.days.length : 0,
    distance: distanceKm === null ? 0 : 1 / (1 + distanceKm / NEAR_KM),
    capacity: capacityPart(c.capacity, plan.audience),
  }
  const score = round(Object.entries(MATCH_WEIGHTS).reduce((sum, [part, weight]) => sum + weight * parts[part as keyof typeof parts], 0), 4)
  const reasons: string[] = []
  if (c.capacity !== null) reasons.push(plan.audience !== undefined && c.capacity < plan.audience ? `仅容纳 ${c.capacity} 人` : `可容纳 ${c.capacity} 人`)
  reasons.push(firstFree ? `${dayLabel(firstFree, plan)}有空` : '所选时间内已约满')
  if (distanceKm !== null) reasons.push(distanceKm < 0.1 ? '就在本单位' : `距离 ${distanceKm.toFixed(1)} km`)
  if (matched.length) reasons.push(`相关：${matched.join('、')}`)
  return { id: c.id, name: c.name, kind: c.kind, siteId: c.siteId, siteName: c.siteName, capacity: c.capacity, score, matchedTags: matched, firstFree, distanceKm, reasons }
}

/** The candidates best first: by score, then by id (so equal scores keep one order). */
export function rankResources(candidates: readonly MatchCandidate[], plan: MatchPlan, limit = 20): MatchResult[] {
  return candidates
    .map((c) => scoreOf(c, plan))
    .sort((a, b) => b.score - a.score || a.id - b.id)
    .slice(0, limit)
}
