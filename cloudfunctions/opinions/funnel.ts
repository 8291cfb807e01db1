/**
 * The funnel over a Shanghai year's suggestions (optionally one site, category, channel): one
 * statement counting each stage and the outputs those suggestions fed. Merged duplicates are counted
 * once, in the one kept; an output counts when at least one of the year's suggestions fed it.
 */
import { csv } from '../../src/domain/csv'
import { funnelOf, funnelRows, type Funnel } from '../../src/domain/opinions/funnel'
import type { Queryable } from '../core/db'
import type { In } from './proposals'

type FunnelRow = {
  collected: number
  accepted: number
  in_proposals: number
  in_reports: number
  adopted: number
  endorsed: number
  proposals: number
  reports_submitted: number
  reports_adopted: number
  reports_endorsed: number
}

const FUNNEL_SQL = `
  WITH s AS (
    SELECT id, accepted_at FROM suggestions
    WHERE created_at >= ($1::text || '-01-01')::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND created_at < (($1::int + 1)::text || '-01-01')::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND state <> 'merged' AND ($2::text IS NULL OR site_id = $2) AND ($3::text IS NULL OR category = $3) AND ($4::text IS NULL OR channel = $4)
  ),
  p AS (
    SELECT DISTINCT l.proposal_id AS id, l.suggestion_id, pr.state, pr.registered_at,
      EXISTS (SELECT 1 FROM proposal_replies r WHERE r.proposal_id = pr.id AND r.grade = 'A') AS solved
    FROM proposal_suggestions l JOIN s ON s.id = l.suggestion_id JOIN proposals pr ON pr.id = l.proposal_id
    WHERE pr.registered_at IS NOT NULL
  ),
  r AS (
    SELECT l.report_id AS id, l.suggestion_id, o.adopted_at, o.endorsed_at
    FROM report_suggestions l JOIN s ON s.id = l.suggestion_id JOIN opinion_reports o ON o.id = l.report_id
    WHERE o.submitted_at IS NOT NULL
  )
  SELECT
    (SELECT count(*) FROM s)::int AS collected,
    (SELECT count(*) FROM s WHERE accepted_at IS NOT NULL)::int AS accepted,
    (SELECT count(DISTINCT suggestion_id) FROM p)::int AS in_proposals,
    (SELECT count(DISTINCT suggestion_id) FROM r)::int AS in_reports,
    (SELECT count(*) FROM (SELECT suggestion_id FROM r WHERE adopted_at IS NOT NULL OR endorsed_at IS NOT NULL UNION SELECT suggestion_id FROM p WHERE solved) x)::int AS adopted,
    (SELECT count(DISTINCT suggestion_id) FROM r WHERE endorsed_at IS NOT NULL)::int AS endorsed,
    (SELECT count(DISTINCT id) FROM p WHERE state <> 'merged')::int AS proposals,
    (SELECT count(DISTINCT id) FROM r)::int AS reports_submitted,
    (SELECT count(DISTINCT id) FROM r WHERE adopted_at IS NOT NULL)::int AS reports_adopted,
    (SELECT count(DISTINCT id) FROM r WHERE endorsed_at IS NOT NULL)::int AS reports_endorsed`

export async function funnel(db: Queryable, input: In<'funnel'>): Promise<Funnel & { csv: string | null }> {
  const [row] = await db.query<FunnelRow>(FUNNEL_SQL, [String(input.year), input.siteId ?? null, input.category ?? null, input.channel ?? null])
  const result = funnelOf(
    input.year,
    { collected: row.collected, accepted: row.accepted, inProposals: row.in_proposals, inReports: row.in_reports, adopted: row.adopted, endorsed: row.endorsed },
    { proposals: row.proposals, reportsSubmitted: row.reports_submitted, reportsAdopted: row.reports_adopted, reportsEndorsed: row.reports_endorsed },
  )
  return { ...result, csv: input.csv ? csv(funnelRows(result)) : null }
}
