/** Notices: audiences, permissions, scheduling, the notice centre, read receipts and subscription messages. */
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { PlatformError } from '../../cloudfunctions/core/platform'
import { localPlatform } from '../../cloudfunctions/core/platform-local'
import { as as activitiesAs, createActivity } from '../support/activities'
import { as as topicsAs, draft } from '../support/topics'
import { drain, letter, notices, publishDue, recipientsOf, userOf } from '../support/notices'
import { DB_LABEL, LATER_STEPS, startRuntime, type TestRuntime } from '../support/runtime'

describe(`notices on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z')
  })
  afterEach(() => rt.close())

  const staff = notices('demo-staff')
  const siteAdmin = notices('demo-site-admin')

  it('resolves each audience kind, and a person in two parts gets one notice', async () => {
    await notices('f1')('follow', { siteId: 'F01', follow: true })
    await notices('f2')('follow', { siteId: 'F02', follow: true })
    await notices('f1')('follow', { siteId: 'F02', follow: true })
    await notices('demo-member')('follow', { siteId: 'F01', follow: true })
    const member = await userOf(rt, 'demo-member')
    await rt.db.query(`INSERT INTO member_facts (user_id, name, sector) VALUES ($1, '纪英瑞', '经济界')`, [member])
    const topic = await topicsAs('proposer').topics('propose', draft('图书馆周边停车难'))
    const send = async (audience: object[]) => {
      const sentOut = await staff('publish', letter({ audience }))
      expect(sentOut.ok).toBe(true)
      return recipientsOf(rt, sentOut.data.id)
    }
    const everyone = await rt.db.query('SELECT openid FROM users ORDER BY openid')
    expect(await send([{ kind: 'everyone' }])).toEqual(everyone.map((row) => row.openid))
    expect(await send([{ kind: 'sites', siteIds: ['F01'] }])).toEqual(['demo-member', 'f1'])
    expect(await send([{ kind: 'members' }])).toEqual(['demo-member'])
    expect(await send([{ kind: 'members', sector: '经济界' }])).toEqual(['demo-member'])
    expect(await send([{ kind: 'members', sector: '教育界' }])).toEqual([])
    expect(await send([{ kind: 'units', unitIds: ['U01'] }])).toEqual(['demo-unit'])
    expect(await send([{ kind: 'roles', roles: ['auditor', 'site_admin'] }])).toEqual(['demo-auditor', 'demo-site-admin'])
    expect(await send([{ kind: 'topics', topicIds: [topic.data.id] }])).toEqual(['proposer'])
    const activity = await createActivity({ capacity: 1, kind: 'salon' })
    for (const person of ['seated', 'waiting']) await activitiesAs(person).activities('signup', { activityId: activity })
    await activitiesAs('left').activities('signup', { activityId: activity })
    await activitiesAs('left').activities('cancel', { activityId: activity })
    expect(await send([{ kind: 'activities', activityIds: [activity] }])).toEqual(['seated', 'waiting'])
    // f1 follows two of the sites, demo-member follows F01 and is a member: one notice each.
    const both = await staff('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F01', 'F02'] }, { kind: 'members' }] }))
    expect(both.data.audienceSize).toBe(3)
    expect(await recipientsOf(rt, both.data.id)).toEqual(['demo-member', 'f1', 'f2'])
    await drain(rt)
    const [{ n }] = await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND title LIKE '关于%'`, [member])
    expect(n).toBe(5)
  })

  it('counts an audience before sending (reach), read-only, under the same rule as publishing', async () => {
    await notices('f1')('follow', { siteId: 'F01', follow: true })
    await notices('f2')('follow', { siteId: 'F01', follow: true })
    await notices('f2')('follow', { siteId: 'F02', follow: true })
    const [{ n: before }] = await rt.db.query('SELECT (SELECT count(*) FROM notices) + (SELECT count(*) FROM outbox) AS n')
    expect((await staff('reach', { audience: [{ kind: 'sites', siteIds: ['F01', 'F02'] }] })).data).toEqual({ people: 2 })
    expect((await siteAdmin('reach', { audience: [{ kind: 'sites', siteIds: ['F01'] }] })).data).toEqual({ people: 2 })
    expect((await staff('reach', { audience: [{ kind: 'members', sector: '教育界' }] })).data).toEqual({ people: 0 })
    expect((await siteAdmin('reach', { audience: [{ kind: 'everyone' }] })).error.code).toBe('forbidden')
    expect((await notices('f1')('reach', { audience: [{ kind: 'sites', siteIds: ['F01'] }] })).error.code).toBe('forbidden')
    expect((await staff('reach', { audience: [] })).error).toEqual({ code: 'invalid_input', message: '请选择发送对象' })
    const [{ n: after }] = await rt.db.query('SELECT (SELECT count(*) FROM notices) + (SELECT count(*) FROM outbox) AS n')
    expect(after).toEqual(before)
    const sentOut = await staff('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F01', 'F02'] }] }))
    expect(sentOut.data.audienceSize).toBe(2)
  })

  it('lets a site admin address only their own sites’ followers, and refuses wider without storing anything', async () => {
    await notices('f1')('follow', { siteId: 'F01', follow: true })
    const [{ n: before }] = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notices')
    const own = await siteAdmin('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    expect(own.data).toMatchObject({ status: 'published', audienceSize: 1 })
    for (const audience of [[{ kind: 'sites', siteIds: ['F02'] }], [{ kind: 'everyone' }], [{ kind: 'sites', siteIds: ['F01'] }, { kind: 'members' }]]) {
      expect((await siteAdmin('publish', letter({ audience }))).error.code).toBe('forbidden')
    }
    expect((await notices('demo-resident')('publish', letter({ audience: [{ kind: 'everyone' }] }))).error.code).toBe('forbidden')
    expect((await siteAdmin('withdraw', { noticeId: (await staff('publish', letter({ audience: [{ kind: 'everyone' }] }))).data.id })).error.code).toBe('forbidden')
    const [{ n }] = await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notices')
    expect(n).toBe(before + 2)
    expect((await staff('publish', letter({ title: '网上赌博平台', audience: [{ kind: 'everyone' }] }))).error.code).toBe('content_rejected')
    expect((await staff('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F99'] }] }))).error.code).toBe('not_found')
    expect((await staff('publish', letter({ audience: [] }))).error).toEqual({ code: 'invalid_input', message: '请选择发送对象' })
    expect((await staff('publish', letter({ audience: [{ kind: 'activity', activityId: 1 }] }))).error.code).toBe('invalid_input')
    expect((await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM notices'))[0].n).toBe(before + 2)
  })

  it('publishes a scheduled notice at its time and not before; a time in the past is now', async () => {
    await notices('f1')('follow', { siteId: 'F01', follow: true })
    const later = await staff('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F01'] }], publishAt: '2026-11-20T12:00:00+08:00' }))
    expect(later.data).toMatchObject({ status: 'scheduled', audienceSize: null, publishAt: '2026-11-20T04:00:00.000Z' })
    const past = await staff('publish', letter({ title: '已过时间的通知', audience: [{ kind: 'sites', siteIds: ['F01'] }], publishAt: '2026-11-01T08:00:00+08:00' }))
    expect(past.data).toMatchObject({ status: 'published', audienceSize: 1, publishAt: '2026-11-20T02:00:00.000Z' })
    rt.clock.set('2026-11-20T03:59:59Z')
    expect((await publishDue(rt)).done).toBe(0)
    await drain(rt)
    expect((await notices('f1')('inbox', {})).data.items.map((i: any) => i.title)).toEqual(['已过时间的通知'])
    rt.clock.set('2026-11-20T04:00:00Z')
    expect((await publishDue(rt)).done).toBe(1)
    expect((await publishDue(rt)).done).toBe(0)
    await drain(rt)
    const inbox = await notices('f1')('inbox', {})
    expect(inbox.data.items).toHaveLength(2)
    expect(inbox.data.unread).toBe(2)
  })

  it('shows each person their notices, newest first with pinned ones above, and counts reads for the sender', async () => {
    await rt.db.query(`INSERT INTO users (openid, nickname) VALUES ('f1', '刘桂兰'), ('f2', '张伟')`)
    await notices('f1')('follow', { siteId: 'F01', follow: true })
    await notices('f2')('follow', { siteId: 'F01', follow: true })
    const first = await siteAdmin('publish', letter({ title: '第一条通知', audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    rt.clock.set('2026-11-20T03:00:00Z')
    const second = await siteAdmin('publish', letter({ title: '第二条通知', audience: [{ kind: 'sites', siteIds: ['F01'] }], link: { kind: 'site', id: 'F01' } }))
    await drain(rt)
    const f1 = notices('f1')
    const box = await f1('inbox', { limit: 1 })
    expect(box.data).toMatchObject({ unread: 2, pinned: [], items: [{ title: '第二条通知', read: false, sender: '区图书馆', target: '/packages/sites/pages/detail/index?id=F01' }] })
    expect((await f1('inbox', { cursor: box.data.next })).data.items.map((i: any) => i.title)).toEqual(['第一条通知'])
    expect((await notices('stranger')('inbox', {})).data).toEqual({ items: [], next: null, pinned: [], unread: 0 })

    const opened = await f1('open', { id: box.data.items[0].id })
    expect(opened.data).toMatchObject({ title: '第二条通知', read: true })
    expect((await notices('f2')('open', { id: box.data.items[0].id })).error.code).toBe('not_found')
    expect((await f1('unread', {})).data).toEqual({ unread: 1 })
    const counts = (await siteAdmin('sent', {})).data.items.slice(0, 2)
    expect(counts.map((n: any) => [n.title, n.audienceSize, n.delivered, n.read])).toEqual([['第二条通知', 2, 2, 1], ['第一条通知', 2, 2, 0]])
    const log = await siteAdmin('deliveries', { noticeId: second.data.id })
    expect(log.data.items.map((d: any) => [d.recipient, d.kind, d.status, d.read])).toEqual([['刘*兰', 'inapp', 'sent', true], ['张*', 'inapp', 'sent', false]])
    expect(log.data.notice).toEqual({ id: second.data.id, title: '第二条通知', status: 'published', pinned: false, publishAt: expect.any(String), audienceSize: 2 })

    expect((await siteAdmin('pin', { noticeId: first.data.id, pinned: true })).data).toEqual({ id: first.data.id, pinned: true })
    const pinned = await f1('inbox', {})
    expect(pinned.data.pinned.map((i: any) => i.title)).toEqual(['第一条通知'])
    expect(pinned.data.items.map((i: any) => i.title)).toEqual(['第二条通知'])
    expect((await f1('read', { all: true })).data).toEqual({ unread: 0 })

    await siteAdmin('withdraw', { noticeId: first.data.id })
    expect((await notices('f2')('inbox', {})).data).toMatchObject({ pinned: [], unread: 1, items: [{ title: '第二条通知' }] })
  })

  it('sends nothing more for a notice withdrawn while the drain held its rows', async () => {
    await notices('late')('follow', { siteId: 'F01', follow: true })
    await notices('late')('authorize', { templates: ['notice'] })
    const notice = await staff('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    // A drain claimed the rows a moment before the withdrawal, and delivers them after it.
    await rt.db.query("UPDATE outbox SET status = 'sending' WHERE dedupe_key LIKE $1", [`notice:${notice.data.id}:%`])
    await staff('withdraw', { noticeId: notice.data.id })
    await rt.db.query("UPDATE outbox SET status = 'sending' WHERE dedupe_key LIKE $1", [`notice:${notice.data.id}:%`])
    await drain(rt)
    await drain(rt)
    expect((await notices('late')('authorize', { templates: ['topic_progress'] })).data.unused.notice).toBe(1)
    expect(await rt.db.query<{ id: number }>("SELECT id FROM outbox WHERE kind = 'subscribe'")).toEqual([])
    expect((await notices('late')('inbox', {})).data.items).toEqual([])
  })

  it('sends a subscription message only where authorised, spending one authorisation each, and treats 43101 as spent', async () => {
    await notices('f1')('follow', { siteId: 'F01', follow: true })
    await notices('f2')('follow', { siteId: 'F01', follow: true })
    expect((await notices('f1')('authorize', { templates: ['notice'] })).data.unused).toEqual({ notice: 1, topic_progress: 0, activity_reminder: 0 })
    expect((await notices('f1')('authorize', { templates: ['weather'] })).error.code).toBe('invalid_input')
    expect((await notices('f1')('authorize', { templates: ['notice', 'notice', 'topic_progress', 'activity_reminder'] })).error.code).toBe('invalid_input')
    await staff('publish', letter({ audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    await staff('publish', letter({ title: '第二条通知', audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    await drain(rt)
    const messages = await rt.db.query('SELECT to_openid, template_id, data FROM platform_messages')
    expect(messages).toEqual([{ to_openid: 'f1', template_id: 'XSLM-NOTICE-TEMPLATE-ID', data: { thing1: { value: '关于开展“有事好商量”协商议事活动的通知' }, thing2: { value: '区政协' }, time3: { value: '2026年11月20日 10:00' } } }])
    expect((await notices('f1')('inbox', {})).data.items).toHaveLength(2)
    expect((await notices('f2')('inbox', {})).data.items).toHaveLength(2)
    expect((await notices('f1')('authorize', { templates: ['topic_progress'] })).data.unused).toEqual({ notice: 0, topic_progress: 1, activity_reminder: 0 })

    // Refused by WeChat (43101): the authorisation stays spent and nothing is retried.
    await notices('f2')('authorize', { templates: ['notice'] })
    const local = localPlatform(rt.db, 'http://localhost:8080')
    rt.platform = { ...local, sendSubscribe: async () => Promise.reject(new PlatformError('subscribeMessage.send: 43101', true)) }
    await staff('publish', letter({ title: '第三条通知', audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    await drain(rt)
    rt.platform = local
    const refused = await rt.db.query(`SELECT status, attempts FROM outbox WHERE kind = 'subscribe' AND status <> 'sent'`)
    expect(refused).toEqual([{ status: 'failed', attempts: 1 }])
    expect((await notices('f2')('authorize', { templates: ['activity_reminder'] })).data.unused.notice).toBe(0)
  })

  it('tells a topic’s followers of each move in the notice centre, and by message where authorised, without changing topics', async () => {
    const proposed = await topicsAs('proposer').topics('propose', draft('图书馆周边停车难'))
    await topicsAs('neighbour').topics('follow', { topicId: proposed.data.id, follow: true })
    await notices('neighbour')('authorize', { templates: ['topic_progress'] })
    await topicsAs('demo-site-admin').topics('screen', { topicId: proposed.data.id, decision: 'accept' })
    await drain(rt)
    for (const openid of ['proposer', 'neighbour']) {
      const box = await notices(openid)('inbox', {})
      expect(box.data.items).toEqual([expect.objectContaining({ title: '议题已受理', link: `/packages/topics/pages/detail/index?id=${proposed.data.id}`, noticeId: null, read: false })])
    }
    const messages = await rt.db.query('SELECT to_openid, template_id, data FROM platform_messages')
    expect(messages).toEqual([{ to_openid: 'neighbour', template_id: 'XSLM-TOPIC-PROGRESS-TEMPLATE-ID', data: { thing1: { value: '图书馆周边停车难' }, phrase2: { value: '已受理' }, time3: { value: '2026年11月20日 10:00' } } }])
  })

  it('spends each authorisation exactly once under 50 concurrent sends', async () => {
    const fan = await userOf(rt, 'fan')
    await notices('fan')('follow', { siteId: 'F01', follow: true })
    for (let i = 0; i < 7; i++) await notices('fan')('authorize', { templates: ['notice'] })
    for (let i = 0; i < 50; i++) await staff('publish', letter({ title: `第${i + 1}次通知`, audience: [{ kind: 'sites', siteIds: ['F01'] }] }))
    // Two drains at once, each delivering its batch concurrently.
    await Promise.all([drain(rt), drain(rt)])
    const [{ notes }] = await rt.db.query<{ notes: number }>('SELECT count(*)::int AS notes FROM notifications WHERE user_id = $1', [fan])
    const grants = await rt.db.query('SELECT used_for FROM subscription_grants WHERE user_id = $1', [fan])
    const messages = await rt.db.query(`SELECT dedupe_key FROM platform_messages WHERE to_openid = 'fan'`)
    expect(notes).toBe(50)
    expect(messages).toHaveLength(7)
    expect(grants.every((g) => g.used_for !== null)).toBe(true)
    expect(new Set(grants.map((g) => g.used_for))).toEqual(new Set(messages.map((m) => m.dedupe_key)))
    expect((await notices('fan')('authorize', { templates: ['topic_progress'] })).data.unused.notice).toBe(0)
  })

  it('seeds demo notices of every audience kind, read and unread, and demo-resident’s follows', async () => {
    expect(await applySeeds(rt.db, demoSteps, { now: rt.clock.now(), activityDays: 3 })).toEqual(LATER_STEPS)
    const kinds = await rt.db.query(`SELECT DISTINCT jsonb_array_elements(audience)->>'kind' AS kind FROM notices ORDER BY 1`)
    expect(kinds.map((k) => k.kind)).toEqual(['everyone', 'members', 'roles', 'sites', 'topics', 'units'])
    const empty = await rt.db.query('SELECT title FROM notices WHERE audience_size = 0')
    expect(empty).toEqual([])
    const resident = (await notices('demo-resident')('inbox', {})).data
    expect(resident.pinned.map((i: any) => i.title)).toEqual(['“有事好商量”协商议事平台上线运行'])
    expect(resident.items.some((i: any) => i.read)).toBe(true)
    expect(resident.unread).toBeGreaterThan(0)
    expect((await notices('demo-resident')('followState', { siteId: 'F01' })).data).toEqual({ following: true, followers: 2 })
    expect((await notices('demo-unit')('inbox', {})).data.items.map((i: any) => i.title)).toContain('请及时办理交办的协商议题')
    expect((await notices('demo-member')('inbox', {})).data.items.map((i: any) => i.title)).toContain('界别同心汇聚识活动通知')
    // A second application changes nothing.
    expect(await applySeeds(rt.db, demoSteps, { now: rt.clock.now(), activityDays: 3 })).toEqual([])
  })
})
