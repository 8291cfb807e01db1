/**
 * Model-based test of booking (一键预约): random sequences of book (single or weekly), cancel,
 * decide and check-in by random people (residents, the owning units' admins, another unit's admin,
 * staff) on a plain room, a hall with its halves, an approved venue of another unit and a seated
 * course, with clock jumps that run the jobs (expiry, no-shows). After every step: no two counting
 * bookings overlap a resource (holds agree with the bookings' states, seats with their sessions),
 * no booking made a forbidden move, no row was deleted, nobody holds more than the quota, and
 * every refusal left the database as it was.
 */
import fc from 'fast-check'
import { runJob } from '../../cloudfunctions/core/jobs'
import { definition, main as resources } from '../../cloudfunctions/resources'
import { BOOKING_QUOTA } from '../../src/domain/resources'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const PEOPLE = ['resident-a', 'resident-b', 'demo-site-admin', 'park-admin', 'demo-staff'] as const
const SCENES = ['s=F01', 's=F11', 's=W01', 's=F02']
const TABLES = ['resource_bookings', 'resource_holds', 'resource_sessions', 'resource_suspensions', 'outbox', 'audit_log']
/** Every move a booking may make; anything else is forbidden. */
const MOVES: Record<string, string[]> = {
  pending: ['confirmed', 'declined', 'cancelled', 'expired'],
  confirmed: ['cancelled', 'checked_in', 'no_show'],
}
const START = '2026-11-20T02:00:00Z'

const who = fc.nat(PEOPLE.length - 1)
const pick = fc.nat(40)
const step = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('book' as const), who, resource: fc.nat(4), day: fc.integer({ min: 1, max: 4 }), hour: fc.integer({ min: 9, max: 13 }),
      hours: fc.constantFrom(1, 1, 2), weeks: fc.constantFrom(1, 1, 1, 2, 3), partial: fc.boolean(),
    }),
  },
  // Cancel and decide usually aim at a booking whose state makes them plausible (aim), sometimes at any.
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), who, booking: pick, reason: fc.boolean(), aim: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('decide' as const), who: fc.constantFrom(2, 3, 4, 0), booking: pick, approve: fc.boolean(), aim: fc.boolean() }) },
  // Usually the booker at the place of a booking starting about now (aim), sometimes anyone with any code.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('checkin' as const), who, booking: pick, scene: fc.nat(SCENES.length - 1), aim: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('approach' as const), booking: pick, early: fc.integer({ min: -20, max: 20 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clock' as const), hours: fc.integer({ min: 1, max: 60 }) }) },
)
type Step = typeof step extends fc.Arbitrary<infer A> ? A : never

