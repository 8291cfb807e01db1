/**
 * What resources count per site and Shanghai month (by the booking's start): hours each unit gave
 * (its resources' confirmed and checked-in bookings) and hours it used (bookings made for it by its
 * admins, of other units' resources as well as its own); and the no-shows of bookings made for it
 * (a person's own count is their standing, `resources.standing`).
 */
import { inMonths, shanghaiMonthOf, type Figure } from '../core/figures'

const hours = (site: string) => `SELECT b.${site} AS site_id, ${shanghaiMonthOf('b.starts_at')} AS month,
    sum(extract(epoch FROM b.ends_at - b.starts_at) / 3600) AS value
  FROM resource_bookings b
  WHERE b.${site} IS NOT NULL AND b.status IN ('confirmed', 'checked_in') AND ${inMonths('b.starts_at')} GROUP BY 1, 2`

const noShows = `SELECT b.for_site_id AS site_id, ${shanghaiMonthOf('b.starts_at')} AS month, count(*) AS value
  FROM resource_bookings b
  WHERE b.for_site_id IS NOT NULL AND b.status = 'no_show' AND ${inMonths('b.starts_at')} GROUP BY 1, 2`

export const figures: Figure[] = [
  { name: 'resources.hoursGiven', label: '共享资源时长（小时）', sql: hours('site_id') },
  { name: 'resources.hoursUsed', label: '使用联盟资源时长（小时）', sql: hours('for_site_id') },
  { name: 'resources.noShows', label: '预约未到场（次）', sql: noShows },
]
