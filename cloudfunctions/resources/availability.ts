/**
 * Free time of many resources at once ("周六下午有空的场地"): a page of open resources by kind and
 * site, the spans held on each of them (and the spaces inside them) over the window in one read,
 * and each one's free slots by the same rule as its schedule.
 */
import { addDays, freeStarts, slotAt } from '../../src/domain/resources'
import type { Availability } from '../../src/domain/resources/attendance'
import type { resourcesContract } from '../../src/domain/resources/contract'
import { shanghaiDay } from '../../src/domain/time'
import { conditions, pageOf } from '../core/page'
import type { Handlers } from '../core/router'
import { loadCalendar } from '../feedback/public'
import { rulesOf, type ResourceRow } from './rows'

type Held = { resource_id: number; span_from: Date; span_to: Date }

export const availability: Handlers<typeof resourcesContract>['availability'] = async ({ db, input, now }) => {
  const { where, params, add } = conditions()
  add('r.status = ?', 'open')
  add("r.kind <> ?", 'data')
  if (input.kind) add('r.kind = ?', input.kind)
  if (input.siteId) add('r.site_id = ?', input.siteId)
  const page = await pageOf<ResourceRow & { site_name: string }>(db, { columns: 'r.*, s.name AS site_name', from: 'resources r JOIN sites s ON s.id = r.site_id', where, params, keys: ['r.id'] }, input)
  const first = input.from ?? shanghaiDay(now)
  const from = new Date(`${first}T00:00:00+08:00`)
  const to = new Date(`${addDays(first, input.days)}T00:00:00+08:00`)
  // Each resource's family (itself and the spaces inside it), then their holds by the exclusion's index.
  const held = await db.query<Held>(
    `WITH family AS (SELECT id, id AS root FROM resources WHERE id = ANY($1::bigint[])
                     UNION ALL SELECT id, parent_id FROM resources WHERE parent_id = ANY($1::bigint[]))
     SELECT f.root AS resource_id, lower(h.span) AS span_from, upper(h.span) AS span_to
     FROM family f JOIN resource_holds h ON h.resource_id = f.id AND h.active AND h.span && tstzrange($2, $3)`,
    [page.items.map((r) => r.id), from, to],
  )
  const calendar = await loadCalendar(db)
  const items = page.items.map((resource): Availability => {
    const rules = rulesOf(resource)
    const busy = held.filter((h) => h.resource_id === resource.id).map((h) => ({ from: h.span_from, to: h.span_to }))
    const minutes = Math.min(rules.maxMinutes, Math.max(rules.minMinutes, input.minutes))
    const starts = freeStarts(rules, busy, now, first, input.days, minutes, calendar)
    return { resourceId: resource.id, name: resource.name, siteName: resource.site_name, free: starts.length, first: starts.length ? slotAt(starts[0], minutes) : null }
  })
  return { items, next: page.next }
}
