/**
 * The booking rules past a single booking: weekly series (all or nothing, or partial), the hour
 * cap per unit and month, opening hours and the holiday calendar, seats, check-in with the site's
 * code, and the jobs (pending expiry, no-shows and suspensions), each with an injected clock.
 */
import { readFigure } from '../../cloudfunctions/core/figures'
import { runJob } from '../../cloudfunctions/core/jobs'
import { definition } from '../../cloudfunctions/resources'
import { figures } from '../../cloudfunctions/resources/figures'
import { as, at, book, countOf, idOf as idIn, plainRoom as room } from '../support/resources'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const MON = '2026-11-23'
const TUE = '2026-11-24'
const WED = '2026-11-25'

describe(`resources' rules and jobs on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const count = (sql: string, params: unknown[] = []) => countOf(rt.db, sql, params)
  const bookings = () => count('SELECT count(*)::int AS n FROM resource_bookings')
  const statusOf = async (id: number) => (await rt.db.query('SELECT status FROM resource_bookings WHERE id = $1', [id]))[0].status as string
  const idOf = (name: string) => idIn(rt.db, name)
  const titles = async (openid: string) =>
    (await rt.db.query(`SELECT payload->>'title' AS title FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE u.openid = $1 ORDER BY o.id`, [openid])).map((r) => r.title)
  const run = (job: string) => runJob(definition, job, rt)

  it('books a weekly series all or nothing, lists each clashing occurrence, books the free ones when partial, and counts a series once in the quota', async () => {
    const hall = await room()
    await book('other', hall, '2026-12-07', '09:00', '10:00')
    const before = await bookings()
    const whole = await book('booker', hall, MON, '09:00', '10:00', { repeat: { weeks: 4 } })
    expect(whole.error.code).toBe('conflict')
    expect(whole.error.message).toBe('共 4 次中有 1 次无法预约（首次：2026-12-07 该时段已被预约，请选择其他时段），整组未预约任何时段')
    expect(whole.error.data.occurrences.map((o: any) => [o.startsAt, o.result])).toEqual([
      [at(MON, '09:00'), 'created'], [at('2026-11-30', '09:00'), 'created'], [at('2026-12-07', '09:00'), 'conflict'], [at('2026-12-14', '09:00'), 'created'],
    ])
    expect(await bookings()).toBe(before)

    const partial = await book('booker', hall, MON, '09:00', '10:00', { repeat: { weeks: 4, partial: true } })
    expect(partial.data.occurrences.map((o: any) => o.result)).toEqual(['created', 'created', 'conflict', 'created'])
    expect(partial.data).toMatchObject({ id: partial.data.occurrences[0].id, status: 'confirmed' })
    expect(await bookings()).toBe(before + 3)
    expect(await titles('booker')).toEqual(['每周预约成功'])
    // A series 26 weeks long: only its first occurrence must lie within 30 days; the demo calendar's holidays close two weeks.
    const long = await book('booker', hall, TUE, '09:00', '10:00', { repeat: { weeks: 26 } })
    expect(long.error.message).toBe('共 26 次中有 2 次无法预约（首次：2027-02-09 该日为节假日或闭馆日，不开放预约，请选择其他日期），整组未预约任何时段')
    const kept = await book('booker', hall, TUE, '09:00', '10:00', { repeat: { weeks: 26, partial: true } })
    expect(kept.data.occurrences.filter((o: any) => o.result !== 'created').map((o: any) => [o.startsAt, o.result])).toEqual([
      [at('2027-02-09', '09:00'), 'closed_day'], [at('2027-05-04', '09:00'), 'closed_day'],
    ])
    expect(kept.data.occurrences.at(-1)).toMatchObject({ startsAt: at('2027-05-18', '09:00'), result: 'created' })
    expect((await book('booker', hall, WED, '09:00', '10:00')).ok).toBe(true)
    expect((await book('booker', hall, '2026-11-26', '09:00', '10:00')).error.code).toBe('quota_exceeded')
    expect((await book('booker', hall, MON, '09:00', '10:00', { repeat: { weeks: 27 } })).error.code).toBe('invalid_input')
  })

  it('refuses the hours past a unit\'s monthly cap of a resource, with its own code, and not a resident\'s', async () => {
    const hall = await room({ unitMonthHours: 6 })
    expect((await as('demo-resident')('get', { resourceId: hall })).data.rules).toMatchObject({ unitMonthHours: 6, openFromMin: 480, openToMin: 1200 })
    expect((await book('demo-site-admin', hall, MON, '09:00', '13:00')).ok).toBe(true)
    const over = await book('demo-site-admin', hall, TUE, '09:00', '12:00')
    expect(over.error).toEqual({ code: 'hours_exceeded', message: '每个单位每月最多预约该资源 6 小时，2026-11 已预约 4 小时' })
    expect((await book('demo-site-admin', hall, TUE, '09:00', '11:00')).ok).toBe(true)
    expect((await book('demo-site-admin', hall, '2026-12-01', '09:00', '13:00')).ok).toBe(true)
    expect((await book('demo-resident', hall, WED, '09:00', '13:00')).ok).toBe(true)
    expect((await as('demo-resident')('get', { resourceId: await idOf('二楼阅览室') })).data.rules.unitMonthHours).toBe(20)
  })

  it('keeps to opening hours, closed weekdays and the holiday calendar, in booking and in the free slots', async () => {
    const hall = await room({ openFromMin: 9 * 60, openToMin: 17 * 60, closedWeekdays: [7] })
    await rt.db.query(`INSERT INTO calendar_days (day, kind, name) VALUES ($1, 'holiday', '测试假日')`, [WED])
    const hours = { code: 'outside_hours', message: '开放时间为每天 09:00—17:00，请在开放时间内预约' }
    expect((await book('b', hall, MON, '08:30', '09:30')).error).toEqual(hours)
    expect((await book('b', hall, MON, '16:30', '17:30')).error).toEqual(hours)
    expect((await book('b', hall, '2026-11-29', '10:00', '11:00')).error).toEqual({ code: 'closed_day', message: '该日为节假日或闭馆日，不开放预约，请选择其他日期' })
    expect((await book('b', hall, WED, '10:00', '11:00')).error.code).toBe('closed_day')
    expect((await book('b', hall, MON, '16:00', '17:00')).ok).toBe(true)
    const week = await as('b')('schedule', { resourceId: hall, from: MON, days: 7, minutes: 60 })
    const days = [...new Set(week.data.free.map((s: any) => s.startsAt.slice(0, 10)))]
    expect(days).toEqual(['2026-11-23', '2026-11-24', '2026-11-26', '2026-11-27', '2026-11-28'].map((d) => at(d, '09:00').slice(0, 10)))
    expect(week.data.free[0]).toEqual({ startsAt: at(MON, '09:00'), endsAt: at(MON, '10:00') })
    const bad = await as('demo-staff')('save', { siteId: 'F01', kind: 'venue', name: '夜间活动室', openFromMin: 600, openToMin: 600 })
    expect(bad.error).toEqual({ code: 'invalid_input', message: '开放结束时间须晚于开始时间' })
    // A series meeting a holiday: all or nothing answers the refusal's own code; partial skips that week.
    await rt.db.query(`INSERT INTO calendar_days (day, kind, name) VALUES ('2026-12-01', 'holiday', '测试假日')`)
    const series = await book('c', hall, TUE, '10:00', '11:00', { repeat: { weeks: 2 } })
    expect([series.error.code, series.error.data.occurrences.map((o: any) => o.result)]).toEqual(['closed_day', ['created', 'closed_day']])
    expect((await book('c', hall, TUE, '10:00', '11:00', { repeat: { weeks: 2, partial: true } })).data.occurrences.map((o: any) => o.result)).toEqual(['created', 'closed_day'])
  })

  it('expires a pending booking after 2 working days, once however many runs, tells the requester and frees the slot', async () => {
    const hall = await idOf('产城融合·发展议事厅')
    // Asked Friday; Monday is a holiday, so the 2 working days are Tuesday and Wednesday.
    await rt.db.query(`INSERT INTO calendar_days (day, kind, name) VALUES ($1, 'holiday', '测试假日')`, [MON])
    const asked = await book('demo-site-admin', hall, '2026-11-30', '14:00', '16:00')
    expect(asked.data.status).toBe('pending')
    rt.clock.set(at('2026-11-25', '23:59'))
    expect((await run('expirePending')).done).toBe(0)
    rt.clock.set(at('2026-11-26', '00:00'))
    expect((await as('demo-staff')('decide', { bookingId: asked.data.id, approve: true })).error).toEqual({ code: 'expired', message: '该预约已超过审核期限，已自动失效' })
    const runs = await Promise.all([run('expirePending'), run('expirePending')])
    expect(runs.map((r) => r.done).sort()).toEqual([0, 1])
    expect(await statusOf(asked.data.id)).toBe('expired')
    expect(await titles('demo-site-admin')).toEqual(['预约申请已失效'])
    expect((await run('expirePending')).done).toBe(0)
    expect((await as('demo-staff')('decide', { bookingId: asked.data.id, approve: true })).error.code).toBe('already_decided')
    expect((await book('demo-resident', hall, '2026-11-30', '14:00', '16:00')).data.status).toBe('pending')
  })

  it('checks the booker in with the site\'s code from 15 minutes before the start to 15 after, and refuses every other way', async () => {
    const hall = await room()
    const mine = await book('demo-resident', hall, MON, '14:00', '15:00')
    const checkin = (openid: string, scene: string) => as(openid)('checkin', { bookingId: mine.data.id, scene })
    rt.clock.set(at(MON, '13:44'))
    expect((await checkin('demo-resident', 's=F01')).error).toEqual({ code: 'outside_window', message: '还未到签到时间：签到时间为开始前 15 分钟至开始后 15 分钟' })
    rt.clock.set(at(MON, '13:45'))
    expect((await checkin('demo-resident', 's=F02')).error).toEqual({ code: 'wrong_site', message: '这不是该资源所在单位的签到码，请扫描现场的二维码' })
    expect((await checkin('demo-resident', 'a=1')).error).toEqual({ code: 'invalid_input', message: '不是联盟点的二维码' })
    expect((await checkin('demo-member', 's=F01')).error.code).toBe('not_yours')
    expect(await statusOf(mine.data.id)).toBe('confirmed')
    expect((await checkin('demo-resident', 's=F01')).data).toEqual({ status: 'checked_in' })
    expect((await checkin('demo-resident', 's=F01')).error).toEqual({ code: 'duplicate', message: '该预约已签到' })
    rt.clock.set(at(MON, '15:00'))
    expect((await run('markNoShows')).done).toBe(0)

    rt.clock.set('2026-11-20T02:00:00Z')
    const late = await book('demo-resident', hall, TUE, '14:00', '15:00')
    rt.clock.set(at(TUE, '14:16'))
    expect((await as('demo-resident')('checkin', { bookingId: late.data.id, scene: 's=F01' })).error.message).toBe('已过签到时间：签到时间为开始前 15 分钟至开始后 15 分钟')
  })

  it('marks no-shows once however many runs, frees their slots, suspends after the third in 90 days, and lets staff lift it with a reason', async () => {
    const hall = await room()
    const booked = [
      await book('demo-site-admin', hall, MON, '09:00', '10:00'),
      await book('demo-site-admin', hall, TUE, '09:00', '10:00'),
      await book('demo-site-admin', hall, WED, '09:00', '10:00'),
    ].map((b) => b.data.id as number)
    rt.clock.set(at(MON, '09:15'))
    expect((await run('markNoShows')).done).toBe(0)
    rt.clock.set(at(MON, '09:16'))
    const runs = await Promise.all([run('markNoShows'), run('markNoShows')])
    expect(runs.map((r) => r.done).sort()).toEqual([0, 1])
    expect(await statusOf(booked[0])).toBe('no_show')
    expect(await count('SELECT count(*)::int AS n FROM resource_holds WHERE booking_id = $1 AND active', [booked[0]])).toBe(0)
    expect((await as('demo-site-admin')('checkin', { bookingId: booked[0], scene: 's=F01' })).error).toEqual({ code: 'already_decided', message: '该预约未到场，不能签到' })
    expect((await as('demo-site-admin')('standing', {})).data).toEqual({ noShows: 1, suspendedUntil: null })

    rt.clock.set(at(WED, '09:16'))
    expect((await run('markNoShows')).done).toBe(2)
    expect(await titles('demo-site-admin')).toEqual(['预约成功', '预约成功', '预约成功', '预约未到场', '预约未到场', '预约未到场', '预约功能已暂停'])
    const until = at('2026-12-25', '09:16')
    expect((await as('demo-site-admin')('standing', {})).data).toEqual({ noShows: 3, suspendedUntil: until })
    const refused = await book('demo-site-admin', hall, '2026-11-30', '09:00', '10:00')
    expect(refused.error).toMatchObject({ code: 'suspended', message: '您 90 天内已有 3 次预约未到场，预约功能暂停至 2026-12-25 09:16' })
    const noShows = await readFigure(rt.db, figures.find((f) => f.name === 'resources.noShows')!, '2026-11', '2026-11', rt.clock.now())
    expect(noShows).toEqual([{ siteId: 'F01', month: '2026-11', value: 3 }])

    const list = await as('demo-staff')('suspensions', {})
    expect(list.data.items).toEqual([expect.objectContaining({ personName: '李静', endsAt: new Date(until), liftedAt: null })])
    const suspensionId = list.data.items[0].id
    expect((await as('demo-site-admin')('waive', { suspensionId, reason: '设备故障' })).error.code).toBe('forbidden')
    expect((await as('demo-staff')('waive', { suspensionId })).error.code).toBe('invalid_input')
    expect((await as('demo-staff')('waive', { suspensionId, reason: '当日场馆停电，非本人原因' })).data).toEqual({ lifted: true })
    expect((await as('demo-staff')('waive', { suspensionId, reason: '再次解除' })).error.code).toBe('already_decided')
    expect((await as('demo-site-admin')('standing', {})).data).toEqual({ noShows: 0, suspendedUntil: null })
    expect((await book('demo-site-admin', hall, '2026-11-30', '09:00', '10:00')).ok).toBe(true)
  })

  it('gives exactly the seats a session has to 40 concurrent requests and answers the rest full', async () => {
    const made = await as('demo-staff')('save', { siteId: 'W01', kind: 'course', name: '国学小课堂', capacity: 30, seated: true })
    expect(made.ok).toBe(true)
    const course = made.data.id as number
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => book(`seat-${i}`, course, TUE, '14:00', '15:00')))
    expect(results.filter((r) => r.ok)).toHaveLength(30)
    expect(results.filter((r) => !r.ok).map((r) => r.error)).toEqual(Array(10).fill({ code: 'full', message: '该场次 30 个名额已满，请选择其他场次' }))
    expect(await count("SELECT count(*)::int AS n FROM resource_bookings WHERE status = 'confirmed'")).toBe(30)
    expect(await count('SELECT taken AS n FROM resource_sessions')).toBe(30)

    expect((await book('late-comer', course, TUE, '14:30', '15:30')).error.code).toBe('conflict')
    const first = results.find((r) => r.ok)!.data.id
    const owner = (await rt.db.query<{ openid: string }>('SELECT u.openid FROM resource_bookings b JOIN users u ON u.id = b.person_id WHERE b.id = $1', [first]))[0].openid
    expect((await as(owner)('cancel', { bookingId: first })).ok).toBe(true)
    expect(await count('SELECT taken AS n FROM resource_sessions')).toBe(29)
    expect((await book(owner, course, TUE, '14:00', '15:00')).ok).toBe(true)
    expect((await book(owner, course, TUE, '14:00', '15:00')).error).toEqual({ code: 'duplicate', message: '您已预约该场次' })
    const bad = await as('demo-staff')('save', { siteId: 'F01', kind: 'venue', name: '座位活动室', capacity: 30, seated: true })
    expect(bad.error).toEqual({ code: 'invalid_input', message: '按座位预约只适用于专家和课程' })
  })

  it('answers the free slots of many resources at once, by kind and site', async () => {
    const hall = await idOf('三楼报告厅')
    const free = async () =>
      Object.fromEntries((await as('demo-resident')('availability', { kind: 'venue', siteId: 'F01', from: MON, days: 1, minutes: 60 })).data.items.map((a: any) => [a.name, a.free]))
    const before = await free()
    expect(before).toEqual({ 三楼报告厅: 23, 报告厅东区: 23, 报告厅西区: 23, 二楼阅览室: 23 })
    expect((await book('demo-site-admin', hall, MON, '09:00', '10:00')).ok).toBe(true)
    const after = await free()
    expect(after.三楼报告厅).toBeLessThan(23)
    expect(after.报告厅东区).toBe(after.三楼报告厅)
    expect(after.二楼阅览室).toBe(23)
  })
})
