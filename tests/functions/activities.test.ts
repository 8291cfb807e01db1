import { definition as activitiesFn } from '../../cloudfunctions/activities'
import { runJob } from '../../cloudfunctions/core/jobs'
import { ALBUM_SCENE } from '../../src/domain/activities'
import { drain, notices } from '../support/notices'
import { activityDraft, as, createActivity, makeMembers, sceneAt } from '../support/activities'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`activities on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const n = async (sql: string, params: unknown[] = []) => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n

  it('lets staff and the site admin create activities for their sites only, and lists upcoming ones by site, day and kind', async () => {
    const id = await createActivity({ capacity: 30 })
    const own = await as('demo-site-admin').activities('create', activityDraft({ siteId: 'F01', kind: 'salon', title: '书香政协·民生圆桌会' }))
    expect(own.ok).toBe(true)
    const other = await as('demo-site-admin').activities('create', activityDraft({ siteId: 'F02' }))
    expect(other.error).toMatchObject({ code: 'forbidden', message: '只能为本联盟点创建活动' })
    const resident = await as('demo-resident').activities('create', activityDraft())
    expect(resident.error.code).toBe('forbidden')
    const backwards = await as('demo-staff').activities('create', activityDraft({ endsAt: '2026-11-20T01:00:00Z' }))
    expect(backwards.error).toMatchObject({ code: 'invalid_input', message: '结束时间须晚于开始时间' })

    const studio = await as('demo-resident').activities('list', { siteId: 'W01', kind: 'studio_day', limit: 100 })
    expect(studio.data.items.map((a: any) => a.id)).toContain(id)
    expect(studio.data.items.every((a: any) => a.siteId === 'W01' && a.kind === 'studio_day' && new Date(a.endsAt) > rt.clock.now())).toBe(true)
    const day = await as('demo-resident').activities('list', { day: '2026-11-20', kind: 'salon' })
    expect(day.data.items.map((a: any) => a.title)).toContain('书香政协·民生圆桌会')
    const detail = await as('demo-resident').activities('get', { activityId: id })
    expect(detail.data).toMatchObject({ siteName: '纪英瑞委员工作室', capacity: 30, confirmed: 0, mine: null, manages: false, organiserName: '赵*' })
    // The skeleton's users of the table still read it: the site page's activities of today.
    const { main: sites } = await import('../../cloudfunctions/sites')
    const site: any = await sites({ action: 'get', data: { siteId: 'W01' } }, { openid: 'demo-resident' })
    expect(site.data.todayActivities.map((a: any) => a.id)).toContain(id)
  })

  it('seats exactly the last 10 of 50 concurrent sign-ups and waitlists 40 in arrival order', async () => {
    const id = await createActivity({ capacity: 12, kind: 'salon', audience: 'open' })
    for (const early of ['early-1', 'early-2']) expect((await as(early).activities('signup', { activityId: id })).data.status).toBe('confirmed')
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => as(`rush-${i}`).activities('signup', { activityId: id })))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(results.filter((r) => r.data.status === 'confirmed')).toHaveLength(10)
    const waiting = results.filter((r) => r.data.status === 'waitlisted').map((r) => r.data.position)
    expect(waiting.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
    const rows = await rt.db.query('SELECT status FROM activity_signups WHERE activity_id = $1 ORDER BY queued_seq', [id])
    expect(rows.map((r) => r.status)).toEqual([...Array(12).fill('confirmed'), ...Array(40).fill('waitlisted')])
    expect((await rt.db.query('SELECT confirmed_count FROM activities WHERE id = $1', [id]))[0].confirmed_count).toBe(12)
  })

  it('promotes exactly the first on the waitlist when a seat is cancelled, and tells them', async () => {
    const id = await createActivity({ capacity: 1, kind: 'salon' })
    await as('seat').activities('signup', { activityId: id })
    await as('wait-1').activities('signup', { activityId: id })
    const second = await as('wait-2').activities('signup', { activityId: id })
    expect(second.data).toEqual({ status: 'waitlisted', position: 2 })

    const others = await as('wait-1').activities('cancel', { activityId: id, userId: (await rt.db.query<{ id: number }>("SELECT id FROM users WHERE openid = 'seat'"))[0].id })
    expect(others.error).toMatchObject({ code: 'forbidden', message: '只能取消自己的报名' })
    const cancelled = await Promise.all([as('seat').activities('cancel', { activityId: id }), as('seat').activities('cancel', { activityId: id })])
    expect(cancelled.filter((r) => r.ok)).toHaveLength(1)
    expect(cancelled.filter((r) => !r.ok)[0].error.code).toBe('not_found')
    const statuses = await rt.db.query(
      'SELECT u.openid, s.status FROM activity_signups s JOIN users u ON u.id = s.person_id WHERE activity_id = $1 ORDER BY u.openid', [id])
    expect(statuses).toEqual([
      { openid: 'seat', status: 'cancelled' },
      { openid: 'wait-1', status: 'confirmed' },
      { openid: 'wait-2', status: 'waitlisted' },
    ])
    expect((await as('wait-2').activities('get', { activityId: id })).data.mine).toEqual({ status: 'waitlisted', position: 1 })
    const notes = await rt.db.query("SELECT payload->>'title' AS title FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE u.openid = 'wait-1'")
    expect(notes).toEqual([{ title: '候补转为报名成功' }])
    // Signing up again after cancelling queues at the end.
    expect((await as('seat').activities('signup', { activityId: id })).data).toEqual({ status: 'waitlisted', position: 2 })
  })

  it('reminds confirmed sign-ups an hour before, once, in the notice centre and as a message where authorised', async () => {
    const id = await createActivity({ capacity: 1, kind: 'salon', startsAt: '2026-11-20T06:00:00Z', endsAt: '2026-11-20T08:00:00Z' })
    await as('going').activities('signup', { activityId: id })
    expect((await as('waiting').activities('signup', { activityId: id })).data.status).toBe('waitlisted')
    await notices('going')('authorize', { templates: ['activity_reminder'] })
    const remind = () => runJob(activitiesFn, 'remindSignups', rt)
    rt.clock.set('2026-11-20T04:55:00Z')
    expect((await remind()).done).toBe(0)
    rt.clock.set('2026-11-20T05:05:00Z')
    expect((await remind()).done).toBe(1)
    rt.clock.set('2026-11-20T05:10:00Z')
    expect((await remind()).done).toBe(0)
    await drain(rt)
    await drain(rt)
    const inbox = (await notices('going')('inbox', {})).data.items
    expect(inbox.map((item: any) => item.title)).toEqual(['活动即将开始'])
    expect(inbox[0].body).toContain('“运河情·同心缘”国学体验日')
    expect((await notices('waiting')('inbox', {})).data.items).toEqual([])
    const messages = await rt.db.query<{ to_openid: string; data: Record<string, { value: string }> }>('SELECT to_openid, data FROM platform_messages')
    expect(messages).toHaveLength(1)
    expect(messages[0].to_openid).toBe('going')
    expect(messages[0].data.time2.value).toBe('2026年11月20日 14:00')
  })

  it('refuses a second sign-up, a resident at a members-only activity and an ended activity, leaving nothing behind', async () => {
    const membersOnly = await createActivity({ audience: 'members', capacity: 5 })
    const [member] = await makeMembers(rt.db, 'sg-', 1)
    expect(member).toBeGreaterThan(0)
    const first = await as('sg-1').activities('signup', { activityId: membersOnly })
    expect(first.data.status).toBe('confirmed')
    const again = await as('sg-1').activities('signup', { activityId: membersOnly })
    expect(again.error).toMatchObject({ code: 'duplicate', message: '您已报名该活动' })
    const resident = await as('demo-resident').activities('signup', { activityId: membersOnly })
    expect(resident.error).toMatchObject({ code: 'forbidden', message: '该活动仅限政协委员参加' })
    const walkIn = await as('demo-resident').activities('checkin', { scene: sceneAt(membersOnly, rt.clock.now()) })
    expect(walkIn.error).toMatchObject({ code: 'forbidden', message: '该活动仅限政协委员参加' })
    expect(await n('activity_attendance WHERE activity_id = $1', [membersOnly])).toBe(0)
    const sectors = await createActivity({ audience: 'sectors', sectors: ['教体界'] })
    expect((await as('sg-1').activities('signup', { activityId: sectors })).error.code).toBe('forbidden')
    expect(await n('activity_signups WHERE activity_id = ANY ($1)', [[membersOnly, sectors]])).toBe(1)
    expect((await rt.db.query('SELECT confirmed_count FROM activities WHERE id = $1', [membersOnly]))[0].confirmed_count).toBe(1)
    rt.clock.set('2026-11-20T05:00:00Z')
    expect((await as('late').activities('signup', { activityId: membersOnly })).error.code).toBe('conflict')
    expect((await as('sg-1').activities('signup', { activityId: 999999 })).error.code).toBe('not_found')
  })

  it('accepts the current and the previous code, refuses two slots back as expired and a forged or foreign one as invalid', async () => {
    const id = await createActivity()
    const other = await createActivity({ title: '剪纸非遗体验' })
    await makeMembers(rt.db, 'tk-', 6)
    const at = new Date('2026-11-20T02:30:05Z')
    rt.clock.set(at)
    const code = await as('demo-staff').activities('code', { activityId: id })
    expect(code.data.scene.length).toBeLessThanOrEqual(32)
    expect(code.data.scene).toBe(sceneAt(id, at))
    expect(code.data.image).toMatch(/^data:image\/png;base64,/)
    expect(code.data.target).toBe(`http://localhost:8080/packages/activities/pages/checkin/index?scene=${encodeURIComponent(code.data.scene)}`)

    const current = await as('tk-1').activities('checkin', { scene: code.data.scene, activityId: id })
    expect(current.data).toMatchObject({ activityId: id, points: 5 })
    const previous = await as('tk-2').activities('checkin', { scene: encodeURIComponent(sceneAt(id, new Date(at.getTime() - 10_000))) })
    expect(previous.ok).toBe(true)
    const stale = await as('tk-3').activities('checkin', { scene: sceneAt(id, new Date(at.getTime() - 20_000)) })
    expect(stale.error).toMatchObject({ code: 'expired', message: '签到码已过期，请扫描屏幕上最新的签到码' })
    const forged = code.data.scene.slice(0, -1) + (code.data.scene.endsWith('A') ? 'B' : 'A')
    expect((await as('tk-3').activities('checkin', { scene: forged })).error).toMatchObject({ code: 'invalid_input', message: '签到码无效' })
    expect((await as('tk-3').activities('checkin', { scene: 'a=zz.a.1.short' })).error.code).toBe('invalid_input')
    const foreign = await as('tk-3').activities('checkin', { scene: sceneAt(other, at), activityId: id })
    expect(foreign.error).toMatchObject({ code: 'invalid_input', message: '这不是本活动的签到码' })
    const again = await as('tk-1').activities('checkin', { scene: code.data.scene })
    expect(again.error.code).toBe('duplicate')
    expect(again.error.data.at).toBeDefined()
    const album = await as('tk-4').activities('checkin', { scene: code.data.scene, entryScene: ALBUM_SCENE })
    expect(album.error.code).toBe('invalid_input')
    expect(album.error.message).toMatch('相册')

    const notOrganiser = await as('tk-4').activities('code', { activityId: id })
    expect(notOrganiser.error.code).toBe('forbidden')
    expect(await n('activity_attendance WHERE activity_id = ANY ($1)', [[id, other]])).toBe(2)
    expect(await n("duty_records d JOIN users u ON u.id = d.user_id WHERE u.openid LIKE 'tk-%'")).toBe(2)
  })

  it('refuses check-ins outside the window (30 min before start to 30 min after end)', async () => {
    const id = await createActivity()
    await makeMembers(rt.db, 'win-', 3)
    const tryAt = async (who: string, at: string) => {
      rt.clock.set(at)
      return as(who).activities('checkin', { scene: sceneAt(id, at) })
    }
    expect((await tryAt('win-1', '2026-11-20T01:29:00Z')).error).toMatchObject({ code: 'outside_window' })
    expect((await tryAt('win-1', '2026-11-20T01:31:00Z')).ok).toBe(true)
    expect((await tryAt('win-2', '2026-11-20T04:29:00Z')).ok).toBe(true)
    expect((await tryAt('win-3', '2026-11-20T04:31:00Z')).error).toMatchObject({ code: 'outside_window' })
    expect(await n('activity_attendance WHERE activity_id = $1', [id])).toBe(2)
  })

  it('never earns duty points for a printed site code, and refuses it as an activity code', async () => {
    await makeMembers(rt.db, 'st-', 1)
    const { main: checkin } = await import('../../cloudfunctions/checkin')
    const scan: any = await checkin({ action: 'scan', data: { scene: 's=W01' } }, { openid: 'st-1' })
    expect(scan.ok).toBe(true)
    const asCode = await as('st-1').activities('checkin', { scene: 's=W01' })
    expect(asCode.error.code).toBe('invalid_input')
    expect(asCode.error.message).toMatch('联盟点的签到码')
    expect((await as('st-1').duty('mine', { year: 2026 })).data.total).toBe(0)
    expect(await n("duty_records d JOIN users u ON u.id = d.user_id WHERE u.openid = 'st-1'")).toBe(0)
  })

  it('turns 1,000 members checking in at once into 1,000 rows and the right points', async () => {
    const id = await createActivity({ kind: 'forum', siteId: 'C01', title: '专题论坛：大运河文化传承' })
    await makeMembers(rt.db, 'k-', 1000)
    const scene = sceneAt(id, '2026-11-20T02:00:00Z')
    const results = await Promise.all(Array.from({ length: 1000 }, (_, i) => as(`k-${i + 1}`).activities('checkin', { scene })))
    expect(results.filter((r) => r.ok)).toHaveLength(1000)
    expect(await n('activity_attendance WHERE activity_id = $1', [id])).toBe(1000)
    const [sum] = await rt.db.query("SELECT count(*)::int AS n, sum(points)::float8 AS points FROM duty_records WHERE source_key = $1", [`activity:${id}`])
    expect(sum).toEqual({ n: 1000, points: 3000 })
  }, 120_000)

  it('locks a person out for a minute after 12 bad codes, good codes included', async () => {
    const id = await createActivity()
    await makeMembers(rt.db, 'rl-', 1)
    const bad = Array.from({ length: 12 }, () => as('rl-1').activities('checkin', { scene: 'a=1.a.1.AAAAAAAAAAAA' }))
    const answers = await Promise.all(bad)
    expect(answers.every((r) => r.error.code === 'invalid_input')).toBe(true)
    const locked = await as('rl-1').activities('checkin', { scene: sceneAt(id, rt.clock.now()) })
    expect(locked.error).toMatchObject({ code: 'rate_limited' })
    expect((await as('rl-1').activities('checkin', { scene: 'a=1.a.1.AAAAAAAAAAAA' })).error.code).toBe('rate_limited')
    expect(await n('activity_attendance WHERE activity_id = $1', [id])).toBe(0)
    rt.clock.set(new Date(rt.clock.now().getTime() + 61_000))
    expect((await as('rl-1').activities('checkin', { scene: sceneAt(id, rt.clock.now()) })).ok).toBe(true)
  })

  it('lets the organiser add a missing person and undo a check-in with a reason, audited, and export the list', async () => {
    const id = await createActivity()
    const [a, b] = await makeMembers(rt.db, 'or-', 2)
    await as('or-1').activities('checkin', { scene: sceneAt(id, rt.clock.now()) })
    const noReason = await as('demo-staff').activities('attend', { activityId: id, userId: b, reason: '' })
    expect(noReason.error.code).toBe('invalid_input')
    const stranger = await as('or-1').activities('attend', { activityId: id, userId: b, reason: '手机没电，现场核实' })
    expect(stranger.error.code).toBe('forbidden')
    expect((await as('demo-staff').activities('attend', { activityId: id, userId: b, reason: '手机没电，现场核实' })).data).toEqual({ count: 2 })
    expect((await as('demo-staff').activities('attend', { activityId: id, userId: b, reason: '重复补签' })).error.code).toBe('duplicate')
    // An organiser never adds themselves (points count towards yearly grades), nor anyone before the start.
    const own = await as('demo-site-admin').activities('create', activityDraft({ siteId: 'F01' }))
    const [{ id: me }] = await rt.db.query<{ id: number }>("SELECT id FROM users WHERE openid = 'demo-site-admin'")
    expect((await as('demo-site-admin').activities('attend', { activityId: own.data.id, userId: Number(me), reason: '本人在场' })).error.code).toBe('forbidden')
    const later = await createActivity({ startsAt: '2026-11-21T02:00:00Z', endsAt: '2026-11-21T04:00:00Z' })
    expect((await as('demo-staff').activities('attend', { activityId: later, userId: a, reason: '提前登记' })).error.code).toBe('conflict')
    expect((await as('or-2').duty('mine', {})).data.total).toBe(5)
    expect((await as('demo-staff').activities('unattend', { activityId: id, userId: a, reason: '代签，本人未到场' })).data).toEqual({ count: 1 })
    expect((await as('or-1').duty('mine', {})).data.total).toBe(0)
    const audit = await rt.db.query("SELECT action, detail->>'reason' AS reason FROM audit_log WHERE fn = 'activities' AND target = $1 ORDER BY id", [`activity:${id}`])
    expect(audit.map((r) => [r.action, r.reason])).toEqual([['create', null], ['attend', '手机没电，现场核实'], ['unattend', '代签，本人未到场']])
    const list = await as('demo-staff').activities('attendance', { activityId: id })
    expect(list.data.count).toBe(1)
    expect(list.data.items[0]).toMatchObject({ userId: b, name: '委员2', via: 'manual', reason: '手机没电，现场核实' })
    const file = await as('demo-staff').activities('exportAttendance', { activityId: id })
    expect(file.data.csv.startsWith('\uFEFF序号,姓名,界别,签到时间,方式')).toBe(true)
    expect(file.data.csv).toContain('1,委员2,文艺界,2026-11-20 10:00,组织者补签,手机没电，现场核实')
  })

  it('shows a studio its members, next activities and past ones with attendance counts', async () => {
    const past = await createActivity({ startsAt: '2026-11-19T02:00:00Z', endsAt: '2026-11-19T04:00:00Z' })
    const next = await createActivity({ startsAt: '2026-11-21T02:00:00Z', endsAt: '2026-11-21T04:00:00Z' })
    const [m] = await makeMembers(rt.db, 'sd-', 1)
    await rt.db.query("UPDATE member_facts SET studio_site_id = 'W01', name = '纪英瑞' WHERE user_id = $1", [m])
    await as('demo-staff').activities('attend', { activityId: past, userId: m, reason: '补录昨日签到' })
    const studio = await as('demo-resident').activities('studio', { siteId: 'W01' })
    expect(studio.data.members).toContainEqual({ userId: m, name: '纪英瑞', sector: '文艺界' })
    expect(studio.data.upcoming.map((a: any) => a.id)).toContain(next)
    expect(studio.data.past.find((a: any) => a.id === past).attended).toBe(1)
  })
})
