/**
 * resources: the alliance's shared venues, experts, courses and data (联盟资源清单), booked in one
 * tap (一键预约). Overlaps are refused by the database: every booking holds its resource and the
 * spaces inside it (resource_holds) under an exclusion constraint, buffers included; a clash is
 * caught after the insert fails, explained (overlap or buffer) and answered with the nearest free slots.
 */
import {
  addDays, BOOKING_QUOTA, bookingStatusLabels, cancelDeadline, countingStatuses, defaultNoticeHours, freeSlots, isCounting, nearestFree, refusalOf, spanOf,
  type Booking, type ResourceDetail, type ResourceSummary,
} from '../../src/domain/resources'
import { resourcesContract } from '../../src/domain/resources/contract'
import { sharingContract } from '../../src/domain/resources/contract-sharing'
import { can, unitsOf } from '../../src/domain/resources/permissions'
import { isDistrictStaff } from '../../src/domain/person'
import { shanghaiDay } from '../../src/domain/time'
import { everyone, siteManagers } from '../core/access'
import { screenText } from '../core/content'
import type { Queryable } from '../core/db'
import { AppError, fail } from '../core/errors'
import { lockKey } from '../core/locks'
import { conditions, pageOf } from '../core/page'
import { createMain, defineFunction } from '../core/router'
import { findSite } from '../sites/public'
import { activityActions } from './activity'
import { calendarActions, unitCalendar } from './calendar'
import { bookingColumns, bookingFrom } from './columns'
import { dataActions } from './datasets'
import { expertActions } from './experts'
import { matchActions } from './match'
import { rulesOf, type ChildRow, type CountRow, type HoldRow, type IdRow, type ResourceRow, type SummaryRow } from './rows'
import { loadBooking, settlePending } from './settle'
import { sharingAccess } from './sharing-access'

const NOT_FOUND = '未找到该资源'
const COUNTING = `(${countingStatuses.map((s) => `'${s}'`).join(', ')})`

const summaryColumns = `r.id, r.site_id AS "siteId", s.name AS "siteName", r.parent_id AS "parentId", r.kind, r.name, r.description, r.capacity,
  r.tags, r.status, r.needs_approval AS "needsApproval"`

