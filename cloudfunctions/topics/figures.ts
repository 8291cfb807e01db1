/**
 * What 月月说事 counts per site and month: topics proposed (by the day proposed, Asia/Shanghai; those
 * still under the content check are not counted) and topics selected (by their ballot's month).
 */
import { selectedStates } from '../../src/domain/topics'
import { inMonths, shanghaiMonthOf, type Figure } from '../core/figures'

const states = selectedStates.map((state) => `'${state}'`).join(', ')

export const figures: Figure[] = [
  {
    name: 'topics.proposed',
    label: '提出议题',
    sql: `SELECT site_id, ${shanghaiMonthOf('created_at')} AS month, count(*) AS value FROM topics
      WHERE ${inMonths('created_at')} AND state <> 'held' GROUP BY 1, 2`,
  },
  {
    name: 'topics.selected',
    label: '入选议题',
    sql: `SELECT site_id, month, count(*) AS value FROM topics
      WHERE month >= to_char($1::date, 'YYYY-MM') AND month < to_char($2::date, 'YYYY-MM') AND state IN (${states}) GROUP BY 1, 2`,
  },
]
