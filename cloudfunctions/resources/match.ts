/**
 * 高效匹配 (`resources.match`): the open resources that fit a topic or an activity plan, ranked by
 * the pure rule in src/domain/resources/match.ts. Two reads: the candidates with their sites'
 * positions, and every slot held in the window (a hold on a space inside a hall also makes the
 * hall busy); the free days are those the booking page's free-slot rule offers (free-days.ts), holidays included.
 */
import { addDays } from '../../src/domain/resources'
import type { sharingContract } from '../../src/domain/resources/contract-sharing'
import { freeDays } from '../../src/domain/resources/free-days'
import { rankResources, type MatchCandidate } from '../../src/domain/resources/match'
import { unitsOf } from '../../src/domain/resources/permissions'
import { shanghaiDay } from '../../src/domain/time'
import { fail } from '../core/errors'
import type { Handlers } from '../core/router'
import { loadCalendar } from '../feedback/public'
import { findSite } from '../sites/public'
import { loadTopic } from '../topics/public'
import { rulesOf, type ResourceRow } from './rows'

type CandidateRow = ResourceRow & { site_name: string; lat: number; lng: number }
type HeldRow = { resource_id: number; parent_id: number | null; span_from: Date; span_to: Date }

export const matchActions: Pick<Handlers<typeof sharingContract>, 'match'> = {
  match: async ({ db, input, caller, now }) => {
    const topic = input.topicId ? await loadTopic(db, input.topicId) : undefined
    const terms = [...new Set([...input.tags, ...input.sectors])]
    if (!terms.length && !topic) fail('invalid_input', '请至少填写一个标签或界别，或选择一个议题')
    const today = shanghaiDay(now)
    const first = input.from ?? today
    if (first < today) fail('in_past', '匹配的日期不能早于今天')
    const days = Array.from({ length: input.days }, (_, i) => addDays(first, i))
    const originId = input.siteId ?? topic?.site_id ?? unitsOf(caller)[0]
    const origin = originId ? await findSite(db, originId) : undefined

    const rows = await db.query<CandidateRow>(
      `SELECT r.*, s.name AS site_name, s.lat, s.lng FROM resources r JOIN sites s ON s.id = r.site_id
       WHERE r.status = 'open' AND r.kind <> 'data' AND ($1::text IS NULL OR r.kind = $1) ORDER BY r.id`,
      [input.kind ?? null],
    )
    const from = new Date(`${first}T00:00:00+08:00`)
    const to = new Date(`${addDays(first, input.days)}T00:00:00+08:00`)
    const held = await db.query<HeldRow>(
      `SELECT h.resource_id, r.parent_id, lower(h.span) AS span_from, upper(h.span) AS span_to
       FROM resource_holds h JOIN resources r ON r.id = h.resource_id WHERE h.active AND h.span && tstzrange($1, $2)`,
      [from, to],
    )
    const calendar = await loadCalendar(db)
    const busy = new Map<number, { from: Date; to: Date }[]>()
    const hold = (id: number, span: { from: Date; to: Date }) => busy.set(id, [...(busy.get(id) ?? []), span])
    for (const h of held) {
      const span = { from: h.span_from, to: h.span_to }
      hold(h.resource_id, span)
      if (h.parent_id !== null) hold(h.parent_id, span)
    }
    const candidates: MatchCandidate[] = rows.map((r) => {
      const rules = rulesOf(r)
      const minutes = Math.min(rules.maxMinutes, Math.max(rules.minMinutes, input.minutes))
      return {
        id: Number(r.id), name: r.name, kind: r.kind, siteId: r.site_id, siteName: r.site_name, capacity: r.capacity, tags: r.tags,
        lat: r.lat, lng: r.lng, freeDays: freeDays(rules, busy.get(r.id) ?? [], now, first, input.days, minutes, calendar),
      }
    })
    const plan = { terms, title: topic?.title, audience: input.audience, origin, days }
    return { items: rankResources(candidates, plan, input.limit) }
  },
}
