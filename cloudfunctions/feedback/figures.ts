/**
 * What 交办督复评 counts per site (the topic's) and month: outcomes published (by first
 * publication), replies due (by the reply deadline: past it by now, or replied) and replied on time,
 * ratings given and satisfied ratings (score ≥ SATISFIED_SCORE; appeals upheld excluded).
 */
import { SATISFIED_SCORE } from '../../src/domain/feedback'
import { inMonths, shanghaiMonthOf, type Figure } from '../core/figures'

const replies = (extra: string) => `SELECT t.site_id, ${shanghaiMonthOf('a.reply_end')} AS month, count(*) AS value
  FROM assignments a JOIN topics t ON t.id = a.topic_id
  WHERE ${inMonths('a.reply_end')} AND a.status <> 'withdrawn' AND (a.first_replied_at IS NOT NULL OR a.reply_end <= $3) ${extra} GROUP BY 1, 2`
const ratings = (extra: string) => `SELECT t.site_id, ${shanghaiMonthOf('r.created_at')} AS month, count(*) AS value
  FROM ratings r JOIN topics t ON t.id = r.topic_id WHERE ${inMonths('r.created_at')} AND NOT r.excluded ${extra} GROUP BY 1, 2`

export const figures: Figure[] = [
  {
    name: 'feedback.published',
    label: '公示成果',
    sql: `SELECT t.site_id, ${shanghaiMonthOf('o.first_published_at')} AS month, count(*) AS value
      FROM topic_outcomes o JOIN topics t ON t.id = o.topic_id WHERE ${inMonths('o.first_published_at')} GROUP BY 1, 2`,
  },
  { name: 'feedback.repliesDue', label: '应答复', sql: replies('') },
  { name: 'feedback.repliesOnTime', label: '按时答复', sql: replies('AND a.first_replied_at < a.reply_end') },
  { name: 'feedback.ratings', label: '评价', sql: ratings('') },
  { name: 'feedback.satisfied', label: '满意评价', sql: ratings(`AND r.score >= ${SATISFIED_SCORE}`) },
]
