import { readFigure } from '../../cloudfunctions/core/figures'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { figures } from '../../cloudfunctions/resources/figures'
import { as, at, book, countOf, idOf as idIn, plainRoom } from '../support/resources'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const MON = '2026-11-23'
const TUE = '2026-11-24'

describe(`resources on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const idOf = (name: string) => idIn(rt.db, name)
  const bookings = () => countOf(rt.db, 'SELECT count(*)::int AS n FROM resource_bookings')
  const holds = () => countOf(rt.db, 'SELECT count(*)::int AS n FROM resource_holds')

  it('lists the demo units\' resources by kind and site, and lets site admins edit only their own unit\'s', async () => {
    const venues = await as('demo-resident')('list', { kind: 'venue', siteId: 'F01', limit: 100 })
    expect(venues.data.items.map((r: any) => r.name)).toEqual(['三楼报告厅', '报告厅东区', '报告厅西区', '二楼阅览室'])
    const experts = await as('demo-resident')('list', { kind: 'expert' })
    expect(experts.data.items.map((r: any) => [r.name, r.siteName])).toEqual([['吴非繁委员·法律咨询', '吴非繁委员工作室']])
    expect((await as('demo-resident')('list', { tag: '国学' })).data.items.map((r: any) => r.name)).toEqual(['“运河情·同心缘”国学课'])

    const hall = await as('demo-resident')('get', { resourceId: await idOf('三楼报告厅') })
    expect(hall.data).toMatchObject({ kind: 'venue', capacity: 120, manages: false, rules: { noticeHours: 24, bufferBeforeMin: 30, needsApproval: true } })
    expect(hall.data.children.map((c: any) => c.name)).toEqual(['报告厅东区', '报告厅西区'])

    const own = await as('demo-site-admin')('save', { siteId: 'F01', kind: 'course', name: '全民阅读推广课', tags: ['阅读'] })
    expect(own.ok).toBe(true)
    expect((await as('demo-site-admin')('get', { resourceId: own.data.id })).data).toMatchObject({ manages: true, rules: { noticeHours: 72 } })
    const other = await as('demo-site-admin')('save', { siteId: 'F11', kind: 'venue', name: '园区会议室' })
    expect(other.error).toMatchObject({ code: 'forbidden', message: '只能编辑本单位的资源' })
    const steal = await as('demo-site-admin')('save', { resourceId: await idOf('产城融合·发展议事厅'), siteId: 'F01', kind: 'venue', name: '议事厅' })
    expect(steal.error).toMatchObject({ code: 'forbidden' })
    expect((await as('demo-resident')('save', { siteId: 'F01', kind: 'venue', name: '小会议室' })).error.code).toBe('forbidden')
    expect((await as('demo-staff')('save', { siteId: 'F11', kind: 'venue', name: '园区会议室' })).ok).toBe(true)
    const nested = await as('demo-staff')('save', { siteId: 'F01', kind: 'venue', name: '东区一角', parentId: await idOf('报告厅东区') })
    expect(nested.error).toMatchObject({ code: 'invalid_input', message: '场地最多分两级' })
  })

  it('refuses an overlap by the database with the nearest free slots, lets adjacent bookings in and frees a cancelled slot', async () => {
    const room = await plainRoom()
    const first = await book('booker-1', room, MON, '09:00', '10:00')
    expect(first.data).toEqual({ id: expect.any(Number), status: 'confirmed' })
    const before = [await bookings(), await holds()]
    const clash = await book('booker-2', room, MON, '09:30', '10:30')
    expect(clash.error).toMatchObject({ code: 'conflict', message: '该时段已被预约，请选择其他时段' })
    expect(clash.error.data.free[0]).toEqual({ startsAt: at(MON, '10:00'), endsAt: at(MON, '11:00') })
    expect([await bookings(), await holds()]).toEqual(before)
    expect((await book('booker-2', room, MON, '10:00', '11:00')).data.status).toBe('confirmed')
    expect((await book('booker-3', room, MON, '08:00', '09:00')).data.status).toBe('confirmed')

    expect((await as('booker-1')('cancel', { bookingId: first.data.id })).data).toEqual({ status: 'cancelled' })
    expect((await book('booker-4', room, MON, '09:00', '10:00')).data.status).toBe('confirmed')
    const schedule = await as('demo-resident')('schedule', { resourceId: room, from: MON, days: 1, minutes: 60 })
    expect(schedule.data.busy.map((b: any) => b.startsAt)).toEqual([at(MON, '08:00'), at(MON, '09:00'), at(MON, '10:00')])
    expect(schedule.data.free[0]).toEqual({ startsAt: at(MON, '11:00'), endsAt: at(MON, '12:00') })
    // From the server's today by default: the first slot a day's notice allows.
    expect((await as('demo-resident')('schedule', { resourceId: room, days: 2 })).data.free[0]).toEqual({ startsAt: at('2026-11-21', '10:00'), endsAt: at('2026-11-21', '11:00') })
  })

  it('counts buffers, and lets a hall and its halves block each other but not the two halves', async () => {
    const [hall, east, west] = [await idOf('三楼报告厅'), await idOf('报告厅东区'), await idOf('报告厅西区')]
    expect((await book('booker-1', east, MON, '09:00', '10:00')).data.status).toBe('pending')
    const buffered = await book('booker-2', east, MON, '10:15', '11:15')
    expect(buffered.error).toMatchObject({ code: 'buffer_conflict', message: '与相邻预约的准备或整理时间重叠，请调整时间' })
    expect((await book('booker-2', east, MON, '11:00', '12:00')).data.status).toBe('pending')
    expect((await book('booker-3', hall, MON, '09:00', '10:00')).error.code).toBe('conflict')
    expect((await book('booker-3', west, MON, '09:00', '10:00')).data.status).toBe('pending')
    expect((await book('booker-4', hall, TUE, '14:00', '16:00')).data.status).toBe('pending')
    expect((await book('booker-5', east, TUE, '15:00', '16:00')).error.code).toBe('conflict')
    expect((await book('booker-5', west, TUE, '16:00', '17:00')).error.code).toBe('buffer_conflict')
    expect(await bookings()).toBe(4)
  })

  it('gives every bad request its own code and message, and writes nothing', async () => {
    const room = await plainRoom({ minMinutes: 60, maxMinutes: 180 })
    const expert = await idOf('吴非繁委员·法律咨询')
    const cases: [string, Promise<any>, string, string][] = [
      ['end before start', book('bad', room, MON, '10:00', '09:00'), 'invalid_range', '结束时间须晚于开始时间'],
      ['empty range', book('bad', room, MON, '10:00', '10:00'), 'invalid_range', '结束时间须晚于开始时间'],
      ['past', book('bad', room, '2026-11-19', '09:00', '10:00'), 'in_past', '不能预约已经过去的时间'],
      ['too far', book('bad', room, '2026-12-21', '09:00', '10:00'), 'too_far_ahead', '最多可预约 30 天内的时段'],
      ['short notice', book('bad', room, '2026-11-21', '09:00', '10:00'), 'short_notice', '该资源需提前 24 小时预约'],
      ['expert notice', book('bad', expert, '2026-11-22', '14:00', '15:00'), 'short_notice', '该资源需提前 72 小时预约'],
      ['too short', book('bad', room, MON, '09:00', '09:30'), 'bad_length', '每次预约时长须在 60—180 分钟之间'],
      ['too long', book('bad', room, MON, '09:00', '13:00'), 'bad_length', '每次预约时长须在 60—180 分钟之间'],
    ]
    for (const [what, call, code, message] of cases) expect([what, (await call).error]).toEqual([what, { code, message }])
    expect((await book('bad', room, '2026-12-20', '09:00', '10:00')).ok).toBe(true)
    expect(await bookings()).toBe(1)

    for (const [i, day] of ['2026-11-25', '2026-11-26'].entries()) expect((await book('bad', room, day, '09:00', '10:00')).ok).toBe([i, true][1])
    const fourth = await book('bad', room, '2026-11-27', '09:00', '10:00')
    expect(fourth.error).toMatchObject({ code: 'quota_exceeded', message: '每人最多同时持有 3 个有效预约，请先使用或取消已有预约' })
    expect(await bookings()).toBe(3)
    const closed = await as('demo-staff')('save', { resourceId: room, siteId: 'F01', kind: 'venue', name: '一楼活动室', status: 'closed' })
    expect(closed.ok).toBe(true)
    expect((await book('other', room, MON, '09:00', '10:00')).error).toEqual({ code: 'closed', message: '该资源暂停预约' })
  })

  it('lets the owning unit decide a pending booking once, and the booker cancel their own until the deadline', async () => {
    const hall = await idOf('产城融合·发展议事厅')
    await rt.db.query(`INSERT INTO users (openid, nickname) VALUES ('park-admin', '黄磊')`)
    await rt.db.query(`INSERT INTO user_roles (user_id, role, site_id) SELECT id, 'site_admin', 'F11' FROM users WHERE openid = 'park-admin'`)
    const asked = await book('demo-site-admin', hall, MON, '14:00', '16:00', { purpose: '民生圆桌会进园区' })
    expect(asked.data.status).toBe('pending')
    const asked2 = await rt.db.query(`SELECT payload->>'title' AS title FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE u.openid = 'park-admin'`)
    expect(asked2).toEqual([{ title: '新的预约申请' }])
    const requests = await as('park-admin')('requests', {})
    expect(requests.data.items).toEqual([expect.objectContaining({ id: asked.data.id, forSiteName: '区图书馆', personName: '李静', status: 'pending' })])
    expect((await as('demo-site-admin')('requests', {})).data.items).toEqual([])

    const foreign = await as('demo-site-admin')('decide', { bookingId: asked.data.id, approve: true })
    expect(foreign.error).toMatchObject({ code: 'forbidden', message: '只能处理本单位资源的预约' })
    const noReason = await as('park-admin')('decide', { bookingId: asked.data.id, approve: false })
    expect(noReason.error).toMatchObject({ code: 'invalid_input', message: '请填写不同意的原因' })
    const twice = await Promise.all([as('park-admin')('decide', { bookingId: asked.data.id, approve: true }), as('demo-staff')('decide', { bookingId: asked.data.id, approve: true })])
    expect(twice.filter((r) => r.ok).map((r) => r.data)).toEqual([{ status: 'confirmed' }])
    expect(twice.filter((r) => !r.ok).map((r) => r.error.code)).toEqual(['already_decided'])
    const told = await rt.db.query(`SELECT payload->>'title' AS title FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE u.openid = 'demo-site-admin'`)
    expect(told).toEqual([{ title: '预约成功' }])

    const other = await as('demo-resident')('cancel', { bookingId: asked.data.id })
    expect(other.error).toMatchObject({ code: 'not_yours', message: '只能取消自己的预约' })
    rt.clock.set(at('2026-11-22', '15:00'))
    const late = await as('demo-site-admin')('cancel', { bookingId: asked.data.id })
    expect(late.error).toMatchObject({ code: 'too_late', message: '已过取消期限（开始前 24 小时），请联系资源所在单位' })
    expect((await as('demo-staff')('cancel', { bookingId: asked.data.id })).error).toMatchObject({ code: 'invalid_input', message: '请填写取消原因' })
    expect((await as('demo-staff')('cancel', { bookingId: asked.data.id, reason: '园区临时检修' })).data).toEqual({ status: 'cancelled' })
    const mine = await as('demo-site-admin')('mine', {})
    expect(mine.data.items.map((b: any) => [b.resourceName, b.status, b.note])).toEqual([['产城融合·发展议事厅', 'cancelled', '园区临时检修']])
    const titles = await rt.db.query(`SELECT payload->>'title' AS title FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE u.openid = 'demo-site-admin' ORDER BY o.id`)
    expect(titles.map((t) => t.title)).toEqual(['预约成功', '预约已被取消'])
    expect((await as('demo-site-admin')('cancel', { bookingId: asked.data.id })).error.code).toBe('already_decided')

    rt.clock.set('2026-11-20T02:00:00Z')
    const declined = await book('demo-resident', hall, TUE, '09:00', '11:00')
    expect((await as('park-admin')('decide', { bookingId: declined.data.id, approve: false, note: '当天园区已有安排' })).data).toEqual({ status: 'declined' })
    expect((await as('park-admin')('decide', { bookingId: declined.data.id, approve: true })).error.code).toBe('already_decided')
    expect((await book('demo-member', hall, TUE, '09:00', '11:00')).ok).toBe(true)
  })

  it('books exactly one of 50 concurrent requests for one slot and answers the other 49 conflict', async () => {
    const room = await plainRoom()
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => book(`rush-${i}`, room, MON, '14:00', '15:00')))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => r.error.code)).toEqual(Array(49).fill('conflict'))
    expect(await bookings()).toBe(1)
    expect(await holds()).toBe(1)
  })

  it('counts hours given and used per unit and month, and seeds a month of bookings in every state', async () => {
    const room = await plainRoom()
    await book('demo-site-admin', room, MON, '09:00', '11:00')
    await book('demo-site-admin', await idOf('二楼阅览室'), TUE, '09:00', '10:30', { forSiteId: 'F01' })
    const given = await readFigure(rt.db, figures[0], '2026-11', '2026-11', rt.clock.now())
    expect(given).toEqual([{ siteId: 'F01', month: '2026-11', value: 3.5 }])
    const used = await readFigure(rt.db, figures[1], '2026-11', '2026-11', rt.clock.now())
    expect(used).toEqual([{ siteId: 'F01', month: '2026-11', value: 3.5 }])
    expect((await book('demo-site-admin', room, '2026-11-25', '09:00', '10:00', { forSiteId: 'F11' })).error.code).toBe('forbidden')

    await applySeeds(rt.db, demoSteps.filter((step) => step.name === 'resources-month'), { now: rt.clock.now(), activityDays: 3 })
    const states = await rt.db.query('SELECT DISTINCT status FROM resource_bookings ORDER BY status')
    expect(states.map((s) => s.status)).toEqual(['cancelled', 'checked_in', 'confirmed', 'declined', 'expired', 'no_show', 'pending'])
  })
})