describe(`一键预约 as a model on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  let rooms: number[] = []
  beforeAll(async () => {
    rt = await startRuntime(START)
    await rt.db.query(`INSERT INTO users (openid, nickname) VALUES ('park-admin', '黄磊'), ('resident-a', '刘建华'), ('resident-b', '陈立') ON CONFLICT DO NOTHING`)
    await rt.db.query(`INSERT INTO user_roles (user_id, role, site_id) SELECT id, 'site_admin', 'F11' FROM users WHERE openid = 'park-admin'`)
    const staff = caller(resources, 'demo-staff')
    const room = await staff('save', { siteId: 'F01', kind: 'venue', name: '一楼活动室', capacity: 20, bufferAfterMin: 15 })
    const course = await staff('save', { siteId: 'W01', kind: 'course', name: '国学小课堂', capacity: 2, seated: true, noticeHours: 24 })
    const ids = await rt.db.query<{ id: number }>(`SELECT id FROM resources WHERE name IN ('三楼报告厅', '报告厅东区', '产城融合·发展议事厅') ORDER BY id`)
    rooms = [room.data.id, ...ids.map((r) => r.id), course.data.id]
    for (const person of PEOPLE) await caller(resources, person)('standing', {})
  })
  afterAll(() => rt.close())

  const fingerprint = async () =>
    (await rt.db.query(`SELECT ${TABLES.map((t) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${t} x) AS ${t}`).join(', ')}`))[0]

  /** The rules, read from the tables after every step. */
  const statuses = new Map<number, string>()
  const reached = new Set<string>()
  async function check() {
    const rows = await rt.db.query<{ id: number; status: string }>('SELECT id, status FROM resource_bookings ORDER BY id')
    expect(rows.length).toBeGreaterThanOrEqual(statuses.size)
    for (const { id, status } of rows) {
      const was = statuses.get(id)
      if (was !== undefined && was !== status) expect([id, was, status, MOVES[was] ?? []]).toEqual([id, was, status, expect.arrayContaining([status])])
      if (was === undefined) expect(['pending', 'confirmed']).toContain(status)
      statuses.set(id, status)
      reached.add(status)
    }
    for (const id of statuses.keys()) expect(rows.some((row) => row.id === id)).toBe(true)
    const [bad] = await rt.db.query<{ overlaps: number; holds: number; seats: number; quota: number }>(
      `SELECT
         (SELECT count(*)::int FROM resource_holds a JOIN resource_holds b ON a.resource_id = b.resource_id AND a.booking_id < b.booking_id AND a.span && b.span
          WHERE a.active AND b.active) AS overlaps,
         (SELECT count(*)::int FROM resource_bookings bk JOIN resource_holds h ON h.booking_id = bk.id
          WHERE h.active <> (bk.status IN ('pending', 'confirmed', 'checked_in'))) AS holds,
         (SELECT count(*)::int FROM resource_sessions s WHERE s.taken <> (SELECT count(*) FROM resource_bookings bk
          WHERE bk.session_id = s.id AND bk.status IN ('pending', 'confirmed', 'checked_in')) OR s.taken > s.seats) AS seats,
         (SELECT count(*)::int FROM (SELECT person_id FROM resource_bookings WHERE status IN ('pending', 'confirmed', 'checked_in') AND ends_at > $1
          GROUP BY person_id HAVING count(DISTINCT COALESCE(series_id, -id)) > $2) q) AS quota`,
      [rt.clock.now(), BOOKING_QUOTA],
    )
    expect(bad).toEqual({ overlaps: 0, holds: 0, seats: 0, quota: 0 })
  }

  const bookingAt = async (index: number, where = 'true') => {
    const rows = await rt.db.query<{ id: number; starts_at: Date }>(`SELECT id, starts_at FROM resource_bookings WHERE ${where} ORDER BY id`)
    return rows.length ? rows[index % rows.length] : undefined
  }
  /** A booking starting within 20 minutes of now, with its booker and its site. */
  const nearNow = async (index: number) => {
    const rows = await rt.db.query<{ id: number; openid: string; site_id: string }>(
      `SELECT b.id, u.openid, b.site_id FROM resource_bookings b JOIN users u ON u.id = b.person_id
       WHERE abs(extract(epoch FROM b.starts_at - $1::timestamptz)) <= 1200 ORDER BY b.id`,
      [rt.clock.now()],
    )
    return rows.length ? rows[index % rows.length] : undefined
  }
  const jobs = async () => {
    await runJob(definition, 'expirePending', rt)
    await runJob(definition, 'markNoShows', rt)
  }

  const outcomes: Record<string, number> = {}
  async function walk(steps: Step[]) {
    for (const s of steps) {
      if (s.kind === 'clock' || s.kind === 'approach') {
        const target = s.kind === 'approach' ? await bookingAt(s.booking, `status = 'confirmed' AND starts_at > '${rt.clock.now().toISOString()}'`) : undefined
        const later = rt.clock.now().getTime() + (s.kind === 'clock' ? s.hours : 1) * 3_600_000
        const to = target && s.kind === 'approach' ? target.starts_at.getTime() + s.early * 60_000 : later
        if (to > rt.clock.now().getTime()) rt.clock.set(new Date(to))
        await jobs()
        await check()
        continue
      }
      const aimed = s.kind === 'checkin' && s.aim ? await nearNow(s.booking) : undefined
      // Staff stepping in at the place: a cancel with a reason of a booking starting about now (checked in or not).
      const around = s.kind === 'cancel' && s.aim && s.reason ? await nearNow(s.booking) : undefined
      const me = caller(resources, aimed?.openid ?? (around ? 'demo-staff' : PEOPLE[s.who]))
      const plausible = s.kind === 'cancel' ? `status IN ('pending', 'confirmed', 'checked_in') AND ends_at > '${rt.clock.now().toISOString()}'` : "status = 'pending'"
      const where = (s.kind === 'cancel' || s.kind === 'decide') && s.aim ? plausible : 'true'
      const booking = aimed?.id ?? around?.id ?? ('booking' in s ? ((await bookingAt(s.booking, where)) ?? (await bookingAt(s.booking)))?.id ?? 1 : 1)
      const before = await fingerprint()
      let answer: any
      if (s.kind === 'book') {
        const day = new Date(rt.clock.now().getTime() + s.day * 86_400_000)
        const start = new Date(`${day.toISOString().slice(0, 10)}T${String(s.hour).padStart(2, '0')}:00:00+08:00`)
        const end = new Date(start.getTime() + s.hours * 3_600_000)
        const repeat = s.weeks > 1 ? { weeks: s.weeks, partial: s.partial } : undefined
        answer = await me('book', { resourceId: rooms[s.resource], startsAt: start.toISOString(), endsAt: end.toISOString(), repeat })
      }
      if (s.kind === 'cancel') answer = await me('cancel', { bookingId: booking, reason: s.reason ? '场地临时检修' : undefined })
      if (s.kind === 'decide') answer = await me('decide', { bookingId: booking, approve: s.approve, note: s.approve ? '' : '当天已有安排' })
      if (s.kind === 'checkin') answer = await me('checkin', { bookingId: booking, scene: aimed ? `s=${aimed.site_id}` : SCENES[s.scene] })
      const outcome = `${s.kind}:${answer.ok ? 'ok' : answer.error.code}`
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
      expect(answer.error?.code).not.toBe('internal')
      if (!answer.ok) expect(await fingerprint()).toEqual(before)
      await check()
    }
  }

  it('never double-books, never makes a forbidden move and never deletes a booking, whatever anyone does in any order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 30, maxLength: 60 }), async (steps) => {
        await rt.db.exec(`TRUNCATE ${TABLES.join(', ')} RESTART IDENTITY CASCADE`)
        statuses.clear()
        rt.clock.set(START)
        await walk(steps)
      }),
      { numRuns: Number(process.env.MODEL_RUNS ?? 25), seed: Number(process.env.MODEL_SEED ?? 20261204), endOnFailure: true },
    )
    console.log(`[model] outcomes: ${JSON.stringify(outcomes)}`)
    const seen = new Set(Object.keys(outcomes).filter((o) => o.endsWith(':ok')).map((o) => o.split(':')[0]))
    expect([...seen].sort()).toEqual(['book', 'cancel', 'checkin', 'decide'])
    for (const code of ['book:conflict', 'book:quota_exceeded', 'checkin:outside_window', 'decide:already_decided']) expect(Object.keys(outcomes)).toContain(code)
    console.log(`[model] states reached: ${[...reached].sort().join(', ')}`)
    expect([...reached].sort()).toEqual(['cancelled', 'checked_in', 'confirmed', 'declined', 'expired', 'no_show', 'pending'])
  }, 240_000)
})
