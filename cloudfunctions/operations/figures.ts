/**
 * What operations counts per site and month (Asia/Shanghai): whether a site met 有场地, 有标识 and
 * 有制度 by the month's end (1, absent otherwise: a photo counts unless flagged outside the site's
 * radius), and the archive parts recorded in the month. The derived dimensions (有活动, 有档案) are
 * judged per quarter by `operations.overview`, over activities' public reads. The quarterly visits
 * (季观摩) closed in the month, and of those the ones that ended 不达标, feed the assessment.
 */
import type { Figure } from '../core/figures'

/** 1 for each site and month by whose end the dimension had an item (not flagged) recorded. */
const metBy = (dimension: string) => `SELECT e.site_id, to_char(m.month, 'YYYY-MM') AS month, 1 AS value
  FROM generate_series($1::date::timestamp, ($2::date - 1)::timestamp, interval '1 month') m (month)
  JOIN operation_evidence e ON e.dimension = '${dimension}' AND NOT e.outside_radius
    AND e.recorded_at < ((m.month + interval '1 month') AT TIME ZONE 'Asia/Shanghai') AND e.recorded_at <= $3
  GROUP BY 1, 2`

/** Visits closed in each Shanghai month (`failed` only: those that ended with a dimension 不达标). */
const closedVisits = (onlyFailed: boolean) => `SELECT site_id, to_char(closed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS value
  FROM operation_visits WHERE stage = 'closed'${onlyFailed ? ' AND failed' : ''} AND closed_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
    AND closed_at < ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND closed_at <= $3 GROUP BY 1, 2`

export const figures: Figure[] = [
  { name: 'operations.venue', label: '有场地', sql: metBy('venue') },
  { name: 'operations.sign', label: '有标识', sql: metBy('sign') },
  { name: 'operations.rules', label: '有制度', sql: metBy('rules') },
  {
    name: 'operations.archiveParts',
    label: '活动档案材料',
    sql: `SELECT site_id, to_char(recorded_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS value FROM operation_evidence
      WHERE dimension = 'archive' AND recorded_at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai')
        AND recorded_at < ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai') GROUP BY 1, 2`,
  },
  { name: 'operations.visits', label: '季观摩完成', sql: closedVisits(false) },
  { name: 'operations.visitsFailed', label: '季观摩不达标', sql: closedVisits(true) },
]
