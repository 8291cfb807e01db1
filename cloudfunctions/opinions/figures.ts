/**
 * What 社情民意 counts per site and month: suggestions received (by submission), accepted (by acceptance) and converted (by
 * the first time one fed a 专报, 提案 or hand-off); district-wide ones have no site.
 */
import { inMonths, shanghaiMonthOf, type Figure } from '../core/figures'

export const figures: Figure[] = [
  {
    name: 'opinions.received',
    label: '收集建议',
    sql: `SELECT s.site_id, ${shanghaiMonthOf('s.created_at')} AS month, count(*) AS value
      FROM suggestions s WHERE s.site_id IS NOT NULL AND ${inMonths('s.created_at')} GROUP BY 1, 2`,
  },
  {
    name: 'opinions.accepted',
    label: '采纳建议',
    sql: `SELECT s.site_id, ${shanghaiMonthOf('s.accepted_at')} AS month, count(*) AS value
      FROM suggestions s WHERE s.site_id IS NOT NULL AND s.accepted_at IS NOT NULL AND ${inMonths('s.accepted_at')} GROUP BY 1, 2`,
  },
  {
    name: 'opinions.converted',
    label: '转化建议',
    sql: `SELECT s.site_id, ${shanghaiMonthOf('t.at')} AS month, count(*) AS value
      FROM suggestions s JOIN LATERAL (SELECT min(at) AS at FROM suggestion_timeline WHERE suggestion_id = s.id AND move = 'use') t ON true
      WHERE s.site_id IS NOT NULL AND t.at IS NOT NULL AND ${inMonths('t.at')} GROUP BY 1, 2`,
  },
]
