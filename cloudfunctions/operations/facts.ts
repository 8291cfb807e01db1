/**
 * What the 六有 statuses are derived from, for many sites and quarters at once: the evidence recorded
 * and the activities held. Three reads whatever the number of sites and quarters: the evidence
 * counted by each quarter's end, the activities held over the whole span, their archive parts.
 */
import {
  archiveParts, evidenceDimensions, quarterBounds, sixStatus,
  type DimensionResult, type EvidenceDimension, type EvidenceFacts, type HeldActivity, type QuarterFacts,
} from '../../src/domain/operations'
import type { Queryable } from '../core/db'
import { heldActivities } from '../activities/public'
import type { ArchiveMaskRow, EvidenceCountRow } from './rows'

const noEvidence = (): Record<EvidenceDimension, EvidenceFacts> =>
  Object.fromEntries(evidenceDimensions.map((dimension) => [dimension, { items: 0, outsideRadius: 0, lastAt: null }])) as Record<EvidenceDimension, EvidenceFacts>

/**
 * Each quarter's facts per site, judged at `now` (evidence counts as recorded by the quarter's end
 * or now, whichever is first): quarter → site → facts.
 */
export async function quartersFacts(db: Queryable, siteIds: readonly string[], quarters: readonly string[], now: Date): Promise<Map<string, Map<string, QuarterFacts>>> {
  const spans = quarters.map((quarter) => {
    const { start, end } = quarterBounds(quarter)
    return { quarter, start, end, until: end < now ? end : now }
  })
  const facts = new Map(spans.map(({ quarter }) => [quarter, new Map<string, QuarterFacts>(
    siteIds.map((id) => [id, { quarter, now, evidence: noEvidence(), held: [] as HeldActivity[] }]))]))
  const counts = await db.query<EvidenceCountRow & { i: number }>(
    `SELECT q.i::int AS i, e.site_id, e.dimension, count(*)::int AS items, count(*) FILTER (WHERE e.outside_radius)::int AS outside, max(e.recorded_at) AS last_at
     FROM unnest($2::timestamptz[]) WITH ORDINALITY q (until, i)
     JOIN operation_evidence e ON e.recorded_at <= q.until AND e.site_id = ANY($1::text[]) AND e.dimension <> 'archive'
     GROUP BY 1, 2, 3`,
    [siteIds, spans.map((span) => span.until)],
  )
  for (const row of counts) {
    const site = facts.get(spans[row.i - 1].quarter)?.get(row.site_id)
    if (site) site.evidence[row.dimension] = { items: row.items, outsideRadius: row.outside, lastAt: row.last_at }
  }
  if (spans.length === 0) return facts
  const from = new Date(Math.min(...spans.map((span) => span.start.getTime())))
  const to = new Date(Math.max(...spans.map((span) => span.end.getTime())))
  const held = await heldActivities(db, siteIds, from, to, now, false)
  // The sites' archive parts as one bit mask per activity (bit i: archiveParts[i]): a row per activity, not per part.
  const parts = held.length === 0 ? [] : await db.query<ArchiveMaskRow>(
    `SELECT activity_id, bit_or(1 << (array_position($3::text[], part) - 1))::int AS mask, max(recorded_at) AS last_at FROM operation_evidence
     WHERE site_id = ANY($1::text[]) AND dimension = 'archive' AND recorded_at <= $2 GROUP BY 1`,
    [siteIds, now, archiveParts],
  )
  const partsOf = new Map(parts.map((row) => [Number(row.activity_id), { parts: archiveParts.filter((_, i) => row.mask & (1 << i)), last_at: row.last_at }]))
  for (const activity of held) {
    const span = spans.find(({ start, end }) => activity.starts_at >= start && activity.starts_at < end)
    const site = span && facts.get(span.quarter)?.get(activity.site_id)
    if (!site) continue
    const archived = partsOf.get(Number(activity.id))
    ;(site.held as HeldActivity[]).push({ activityId: Number(activity.id), endsAt: activity.ends_at, parts: archived?.parts ?? [], archivedAt: archived?.last_at ?? null })
  }
  return facts
}

/** Each site's facts for one quarter. */
export async function quarterFacts(db: Queryable, siteIds: readonly string[], quarter: string, now: Date): Promise<Map<string, QuarterFacts>> {
  return (await quartersFacts(db, siteIds, [quarter], now)).get(quarter) ?? new Map()
}

/** Each quarter's six statuses per site: quarter → site → results. */
export async function quartersStatuses(db: Queryable, siteIds: readonly string[], quarters: readonly string[], now: Date): Promise<Map<string, Map<string, DimensionResult[]>>> {
  const facts = await quartersFacts(db, siteIds, quarters, now)
  return new Map([...facts].map(([quarter, sites]) => [quarter, new Map([...sites].map(([siteId, site]) => [siteId, sixStatus(site)]))]))
}

/** Each site's six statuses for `quarter`. */
export async function quarterStatuses(db: Queryable, siteIds: readonly string[], quarter: string, now: Date): Promise<Map<string, DimensionResult[]>> {
  return (await quartersStatuses(db, siteIds, [quarter], now)).get(quarter) ?? new Map()
}
