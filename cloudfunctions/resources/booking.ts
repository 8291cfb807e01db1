/**
 * Booking one occurrence or a weekly series. Each occurrence is judged by the rules (opening
 * hours, the holiday calendar, the monthly hour cap per unit) and then written under a savepoint:
 * the database's exclusion constraints (or, for a seated resource, its session's seat count) refuse
 * a clash, which rolls back that occurrence alone and is answered for it. A series is all or
 * nothing unless asked `partial`. The booker's standing (a suspension, the 3-active quota) is
 * judged first, under the booker's lock, so two taps at once cannot pass it together.
 */
import { addWorkingDays, dueEnd, type Calendar } from '../../src/domain/feedback'
import { BOOKING_QUOTA, countingStatuses, nearestFree, refusalOf, spanOf } from '../../src/domain/resources'
import { NO_SHOW_LIMIT, NO_SHOW_WINDOW_DAYS, PENDING_WORKING_DAYS } from '../../src/domain/resources/attendance'
import { weeklyOccurrences, type Occurrence } from '../../src/domain/resources/series'
import { shanghaiDateTime, shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import { AppError, fail } from '../core/errors'
import { lockKey } from '../core/locks'
import type { Scope } from '../core/scope'
import { heldAround } from './holds'
import { rulesOf, type HoursRow, type IdRow, type ResourceRow } from './rows'

export const COUNTING = `(${countingStatuses.map((s) => `'${s}'`).join(', ')})`
const DAY = 24 * 60 * 60 * 1000

export interface BookRequest {
  resource: ResourceRow
  personId: number
  forSite: string | null
  start: Date
  end: Date
  purpose: string
  weeks: number
  partial: boolean
  calendar: Calendar
}

type Created = Extract<Occurrence, { result: 'created' }>
const isCreated = (o: Occurrence): o is Created => o.result === 'created'
const sqlState = (error: unknown) => (error as { code?: string } | null)?.code

/** Refuses a suspended booker and one holding the quota of active bookings (a series counts once), in one read. Call under the booker's lock. */
async function judgeBooker(db: Queryable, personId: number, now: Date) {
  const [{ until, n }] = await db.query<{ until: Date | null; n: number }>(
    `SELECT (SELECT max(ends_at) FROM resource_suspensions WHERE person_id = $1 AND lifted_at IS NULL AND starts_at <= $2 AND ends_at > $2) AS until,
       (SELECT count(DISTINCT COALESCE(series_id, -id))::int FROM resource_bookings WHERE person_id = $1 AND status IN ${COUNTING} AND ends_at > $2) AS n`,
    [personId, now],
  )
  if (until) fail('suspended', `您 ${NO_SHOW_WINDOW_DAYS} 天内已有 ${NO_SHOW_LIMIT} 次预约未到场，预约功能暂停至 ${shanghaiDateTime(until)}`, { until })
  if (n >= BOOKING_QUOTA) fail('quota_exceeded', `每人最多同时持有 ${BOOKING_QUOTA} 个有效预约，请先使用或取消已有预约`)
}

/** The Shanghai month holding `at`, as the instants it starts and ends. */
function monthOf(at: Date): [Date, Date] {
  const [year, month] = shanghaiDay(at).split('-').map(Number)
  const first = (y: number, m: number) => new Date(`${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01T00:00:00+08:00`)
  return [first(year, month), first(year, month + 1)]
}

/** The hour cap of the unit booked for, in the occurrence's Shanghai month: a refusal when it would pass it. */
async function overCap(db: Queryable, req: BookRequest, start: Date, end: Date): Promise<string | null> {
  const cap = req.resource.unit_month_hours
  if (cap === null || req.forSite === null) return null
  const [from, to] = monthOf(start)
  const [{ hours }] = await db.query<HoursRow>(
    `SELECT COALESCE(sum(extract(epoch FROM ends_at - starts_at) / 3600), 0)::float8 AS hours FROM resource_bookings
     WHERE resource_id = $1 AND for_site_id = $2 AND status IN ${COUNTING} AND starts_at >= $3 AND starts_at < $4`,
    [req.resource.id, req.forSite, from, to],
  )
  const asked = (end.getTime() - start.getTime()) / 3_600_000
  return hours + asked > cap ? `每个单位每月最多预约该资源 ${cap} 小时，${shanghaiDay(start).slice(0, 7)} 已预约 ${Math.round(hours * 10) / 10} 小时` : null
}

/** The occurrence's session of a seated resource (made on first use). */
async function sessionOf(db: Queryable, req: BookRequest, start: Date, end: Date, from: Date, to: Date): Promise<number> {
  const { resource } = req
  const [made] = await db.query<IdRow>(
    `INSERT INTO resource_sessions (resource_id, starts_at, ends_at, span, seats) VALUES ($1, $2, $3, tstzrange($4, $5, '[)'), $6)
     ON CONFLICT (resource_id, starts_at, ends_at) DO NOTHING RETURNING id`,
    [resource.id, start, end, from, to, resource.capacity],
  )
  if (made) return made.id
  const [found] = await db.query<IdRow>('SELECT id FROM resource_sessions WHERE resource_id = $1 AND starts_at = $2 AND ends_at = $3', [resource.id, start, end])
  return found.id
}

/** Takes a seat of the session, or `full`; a seat taken in a session overlapping another is refused by the database (23P01). */
async function takeSeat(db: Queryable, sessionId: number, seats: number | null) {
  const [taken] = await db.query<IdRow>('UPDATE resource_sessions SET taken = taken + 1 WHERE id = $1 AND taken < seats RETURNING id', [sessionId])
  if (!taken) fail('full', `该场次 ${seats} 个名额已满，请选择其他场次`)
}

/** Writes one occurrence; a clash is thrown as the database raised it (23P01), a full session as `full`. */
async function place(db: Queryable, req: BookRequest, seriesId: number | null, start: Date, end: Date, now: Date): Promise<Created> {
  const { resource } = req
  const { from, to } = spanOf(rulesOf(resource), start, end)
  const sessionId = resource.seated ? await sessionOf(db, req, start, end, from, to) : null
  const status = resource.needs_approval ? 'pending' : 'confirmed'
  const expires = status === 'pending' ? new Date(Math.min(start.getTime(), dueEnd(addWorkingDays(shanghaiDay(now), PENDING_WORKING_DAYS, req.calendar)).getTime())) : null
  // The booking and, unless it takes a seat, its holds on the resource and the spaces inside it: one statement.
  const [row] = await db.query<IdRow>(
    `WITH booking AS (
       INSERT INTO resource_bookings (resource_id, site_id, for_site_id, person_id, starts_at, ends_at, span, purpose, status, created_at, series_id, session_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, tstzrange($7, $8, '[)'), $9, $10, $11, $12, $13, $14) RETURNING id),
     held AS (INSERT INTO resource_holds (booking_id, resource_id, span)
       SELECT booking.id, r.id, tstzrange($7, $8, '[)') FROM booking, resources r WHERE $13::bigint IS NULL AND (r.id = $1 OR r.parent_id = $1))
     SELECT id FROM booking`,
    [resource.id, resource.site_id, req.forSite, req.personId, start, end, from, to, req.purpose, status, now, seriesId, sessionId, expires],
  )
  if (sessionId !== null) await takeSeat(db, sessionId, resource.capacity)
  return { startsAt: start.toISOString(), endsAt: end.toISOString(), result: 'created', id: row.id, status }
}

/** A refused occurrence, explained: its own times meet a booking (conflict) or only the buffers do, with the nearest free slots. */
async function clash(db: Queryable, req: BookRequest, start: Date, end: Date, now: Date) {
  const rules = rulesOf(req.resource)
  const held = await heldAround(db, req.resource.id, new Date(start.getTime() - 4 * DAY), new Date(end.getTime() + 4 * DAY))
  const free = nearestFree(rules, held.map((h) => ({ from: h.span_from, to: h.span_to })), now, start, end, req.calendar)
  return held.some((h) => h.starts_at < end && start < h.ends_at) || req.resource.seated
    ? { result: 'conflict' as const, message: '该时段已被预约，请选择其他时段', free }
    : { result: 'buffer_conflict' as const, message: '与相邻预约的准备或整理时间重叠，请调整时间', free }
}

/**
 * One occurrence under its own savepoint: created, or refused with nothing of it left written. The
 * `week`th occurrence is judged as if asked `week` weeks later: the window (notice, 30 days ahead)
 * is the first one's, so a series may run 26 weeks; the day, hours and caps are each its own.
 */
async function occurrence(tx: Scope, req: BookRequest, seriesId: number | null, week: number, start: Date, end: Date): Promise<Occurrence & { free?: unknown }> {
  const span = { startsAt: start.toISOString(), endsAt: end.toISOString() }
  const refusal = refusalOf(rulesOf(req.resource), start, end, new Date(tx.now.getTime() + week * 7 * DAY), req.calendar)
  if (refusal) return { ...span, result: refusal.code, message: refusal.message }
  const capped = await overCap(tx.db, req, start, end)
  if (capped) return { ...span, result: 'hours_exceeded', message: capped }
  await tx.db.query('SAVEPOINT occurrence')
  try {
    const created = await place(tx.db, req, seriesId, start, end, tx.now)
    await tx.db.query('RELEASE SAVEPOINT occurrence')
    return created
  } catch (error) {
    const state = sqlState(error)
    // 40P01: two requests for overlapping spans checked the exclusion constraint against each other at
    // once and PostgreSQL chose this one to give way (exclusion constraints can deadlock, unlike unique
    // ones): the other holds the slot, so this one is a conflict, though it cannot see that one yet.
    if (!(error instanceof AppError) && state !== '23P01' && state !== '23505' && state !== '40P01') throw error
    await tx.db.query('ROLLBACK TO SAVEPOINT occurrence')
    if (error instanceof AppError) return { ...span, result: error.code, message: error.message }
    if (state === '23505') return { ...span, result: 'duplicate', message: '您已预约该场次' }
    const explained = await clash(tx.db, req, start, end, tx.now)
    return state === '40P01' ? { ...span, ...explained, result: 'conflict', message: '该时段已被预约，请选择其他时段' } : { ...span, ...explained }
  }
}

/** Books the request's occurrences in the transaction; answers the first booked and, for a series, every occurrence. */
export async function bookOccurrences(tx: Scope, req: BookRequest) {
  await lockKey(tx.db, `booking-quota:${req.personId}`)
  await judgeBooker(tx.db, req.personId, tx.now)
  // One unit's hours of one resource in order, so its monthly cap holds under concurrent calls.
  if (req.forSite !== null && req.resource.unit_month_hours !== null) await lockKey(tx.db, `booking-hours:${req.resource.id}:${req.forSite}`)
  const series = req.weeks > 1 ? (await tx.db.query<IdRow>("SELECT nextval('resource_series_seq') AS id"))[0].id : null
  const answers: (Occurrence & { free?: unknown })[] = []
  for (const [week, { start, end }] of weeklyOccurrences(req.start, req.end, req.weeks).entries()) answers.push(await occurrence(tx, req, series, week, start, end))
  const created = answers.filter(isCreated)
  if (series === null) {
    const [only] = answers
    if (isCreated(only)) return { created, answer: { id: only.id, status: only.status } }
    return fail(only.result, only.message, only.free ? { free: only.free } : undefined)
  }
  const occurrences = answers.map(({ free: _free, ...rest }) => rest as Occurrence)
  const refused = occurrences.filter((o) => !isCreated(o))
  if (created.length === 0 || (refused.length > 0 && !req.partial)) {
    const clashes = refused.filter((o) => o.result === 'conflict' || o.result === 'buffer_conflict').length
    const first = refused[0] as Exclude<Occurrence, Created>
    const message = `共 ${occurrences.length} 次中有 ${refused.length} 次无法预约（首次：${shanghaiDay(new Date(first.startsAt))} ${first.message}），${req.partial ? '' : '整组'}未预约任何时段`
    return fail(clashes > 0 ? 'conflict' : first.result, message, { occurrences })
  }
  return { created, answer: { id: created[0].id, status: created[0].status, occurrences } }
}
