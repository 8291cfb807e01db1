/**
 * resources: the alliance's shared venues, experts, courses and data (联盟资源清单), booked in one
 * tap (一键预约). Overlaps are refused by the database: every booking holds its resource and the
 * spaces inside it (resource_holds) under an exclusion constraint, buffers included; a clash is
 * caught when the insert fails, explained (overlap or buffer) and answered with the nearest free
 * slots (booking.ts, which also books weekly series and seats). Check-in, no-shows and suspensions
 * are attendance.ts; the pending-expiry and no-show jobs are jobs.ts.
 */
import {
  addDays, bookingStatusLabels, cancelDeadline, DEFAULT_UNIT_MONTH_HOURS, defaultNoticeHours, freeSlots, isCounting,
  type Booking, type ResourceDetail, type ResourceSummary,
} from '../../src/domain/resources'
import { resourcesContract } from '../../src/domain/resources/contract'
import { sharingContract } from '../../src/domain/resources/contract-sharing'
import { can, unitsOf } from '../../src/domain/resources/permissions'
import { isDistrictStaff } from '../../src/domain/person'
import { shanghaiDay } from '../../src/domain/time'
import { everyone, profileIssuers, siteManagers } from '../core/access'
import { screenText } from '../core/content'
import { fail } from '../core/errors'
import { conditions, pageOf } from '../core/page'
import { createMain, defineFunction } from '../core/router'
import { loadCalendar } from '../feedback/public'
import { findSite } from '../sites/public'
import { activityActions } from './activity'
import { attendanceActions } from './attendance'
import { availability } from './availability'
import { bookOccurrences } from './booking'
import { calendarActions, unitCalendar } from './calendar'
import { bookingColumns, bookingFrom } from './columns'
import { dataActions } from './datasets'
import { expertActions } from './experts'
import { heldAround, release } from './holds'
import { expirePending, markNoShows } from './jobs'
import { loadBooking, loadResource } from './load'
import { matchActions } from './match'
import { rulesOf, type ChildRow, type CountRow, type IdRow, type ResourceRow, type SummaryRow } from './rows'
import { settlePending } from './settle'
import { sharingAccess } from './sharing-access'

const NOT_FOUND = '未找到该资源'

const summaryColumns = `r.id, r.site_id AS "siteId", s.name AS "siteName", r.parent_id AS "parentId", r.kind, r.name, r.description, r.capacity,
  r.tags, r.status, r.needs_approval AS "needsApproval"`


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
    checkin: everyone,
    standing: everyone,
    suspensions: profileIssuers,
    waive: profileIssuers,
    availability: everyone,
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
        if (input.openToMin <= input.openFromMin) fail('invalid_input', '开放结束时间须晚于开始时间')
        if (input.seated && !input.capacity) fail('invalid_input', '按座位预约的资源须填写容纳人数')
        if (input.seated && (parentId !== null || input.kind === 'venue')) fail('invalid_input', '按座位预约只适用于专家和课程')
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
          input.cancelHours, input.needsApproval, input.status, now, input.openFromMin, input.openToMin, input.closedWeekdays,
          input.unitMonthHours === undefined ? (input.kind === 'venue' ? DEFAULT_UNIT_MONTH_HOURS : null) : input.unitMonthHours, input.seated]
        const [row] = input.resourceId
          ? await db.query<IdRow>(
              `UPDATE resources SET site_id = $1, parent_id = $2, kind = $3, name = $4, description = $5, capacity = $6, tags = $7, notice_hours = $8,
                 min_minutes = $9, max_minutes = $10, buffer_before_min = $11, buffer_after_min = $12, cancel_hours = $13, needs_approval = $14,
                 status = $15, updated_at = $16, open_from_min = $17, open_to_min = $18, closed_weekdays = $19, unit_month_hours = $20, seated = $21
               WHERE id = $22 RETURNING id`,
              [...values, input.resourceId],
            )
          : await db.query<IdRow>(
              `INSERT INTO resources (site_id, parent_id, kind, name, description, capacity, tags, notice_hours, min_minutes, max_minutes,
                 buffer_before_min, buffer_after_min, cancel_hours, needs_approval, status, created_at, updated_at, open_from_min, open_to_min,
                 closed_weekdays, unit_month_hours, seated, created_by)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
              [...values, caller.userId],
            )
        await audit(`resource:${row.id}`, { siteId: input.siteId, name: input.name })
        return { id: row.id }
      }).catch(unique)
    },

    book: async ({ input, caller, transaction, db: plain }) => {
      const units = unitsOf(caller)
      if (input.forSiteId && !units.includes(input.forSiteId) && !isDistrictStaff(caller)) fail('forbidden', '只能为本人管理的联盟点预约')
      const resource = await loadResource(plain, input.resourceId)
      if (resource.status !== 'open') fail('closed', '该资源暂停预约')
      if (resource.kind === 'data') fail('invalid_input', '数据资源需提交数据申请，暂不支持按时段预约')
      const request = {
        resource, personId: caller.userId, forSite: input.forSiteId ?? units[0] ?? null, start: new Date(input.startsAt), end: new Date(input.endsAt),
        purpose: input.purpose, weeks: input.repeat?.weeks ?? 1, partial: input.repeat?.partial ?? false, calendar: await loadCalendar(plain),
      }
      return transaction(async (tx) => {
        const { created, answer } = await bookOccurrences(tx, request)
        const [first] = created
        const facts = { bookingId: first.id, resourceName: resource.name, siteId: resource.site_id, startsAt: new Date(first.startsAt), personId: caller.userId }
        if (request.weeks > 1) {
          await tx.publish({ type: 'booking.series', key: `booking-series:${first.id}`, ...facts, weeks: created.length, pending: first.status === 'pending' })
        } else if (first.status === 'confirmed') await tx.publish({ type: 'booking.confirmed', key: `booking-confirmed:${first.id}`, ...facts })
        else await tx.publish({ type: 'booking.requested', key: `booking-requested:${first.id}`, ...facts })
        for (const booking of created) await tx.audit(`booking:${booking.id}`, { resourceId: resource.id, status: booking.status })
        return answer
      })
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
        await release(db, booking)
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
      const calendar = await loadCalendar(db)
      const free = resource.status === 'open' ? freeSlots(rules, held.map((h) => ({ from: h.span_from, to: h.span_to })), now, first, input.days, minutes, calendar) : []
      const busy = [...new Map(held.map((h) => [`${h.starts_at.toISOString()}|${h.ends_at.toISOString()}`, { startsAt: h.starts_at.toISOString(), endsAt: h.ends_at.toISOString() }])).values()]
      return { busy, free }
    },

    ...attendanceActions,
    availability,
    ...matchActions,
    ...calendarActions,
    ...expertActions,
    ...dataActions,
    ...activityActions,
  },
  jobs: { expirePending, markNoShows },
  feeds: { unit: unitCalendar },
})

export const main = createMain(definition)