async function loadResource(db: Queryable, id: number, lock = false): Promise<ResourceRow> {
  const [row] = await db.query<ResourceRow>(`SELECT * FROM resources WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return row ?? fail('not_found', NOT_FOUND)
}

/** The spans held, in [from, to), on a resource and the spaces inside it: what a booking of it may not meet. */
const heldAround = (db: Queryable, resourceId: number, from: Date, to: Date) =>
  db.query<HoldRow>(
    `SELECT DISTINCT lower(h.span) AS span_from, upper(h.span) AS span_to, b.starts_at, b.ends_at
     FROM resource_holds h JOIN resource_bookings b ON b.id = h.booking_id
     WHERE h.active AND h.resource_id IN (SELECT id FROM resources WHERE id = $1 OR parent_id = $1)
       AND h.span && tstzrange($2, $3) ORDER BY 1`,
    [resourceId, from, to],
  )

const DAY = 24 * 60 * 60 * 1000
const isExclusion = (error: unknown) => (error as { code?: string } | null)?.code === '23P01'

/** A refused booking, explained: its own times meet a booking (conflict) or only the buffers do. */
async function clash(db: Queryable, resource: ResourceRow, start: Date, end: Date, now: Date): Promise<never> {
  const rules = rulesOf(resource)
  const held = await heldAround(db, resource.id, new Date(start.getTime() - 4 * DAY), new Date(end.getTime() + 4 * DAY))
  const busy = held.map((h) => ({ from: h.span_from, to: h.span_to }))
  const free = nearestFree(rules, busy, now, start, end)
  const overlapping = held.some((h) => h.starts_at < end && start < h.ends_at)
  return overlapping
    ? fail('conflict', '该时段已被预约，请选择其他时段', { free })
    : fail('buffer_conflict', '与相邻预约的准备或整理时间重叠，请调整时间', { free })
}

export const definition = defineFunction({
  name: 'resources',
  contract: { ...resourcesContract, ...sharingContract },
  openapi: ['security.msgSecCheck'],
  access: {
    list: everyone,
    get: everyone,
    save: siteManagers,
    book: everyone,
    cancel: everyone,
    decide: siteManagers,
    mine: everyone,
    requests: siteManagers,
    schedule: everyone,
    ...sharingAccess,
  },
  actions: {
    list: async ({ db, input }) => {
      const { where, params, add } = conditions()
      add("r.status = ?", 'open')
      if (input.kind) add('r.kind = ?', input.kind)
      if (input.siteId) add('r.site_id = ?', input.siteId)
      if (input.tag) add('? = ANY (r.tags)', input.tag)
      return pageOf<ResourceSummary>(db, { columns: summaryColumns, from: 'resources r JOIN sites s ON s.id = r.site_id', where, params, keys: ['r.id'] }, input)
    },

    get: async ({ db, input, caller }) => {
      const [row] = await db.query<SummaryRow>(
        `SELECT ${summaryColumns}, p.name AS "parentName" FROM resources r JOIN sites s ON s.id = r.site_id LEFT JOIN resources p ON p.id = r.parent_id WHERE r.id = $1`,
        [input.resourceId],
      )
      if (!row) return fail('not_found', NOT_FOUND)
      const resource = await loadResource(db, input.resourceId)
      const children = await db.query<ChildRow>('SELECT id, name FROM resources WHERE parent_id = $1 ORDER BY id', [input.resourceId])
      const detail: ResourceDetail = { ...row, rules: rulesOf(resource), children, manages: can(caller, 'edit', { siteId: row.siteId }) }
      return detail
    },

    save: async ({ db: plain, input, caller, platform, transaction }) => {
      await findSite(plain, input.siteId)
      if (!can(caller, 'edit', { siteId: input.siteId })) fail('forbidden', '只能编辑本单位的资源')
      if (input.maxMinutes < input.minMinutes) fail('invalid_input', '最长时长不能短于最短时长')
      await screenText(platform, `${input.name}\n${input.description}\n${input.tags.join(' ')}`, caller.openid, 'immediate')
      const unique = (error: unknown) => {
        if ((error as { code?: string } | null)?.code === '23505') fail('duplicate', '本单位已有同名资源，请换一个名称')
        throw error
      }
      return transaction(async ({ db, audit, now }) => {
        const [same] = await db.query<IdRow>('SELECT id FROM resources WHERE site_id = $1 AND name = $2 AND id <> $3', [input.siteId, input.name, input.resourceId ?? 0])
        if (same) fail('duplicate', '本单位已有同名资源，请换一个名称', { id: same.id })
        if (input.resourceId) {
          const old = await loadResource(db, input.resourceId, true)
          if (!can(caller, 'edit', { siteId: old.site_id })) fail('forbidden', '只能编辑本单位的资源')
        }
        const parentId = input.parentId ?? null
        if (parentId !== null) {
          const [parent] = await db.query<ResourceRow>('SELECT * FROM resources WHERE id = $1', [parentId])
          if (!parent) fail('not_found', '未找到所属的场地')
          if (parent.id === input.resourceId) fail('invalid_input', '场地不能包含自己')
          if (parent.site_id !== input.siteId || parent.kind !== 'venue' || input.kind !== 'venue') fail('invalid_input', '只有同一单位的场地可以相互包含')
          if (parent.parent_id !== null) fail('invalid_input', '场地最多分两级')
          if (input.resourceId) {
            const [{ n }] = await db.query<CountRow>('SELECT count(*)::int AS n FROM resources WHERE parent_id = $1', [input.resourceId])
            if (n > 0) fail('invalid_input', '含有分区的场地不能再归入其他场地')
          }
        }
        const values = [input.siteId, parentId, input.kind, input.name, input.description, input.capacity ?? null, input.tags,
          input.noticeHours ?? defaultNoticeHours[input.kind], input.minMinutes, input.maxMinutes, input.bufferBeforeMin, input.bufferAfterMin,
          input.cancelHours, input.needsApproval, input.status, now]
        const [row] = input.resourceId
          ? await db.query<IdRow>(
              `UPDATE resources SET site_id = $1, parent_id = $2, kind = $3, name = $4, description = $5, capacity = $6, tags = $7, notice_hours = $8,
                 min_minutes = $9, max_minutes = $10, buffer_before_min = $11, buffer_after_min = $12, cancel_hours = $13, needs_approval = $14,
                 status = $15, updated_at = $16 WHERE id = $17 RETURNING id`,
              [...values, input.resourceId],
            )
          : await db.query<IdRow>(
              `INSERT INTO resources (site_id, parent_id, kind, name, description, capacity, tags, notice_hours, min_minutes, max_minutes,
                 buffer_before_min, buffer_after_min, cancel_hours, needs_approval, status, created_at, updated_at, created_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17) RETURNING id`,
              [...values, caller.userId],
            )
        await audit(`resource:${row.id}`, { siteId: input.siteId, name: input.name })
        return { id: row.id }
      }).catch(unique)
    },

    book: async ({ input, caller, transaction, db: plain, now }) => {
      const start = new Date(input.startsAt)
      const end = new Date(input.endsAt)
      const units = unitsOf(caller)
      if (input.forSiteId && !units.includes(input.forSiteId) && !isDistrictStaff(caller)) fail('forbidden', '只能为本人管理的联盟点预约')
      const forSite = input.forSiteId ?? units[0] ?? null
      const resource = await loadResource(plain, input.resourceId)
      try {
        return await transaction(async ({ db, publish, audit }) => {
          if (resource.status !== 'open') fail('closed', '该资源暂停预约')
          if (resource.kind === 'data') fail('invalid_input', '数据资源需提交数据申请，暂不支持按时段预约')
          const rules = rulesOf(resource)
          const refusal = refusalOf(rules, start, end, now)
          if (refusal) fail(refusal.code, refusal.message)
          // One person's bookings in order, so the quota holds under concurrent calls.
          await lockKey(db, `booking-quota:${caller.userId}`)
          const [{ n }] = await db.query<CountRow>(
            `SELECT count(*)::int AS n FROM resource_bookings WHERE person_id = $1 AND status IN ${COUNTING} AND ends_at > $2`,
            [caller.userId, now],
          )
          if (n >= BOOKING_QUOTA) fail('quota_exceeded', `每人最多同时持有 ${BOOKING_QUOTA} 个有效预约，请先使用或取消已有预约`)
          const { from, to } = spanOf(rules, start, end)
          const status = resource.needs_approval ? 'pending' : 'confirmed'
          const [row] = await db.query<IdRow>(
            `INSERT INTO resource_bookings (resource_id, site_id, for_site_id, person_id, starts_at, ends_at, span, purpose, status, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7, $8, '[)'), $9, $10, $11) RETURNING id`,
            [resource.id, resource.site_id, forSite, caller.userId, start, end, from, to, input.purpose, status, now],
          )
          await db.query(
            `INSERT INTO resource_holds (booking_id, resource_id, span)
             SELECT $1, r.id, tstzrange($3, $4, '[)') FROM resources r WHERE r.id = $2 OR r.parent_id = $2`,
            [row.id, resource.id, from, to],
          )
          const facts = { bookingId: row.id, resourceName: resource.name, siteId: resource.site_id, startsAt: start, personId: caller.userId }
          if (status === 'confirmed') await publish({ type: 'booking.confirmed', key: `booking-confirmed:${row.id}`, ...facts })
          else await publish({ type: 'booking.requested', key: `booking-requested:${row.id}`, ...facts })
          await audit(`booking:${row.id}`, { resourceId: resource.id, status })
          return { id: row.id, status }
        })
      } catch (error) {
        if (error instanceof AppError || !isExclusion(error)) throw error
        return clash(plain, resource, start, end, now)
      }
    },

    cancel: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now, publish, audit }) => {
        const booking = await loadBooking(db, input.bookingId)
        if (!can(caller, 'cancel', { siteId: booking.site_id, personId: booking.person_id })) fail('not_yours', '只能取消自己的预约')
        if (!isCounting(booking.status) || booking.status === 'checked_in') {
          fail('already_decided', `该预约${bookingStatusLabels[booking.status]}，不能再取消`)
        }
        const byOther = booking.person_id !== caller.userId
        if (byOther && !input.reason) fail('invalid_input', '请填写取消原因')
        if (booking.ends_at <= now) fail('too_late', '预约时段已结束，不能取消')
        if (!byOther && now > cancelDeadline({ cancelHours: booking.cancel_hours }, booking.starts_at)) {
          fail('too_late', `已过取消期限（开始前 ${booking.cancel_hours} 小时），请联系资源所在单位`)
        }
        await db.query(`UPDATE resource_bookings SET status = 'cancelled', cancelled_by = $2, cancelled_at = $3, note = COALESCE($4, note) WHERE id = $1`, [
          booking.id, caller.userId, now, input.reason ?? null,
        ])
        await db.query('UPDATE resource_holds SET active = false WHERE booking_id = $1', [booking.id])
        await publish({
          type: 'booking.cancelled', key: `booking-cancelled:${booking.id}`, bookingId: booking.id, resourceName: booking.name, siteId: booking.site_id,
          startsAt: booking.starts_at, personId: booking.person_id, cancelledBy: caller.userId, reason: input.reason ?? null,
        })
        if (byOther) await audit(`booking:${booking.id}`, { cancelled: booking.person_id, reason: input.reason })
        return { status: 'cancelled' as const }
      }),

    decide: async ({ input, caller, transaction }) =>
      transaction(async (tx) => {
        const booking = await loadBooking(tx.db, input.bookingId)
        if (!can(caller, 'decide', { siteId: booking.site_id })) fail('forbidden', '只能处理本单位资源的预约')
        if (!input.approve && [...input.note].length < 2) fail('invalid_input', '请填写不同意的原因')
        return settlePending(tx, booking, caller.userId, input.approve, input.note)
      }),

    mine: async ({ db, input, caller }) =>
      pageOf<Booking>(db, { columns: bookingColumns, from: bookingFrom, where: ['b.person_id = $1'], params: [caller.userId], keys: ['b.starts_at', 'b.id'], desc: true }, input),

    requests: async ({ db, input, caller }) => {
      const { where, params, add } = conditions()
      add('b.status = ?', input.status)
      if (!isDistrictStaff(caller)) add('b.site_id = ANY (?::text[])', unitsOf(caller))
      return pageOf<Booking>(db, { columns: bookingColumns, from: bookingFrom, where, params, keys: ['b.starts_at', 'b.id'] }, input)
    },

    schedule: async ({ db, input, now }) => {
      const resource = await loadResource(db, input.resourceId)
      const rules = rulesOf(resource)
      const first = input.from ?? shanghaiDay(now)
      const from = new Date(`${first}T00:00:00+08:00`)
      const to = new Date(`${addDays(first, input.days)}T00:00:00+08:00`)
      const held = await heldAround(db, resource.id, from, to)
      const minutes = Math.min(rules.maxMinutes, Math.max(rules.minMinutes, input.minutes ?? 60))
      const free = resource.status === 'open' ? freeSlots(rules, held.map((h) => ({ from: h.span_from, to: h.span_to })), now, first, input.days, minutes) : []
      const busy = [...new Map(held.map((h) => [`${h.starts_at.toISOString()}|${h.ends_at.toISOString()}`, { startsAt: h.starts_at.toISOString(), endsAt: h.ends_at.toISOString() }])).values()]
      return { busy, free }
    },
    ...matchActions,
    ...calendarActions,
    ...expertActions,
    ...dataActions,
    ...activityActions,
  },
  feeds: { unit: unitCalendar },
})

export const main = createMain(definition)
