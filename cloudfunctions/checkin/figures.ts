/** What check-ins count per site and month: visits (人次) and distinct people (人数). */
import type { Figure } from '../core/figures'

const byMonth = (value: string) => `SELECT site_id, to_char(day, 'YYYY-MM') AS month, ${value} AS value
  FROM checkins WHERE day >= $1::date AND day < $2::date GROUP BY 1, 2`

export const figures: Figure[] = [
  { name: 'checkin.visits', label: '签到人次', sql: byMonth('count(*)') },
  { name: 'checkin.people', label: '签到人数', sql: byMonth('count(DISTINCT user_id)') },
]
