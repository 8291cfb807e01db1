/**
 * What check-ins count per site and month: visits (人次) and distinct people (人数), a WeChat
 * user's own check-ins and those a site's desk recorded for a person without a phone alike. Once a
 * person has bound WeChat (their card joined to their account) a desk check-in is theirs: a day
 * they were both scanned and assisted at one site counts once (the desk's row is left out when the
 * account's own row of that site and day exists: a probe of checkins' unique key, no dedupe of all rows).
 */
import type { Figure } from '../core/figures'

const everyCheckin = `SELECT site_id, day, 'u' || user_id AS who FROM checkins
  UNION ALL SELECT a.site_id, a.day, COALESCE('u' || p.user_id, 'p' || a.person_id) FROM assisted_checkins a JOIN assisted_people p ON p.id = a.person_id
  WHERE NOT EXISTS (SELECT 1 FROM checkins c WHERE c.user_id = p.user_id AND c.site_id = a.site_id AND c.day = a.day)`

const byMonth = (value: string) => `SELECT site_id, to_char(day, 'YYYY-MM') AS month, ${value} AS value
  FROM (${everyCheckin}) c WHERE day >= $1::date AND day < $2::date GROUP BY 1, 2`

export const figures: Figure[] = [
  { name: 'checkin.visits', label: '签到人次', sql: byMonth('count(*)') },
  { name: 'checkin.people', label: '签到人数', sql: byMonth('count(DISTINCT who)') },
  {
    name: 'checkin.assisted',
    label: '代为签到人次',
    sql: `SELECT site_id, to_char(day, 'YYYY-MM') AS month, count(*) AS value FROM assisted_checkins WHERE day >= $1::date AND day < $2::date GROUP BY 1, 2`,
  },
]
