/**
 * What activities count per site and month (by the activity's start, Asia/Shanghai): activities
 * held (ended, with at least one person checked in: a listed activity nobody came to was not held),
 * attendance (人次) and the members who attended.
 */
import { inMonths, shanghaiMonthOf, type Figure } from '../core/figures'

/** Attendance of activities begun (or, with `ended`, ended) by now, counted by `value`. */
const attended = (value: string, { join = '', ended = false } = {}) => `SELECT a.site_id, ${shanghaiMonthOf('a.starts_at')} AS month, ${value} AS value
  FROM activities a JOIN activity_attendance x ON x.activity_id = a.id ${join}
  WHERE ${inMonths('a.starts_at')} AND ${ended ? 'a.ends_at' : 'a.starts_at'} <= $3 GROUP BY 1, 2`

export const figures: Figure[] = [
  { name: 'activities.held', label: '开展活动', sql: attended('count(DISTINCT a.id)', { ended: true }) },
  { name: 'activities.attendance', label: '活动参与人次', sql: attended('count(*)') },
  { name: 'activities.members', label: '参与委员', sql: attended('count(DISTINCT x.user_id)', { join: 'JOIN member_facts m ON m.user_id = x.user_id' }) },
]
