/**
 * resources beyond the slot: matching, calendar files and the unit feed, expert invitations,
 * data requests with expiring links, a booking becoming a joint activity. Each refusal its own
 * code with nothing written.
 */
import type { AddressInfo } from 'node:net'
import { main as activities } from '../../cloudfunctions/activities'
import { createHost } from '../../cloudfunctions/host/server'
import { definition, main as resources } from '../../cloudfunctions/resources'
import { bookingUid } from '../../src/domain/resources/ics'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const as = (openid: string) => caller(resources, openid)
/** The tests' now is 2026-11-20 10:00 Shanghai, a Friday. */
const at = (day: string, clock: string) => new Date(`${day}T${clock}:00+08:00`).toISOString()
const MON = '2026-11-23'
const TUE = '2026-11-24'
const unfold = (ics: string) => ics.replace(/\r\n /g, '')

describe(`resources sharing on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const idOf = async (name: string) => Number((await rt.db.query('SELECT id FROM resources WHERE name = $1', [name]))[0].id)
  const count = async (table: string) => (await rt.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number
  const book = (openid: string, resourceId: number, day: string, from: string, to: string, extra: object = {}) =>
    as(openid)('book', { resourceId, startsAt: at(day, from), endsAt: at(day, to), ...extra })

  it('matches a plan by tags, free time, distance and capacity, with reasons, in one order', async () => {
    const plan = { tags: ['小组讨论'], audience: 50, from: MON, days: 5, siteId: 'F01' }
    const first = await as('demo-site-admin')('match', plan)
    expect(first.data.items.slice(0, 2).map((r: any) => r.name)).toEqual(['报告厅东区', '报告厅西区'])
    expect(first.data.items[0].reasons).toEqual(['可容纳 60 人', '周一有空', '就在本单位', '相关：小组讨论'])
    expect((await as('demo-resident')('match', plan)).data).toEqual(first.data)
    // The hall booked all Monday (pending holds its slot) makes both halves busy that day: they fall behind.
    const hall = await idOf('三楼报告厅')
    expect((await book('booker-a', hall, MON, '09:00', '13:00')).data.status).toBe('pending')
    expect((await book('booker-b', hall, MON, '14:00', '17:00')).data.status).toBe('pending')
    // Half days asked for: the hours left around the two bookings (opening 08:00–20:00) are too short.
    const monday = await as('demo-site-admin')('match', { ...plan, days: 1, minutes: 240 })
    expect(monday.data.items.find((r: any) => r.name === '报告厅东区').reasons).toContain('所选时间内已约满')
    const score = (page: any) => page.data.items.find((r: any) => r.name === '报告厅东区').score
    expect(score(monday)).toBeLessThan(score(await as('demo-site-admin')('match', { ...plan, from: TUE, days: 1, minutes: 240 })))

    const park = await as('demo-resident')('match', { tags: ['企业座谈'], sectors: ['社会法制界'], audience: 70, siteId: 'F01', days: 3, kind: 'venue' })
    expect(park.data.items[0]).toMatchObject({ name: '产城融合·发展议事厅', matchedTags: ['企业座谈'] })
    expect(park.data.items[0].reasons[2]).toMatch(/^距离 \d+\.\d km$/)
    expect(park.data.items.every((r: any) => r.kind === 'venue')).toBe(true)

    const bad: [object, string, string][] = [
      [{ from: MON }, 'invalid_input', '请至少填写一个标签或界别，或选择一个议题'],
      [{ tags: ['讲座'], from: '2026-11-19' }, 'in_past', '匹配的日期不能早于今天'],
      [{ tags: ['讲座'], days: 15 }, 'invalid_input', '天数最多为 14'],
      [{ tags: ['讲座'], siteId: 'NOPE' }, 'not_found', '未找到该联盟点'],
      [{ topicId: 999999 }, 'not_found', '未找到该议题'],
      [{ tags: ['讲座'], kind: 'boat' }, 'invalid_input', '资源类型不正确'],
    ]
    for (const [input, code, message] of bad) expect([input, (await as('demo-resident')('match', input)).error]).toEqual([input, { code, message }])
  })

  it('gives a booking one UID and a SEQUENCE that rises with each change, cancelled as METHOD:CANCEL', async () => {
    const made = await book('booker-1', await idOf('产城融合·发展议事厅'), MON, '14:00', '16:00', { purpose: '民生圆桌会' })
    const id = made.data.id
    const file = async () => (await as('booker-1')('calendar', { bookingId: id })).data
    const pending = await file()
    expect(pending).toMatchObject({ filename: `预约-${id}.ics`, uid: bookingUid(id), sequence: 0 })
    expect(unfold(pending.ics)).toContain(`METHOD:PUBLISH\r\n`)
    expect(unfold(pending.ics)).toContain('STATUS:TENTATIVE')
    expect(pending.event).toMatchObject({ title: '产城融合·发展议事厅', startTime: Date.parse(at(MON, '14:00')) / 1000, alarmOffset: 3600 })
    expect((await as('demo-staff')('decide', { bookingId: id, approve: true })).ok).toBe(true)
    const confirmed = await file()
    expect([confirmed.uid, confirmed.sequence]).toEqual([bookingUid(id), 1])
    expect(unfold(confirmed.ics)).toContain(`UID:${bookingUid(id)}\r\nSEQUENCE:1\r\n`)
    expect((await as('booker-1')('cancel', { bookingId: id })).ok).toBe(true)
    const cancelled = unfold((await file()).ics)
    expect(cancelled).toContain('METHOD:CANCEL\r\n')
    expect(cancelled).toContain(`UID:${bookingUid(id)}\r\nSEQUENCE:2\r\n`)
    expect(cancelled).toContain('STATUS:CANCELLED')
    expect((await as('booker-2')('calendar', { bookingId: id })).error).toEqual({ code: 'forbidden', message: '只能把自己的预约加入日历' })
    expect((await as('booker-2')('calendar', { bookingId: 987654 })).error.code).toBe('not_found')
  })

  it('serves a unit\'s feed behind a secret link that a new link or a revoke ends; anything else is a bare 404', async () => {
    const room = await idOf('二楼阅览室')
    await book('booker-1', room, MON, '09:00', '10:00', { purpose: '读书会' })
    const feed = definition.feeds!.unit
    const scope = () => ({ db: rt.db, now: rt.clock.now() })
    const tokenOf = (path: string) => /\/feeds\/resources\/unit\/([A-Za-z0-9_-]+)\.ics$/.exec(path)![1]
    const first = tokenOf((await as('demo-site-admin')('feedLink', { siteId: 'F01' })).data.path)
    const body = (await feed(scope(), first))!.body
    expect(unfold(body)).toContain('X-WR-CALNAME:区图书馆·资源预约')
    expect(unfold(body)).toContain('SUMMARY:二楼阅览室')
    expect(body).not.toContain('booker-1')

    const before = await count('resource_feeds')
    expect((await as('demo-site-admin')('feedLink', { siteId: 'F11' })).error).toEqual({ code: 'forbidden', message: '只能管理本单位的日历订阅' })
    expect((await as('demo-resident')('feedLink', { siteId: 'F01' })).error.code).toBe('forbidden')
    expect(await count('resource_feeds')).toBe(before)

    const second = tokenOf((await as('demo-site-admin')('feedLink', { siteId: 'F01' })).data.path)
    expect(await feed(scope(), first)).toBeUndefined()
    expect(await feed(scope(), second)).toBeDefined()

    const server = createHost({ runtime: rt, h5Dir: '/nonexistent', publicUrl: 'http://localhost', uploadsDir: '/nonexistent' })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`)
    try {
      const ok = await get(`/feeds/resources/unit/${second}.ics`)
      expect([ok.status, ok.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8'])
      expect(await ok.text()).toContain('BEGIN:VCALENDAR')
      for (const path of [`/feeds/resources/unit/${first}.ics`, `/feeds/resources/unit/${'A'.repeat(43)}`, "/feeds/resources/unit/'%20OR%201=1--",
        `/feeds/resources/other/${second}`, `/feeds/nope/unit/${second}`, `/feeds/resources/constructor/${second}`]) {
        const answer = await get(path)
        expect([path, answer.status, await answer.text()]).toEqual([path, 404, 'Not Found'])
      }
      expect((await as('demo-site-admin')('feedRevoke', { siteId: 'F01' })).data).toEqual({ revoked: true })
      expect((await get(`/feeds/resources/unit/${second}.ics`)).status).toBe(404)
      expect((await as('demo-site-admin')('feedRevoke', { siteId: 'F01' })).data).toEqual({ revoked: false })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('lets only the invited expert accept, hides the contact until then, and counts a held session in their duty record once', async () => {
    const course = await idOf('“运河情·同心缘”国学课')
    const made = await book('demo-site-admin', course, TUE, '09:00', '10:00', { purpose: '少儿国学体验' })
    const id = made.data.id
    expect(made.data.status).toBe('pending')
    expect((await as('demo-site-admin')('contact', { bookingId: id })).error).toEqual({ code: 'not_accepted', message: '专家接受邀请后才能查看联系方式' })
    expect((await as('demo-member')('invitations', {})).data.items.map((b: any) => b.id)).toEqual([id])
    expect((await as('booker-2')('respond', { bookingId: id, accept: true })).error).toEqual({ code: 'not_invited', message: '只有受邀的专家本人可以答复该邀请' })
    expect((await as('demo-member')('respond', { bookingId: id, accept: true })).data).toEqual({ status: 'confirmed' })
    expect((await as('demo-member')('respond', { bookingId: id, accept: false })).error.code).toBe('already_decided')
    expect((await as('demo-site-admin')('contact', { bookingId: id })).data).toEqual({ name: '“运河情·同心缘”国学课', contact: '微信同号 138****2107，请先说明来意' })
    expect((await as('booker-2')('contact', { bookingId: id })).error.code).toBe('forbidden')
    expect((await as('demo-member')('calendar', { bookingId: id })).data.uid).toBe(bookingUid(id))

    expect((await as('demo-site-admin')('held', { bookingId: id })).error).toEqual({ code: 'not_ended', message: '活动结束后才能确认已开展' })
    rt.clock.set(at(TUE, '10:30'))
    expect((await as('booker-2')('held', { bookingId: id })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin')('held', { bookingId: id })).data).toEqual({ heldAt: at(TUE, '10:30').replace('.000Z', '.000Z'), points: 3 })
    expect((await as('demo-member')('held', { bookingId: id })).error).toEqual({ code: 'duplicate', message: '已确认开展' })
    const records = await rt.db.query(`SELECT d.day::text AS day, d.note, d.points::float8 AS points FROM duty_records d JOIN users u ON u.id = d.user_id
      WHERE u.openid = 'demo-member' AND d.source_key = $1`, [`resource-booking:${id}`])
    expect(records).toEqual([{ day: TUE, note: '“运河情·同心缘”国学课', points: 3 }])

    const venue = await idOf('二楼阅览室')
    const badDetails: [object, string, string][] = [
      [{ resourceId: venue, contact: '123' }, 'invalid_input', '只有专家和课程可以设置受邀人和联系方式'],
      [{ resourceId: course, dataFields: ['a'] }, 'invalid_input', '只有数据资源可以设置字段'],
      [{ resourceId: course, expertUserId: 987654 }, 'not_found', '未找到该用户'],
      [{ resourceId: await idOf('产城融合·发展议事厅'), contact: '1' }, 'forbidden', '只能编辑本单位的资源'],
    ]
    for (const [input, code, message] of badDetails) expect([input, (await as(code === 'forbidden' ? 'demo-site-admin' : 'demo-staff')('details', input)).error]).toEqual([input, { code, message }])
    expect((await as('demo-staff')('details', { resourceId: course, contact: '0534-2610401' })).ok).toBe(true)
  })

  it('lets the owner approve a data request with its extract, and audits every download by a link that expires in 30 days', async () => {
    const dataset = await idOf('月月说事议题统计')
    const requests = () => count('resource_data_requests')
    const start = await requests()
    const ask = (openid: string, extra: object = {}) =>
      as(openid)('requestData', { resourceId: dataset, purpose: '编制本月协商简报', fields: ['联盟点', '月份'], level: 'aggregate', ...extra })
    const made = await ask('booker-1')
    expect(made.data).toEqual({ id: expect.any(Number), status: 'pending' })
    const bad: [Promise<any>, string, string][] = [
      [ask('booker-1'), 'duplicate', '您已申请过该数据，请等待审批结果'],
      [ask('booker-2', { fields: ['联盟点', '身份证号'] }), 'invalid_input', '该数据资源没有这些字段：身份证号'],
      [ask('booker-2', { resourceId: await idOf('二楼阅览室') }), 'not_data', '只有数据资源可以申请数据，场地、专家和课程请直接预约'],
      [ask('booker-2', { level: 'everything' }), 'invalid_input', '请选择脱敏级别'],
      [ask('booker-2', { fields: [] }), 'invalid_input', '请至少选择一个字段'],
      [ask('booker-2', { purpose: '看看' }), 'invalid_input', '用途至少 5 个字'],
      [ask('booker-2', { forSiteId: 'F11' }), 'forbidden', '只能为本人管理的联盟点申请'],
    ]
    for (const [call, code, message] of bad) expect([code, (await call).error]).toEqual([code, { code, message }])
    expect(await requests()).toBe(start + 1)

    const requestId = made.data.id
    expect((await as('demo-site-admin')('decideData', { requestId, approve: true, extract: 'a,b' })).error).toEqual({ code: 'forbidden', message: '只能审批本单位数据的申请' })
    expect((await as('demo-staff')('decideData', { requestId, approve: true })).error).toEqual({ code: 'invalid_input', message: '批准时请附上按脱敏级别处理后的数据文件' })
    expect((await as('demo-staff')('decideData', { requestId, approve: false })).error).toEqual({ code: 'invalid_input', message: '请填写不批准的原因' })
    const approved = await as('demo-staff')('decideData', { requestId, approve: true, extract: '联盟点,月份\r\n区图书馆,2026-11\r\n' })
    expect(approved.data).toEqual({ status: 'approved', expiresAt: '2026-12-20T02:00:00.000Z' })
    expect((await as('demo-staff')('decideData', { requestId, approve: false, note: '重复审批' })).error.code).toBe('already_decided')

    const mine = (await as('booker-1')('dataRequests', { mine: true })).data.items
    expect(mine).toMatchObject([{ id: requestId, status: 'approved', fields: ['联盟点', '月份'], level: 'aggregate' }])
    const token = mine[0].token as string
    expect((await as('demo-staff')('dataRequests', { status: 'approved' })).data.items[0].token).toBeNull()
    expect((await as('booker-1')('dataRequests', {})).error.code).toBe('forbidden')

    const downloads = async () => (await rt.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE target = $1 AND detail->>'download' = 'true'`, [`data-request:${requestId}`]))[0].n
    expect((await as('booker-1')('download', { token })).data).toEqual({ filename: `月月说事议题统计-${requestId}.csv`, csv: '联盟点,月份\r\n区图书馆,2026-11', expiresAt: '2026-12-20T02:00:00.000Z' })
    expect((await as('booker-1')('download', { token })).ok).toBe(true)
    expect(await downloads()).toBe(2)
    const [payload, mac] = token.split('.')
    const refusals: [string, string, string, string][] = [
      ['foreign', 'booker-2', token, 'not_yours'],
      ['forged', 'booker-1', `${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`, 'link_invalid'],
      ['other request', 'booker-1', `${(requestId + 1).toString(36)}-${payload.split('-')[1]}.${mac}`, 'link_invalid'],
      ['malformed', 'booker-1', 'not a token', 'invalid_input'],
    ]
    for (const [what, who, t, code] of refusals) expect([what, (await as(who)('download', { token: t })).error.code]).toEqual([what, code])
    rt.clock.set('2026-12-20T02:00:00Z')
    expect((await as('booker-1')('download', { token })).error).toEqual({ code: 'link_expired', message: '下载链接已过期（有效期 30 天），请重新申请' })
    expect(await downloads()).toBe(2)
  })

  it('turns a confirmed venue booking into the unit\'s activity once, at its place and time, with every co-host listed', async () => {
    const hall = await idOf('产城融合·发展议事厅')
    const made = await book('demo-site-admin', hall, MON, '14:00', '16:00', { purpose: '民生圆桌会进园区' })
    const id = made.data.id
    const convert = (openid: string, extra: object = {}) => as(openid)('toActivity', { bookingId: id, title: '民生圆桌会进园区', cohosts: ['W01'], ...extra })
    const activitiesBefore = await count('activities')
    expect((await convert('demo-site-admin')).error).toEqual({ code: 'conflict', message: '预约确认后才能转为活动' })
    expect((await as('demo-staff')('decide', { bookingId: id, approve: true })).ok).toBe(true)
    expect((await convert('demo-resident')).error.code).toBe('forbidden')
    expect((await convert('demo-site-admin', { cohosts: ['NOPE'] })).error).toEqual({ code: 'not_found', message: '未找到联办单位' })
    expect(await count('activities')).toBe(activitiesBefore)
    const done = await convert('demo-site-admin')
    expect(done.data).toEqual({ activityId: expect.any(Number), cohosts: ['F11', 'W01'] })
    const activity = (await caller(activities, 'demo-resident')('get', { activityId: done.data.activityId })).data
    expect(activity).toMatchObject({ siteId: 'F01', place: '经济开发区产业园产城融合·发展议事厅', startsAt: new Date(at(MON, '14:00')), endsAt: new Date(at(MON, '16:00')), capacity: 80 })
    expect(activity.cohosts).toEqual([{ siteId: 'F11', siteName: '经济开发区产业园' }, { siteId: 'W01', siteName: '纪英瑞委员工作室' }])
    expect((await convert('demo-site-admin')).error).toMatchObject({ code: 'already_converted', message: '该预约已转为活动' })
    expect(await count('activities')).toBe(activitiesBefore + 1)
    // The booking's calendar did not change: turning it into an activity is not a change of the event.
    expect((await as('demo-site-admin')('calendar', { bookingId: id })).data.sequence).toBe(1)
  })

  it('answers each once under concurrent calls: one activity, one held session, one open data request, one live feed link', async () => {
    const hall = await idOf('产城融合·发展议事厅')
    const venue = (await book('demo-site-admin', hall, MON, '14:00', '16:00')).data.id
    await as('demo-staff')('decide', { bookingId: venue, approve: true })
    const course = (await book('demo-site-admin', await idOf('“运河情·同心缘”国学课'), TUE, '09:00', '10:00')).data.id
    await as('demo-member')('respond', { bookingId: course, accept: true })
    const activitiesBefore = await count('activities')
    const requestsBefore = await count('resource_data_requests')
    const ten = <T>(work: () => Promise<T>) => Promise.all(Array.from({ length: 10 }, work))
    const oks = (answers: any[]) => answers.filter((a) => a.ok).length

    const converted = await ten(() => as('demo-site-admin')('toActivity', { bookingId: venue, title: '园区恳谈会' }))
    expect([oks(converted), await count('activities')]).toEqual([1, activitiesBefore + 1])
    expect(converted.filter((a) => !a.ok).map((a) => a.error.code)).toEqual(Array(9).fill('already_converted'))

    const dataset = await idOf('月月说事议题统计')
    const asked = await ten(() => as('booker-1')('requestData', { resourceId: dataset, purpose: '编制本月协商简报', fields: ['月份'], level: 'aggregate' }))
    expect([oks(asked), await count('resource_data_requests')]).toEqual([1, requestsBefore + 1])

    expect(oks(await ten(() => as('demo-site-admin')('feedLink', { siteId: 'F01' })))).toBe(10)
    expect((await rt.db.query(`SELECT count(*)::int AS n FROM resource_feeds WHERE site_id = 'F01' AND revoked_at IS NULL`))[0].n).toBe(1)

    rt.clock.set(at(TUE, '11:00'))
    let turn = 0
    const held = await ten(() => as(['demo-site-admin', 'demo-member'][turn++ % 2])('held', { bookingId: course }))
    expect(oks(held)).toBe(1)
    expect((await rt.db.query('SELECT count(*)::int AS n FROM duty_records WHERE source_key = $1', [`resource-booking:${course}`]))[0].n).toBe(1)
  })
})
