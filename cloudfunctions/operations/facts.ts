/** What the 六有 statuses are derived from, for many sites at once: the evidence recorded and the activities held. */
import {
  evidenceDimensions, quarterBounds, sixStatus,
  type DimensionResult, type EvidenceDimension, type EvidenceFacts, type HeldActivity, type QuarterFacts,
} from '../../src/domain/operations'
import type { Queryable } from '../core/db'
import { heldActivities } from '../activities/public'
import type { ArchivePartsRow, EvidenceCountRow } from './rows'

const noEvidence = (): Record<EvidenceDimension, EvidenceFacts> =>
  Object.fromEntries(evidenceDimensions.map((dimension) => [dimension, { items: 0, outsideRadius: 0, lastAt: null }])) as Record<EvidenceDimension, EvidenceFacts>

/** Each site's facts for `quarter`, judged at `now` (evidence counts as recorded by the quarter's end or now, whichever is first). */
export async function quarterFacts(db: Queryable, siteIds: readonly string[], quarter: string, now: Date): Promise<Map<string, QuarterFacts>> {
  const { start, end } = quarterBounds(quarter)
  const until = end < now ? end : now
  const heldOf = new Map<string, HeldActivity[]>(siteIds.map((id) => [id, []]))
  const facts = new Map<string, QuarterFacts>(siteIds.map((id) => [id, { quarter, now, evidence: noEvidence(), held: heldOf.get(id) ?? [] }]))
  const counts = await db.query<EvidenceCountRow>(
    `SELECT site_id, dimension, count(*)::int AS items, count(*) FILTER (WHERE outside_radius)::int AS outside, max(recorded_at) AS last_at
     FROM operation_evidence WHERE site_id = ANY($1::text[]) AND dimension <> 'archive' AND recorded_at <= $2 GROUP BY 1, 2`,
    [siteIds, until],
  )
  for (const row of counts) {
    const site = facts.get(row.site_id)
    if (site) site.evidence[row.dimension] = { items: row.items, outsideRadius: row.outside, lastAt: row.last_at }
  }
  const held = await heldActivities(db, siteIds, start, end, now)
  const parts = held.length === 0 ? [] : await db.query<ArchivePartsRow>(
    `SELECT activity_id, array_agg(DISTINCT part ORDER BY part) AS parts, max(recorded_at) AS last_at
     FROM operation_evidence WHERE dimension = 'archive' AND activity_id = ANY($1::bigint[]) AND recorded_at <= $2 GROUP BY 1`,
    [held.map((activity) => activity.id), now],
  )
  const partsOf = new Map(parts.map((row) => [Number(row.activity_id), row]))
  for (const activity of held) {
    const archived = partsOf.get(Number(activity.id))
    const item: HeldActivity = { activityId: Number(activity.id), endsAt: activity.ends_at, parts: archived?.parts ?? [], archivedAt: archived?.last_at ?? null }
    heldOf.get(activity.site_id)?.push(item)
  }
  return facts
}

/** Each site's six statuses for `quarter`. */
export async function quarterStatuses(db: Queryable, siteIds: readonly string[], quarter: string, now: Date): Promise<Map<string, DimensionResult[]>> {
  const facts = await quarterFacts(db, siteIds, quarter, now)
  return new Map([...facts].map(([siteId, site]) => [siteId, sixStatus(site)]))
}
