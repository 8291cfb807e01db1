/** What 社情民意 counts per site and month: suggestions received (by submission) and accepted (by acceptance); district-wide ones have no site. */
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
]
