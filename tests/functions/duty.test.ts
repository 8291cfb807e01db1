import { activityDraft, as, createActivity, makeMembers, sceneAt } from '../support/activities'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`duty records on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  /** Checks `openid` in to a new activity of `kind` held on `day` (10:00–12:00 Shanghai). */
  const attendOn = async (openid: string, day: string, kind = 'salon') => {
    const startsAt = `${day}T02:00:00Z`
    const id = await createActivity({ kind, startsAt, endsAt: `${day}T04:00:00Z`, title: `${kind} ${day}` })
    rt.clock.set(startsAt)
    const done = await as(openid).activities('checkin', { scene: sceneAt(id, startsAt) })
    expect(done.ok).toBe(true)
    return id
  }

  it('shows a member the year by kind, by month and by source', async () => {
    await makeMembers(rt.db, 'dm-', 1)
    const studio = await attendOn('dm-1', '2026-03-05', 'studio_day')
    await attendOn('dm-1', '2026-03-20', 'forum')
    await attendOn('dm-1', '2026-11-20', 'hearing')
    await attendOn('dm-1', '2025-12-30', 'salon')
    const year = (await as('dm-1').duty('mine', { year: 2026 })).data
    expect(year).toMatchObject({ year: 2026, total: 11, band: 'fail', bands: { pass: 60, excellent: 90 } })
    expect(year.byKind).toEqual([{ kind: 'studio_day', points: 5, count: 1 }, { kind: 'attend', points: 6, count: 2 }])
    expect(year.byMonth).toEqual([0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 3, 0])
    expect(year.sources.at(-1)).toMatchObject({ day: '2026-03-05', kind: 'studio_day', points: 5, activityId: studio, title: 'studio_day 2026-03-05' })
    expect((await as('dm-1').duty('mine', { year: 2025 })).data.total).toBe(3)
    expect((await as('demo-resident').duty('mine', {})).error.code).toBe('forbidden')
  })

  it('applies a rule change from its effective date and leaves the past as it was', async () => {
    await makeMembers(rt.db, 'rc-', 1)
    await attendOn('rc-1', '2025-06-10')
    await rt.db.query("INSERT INTO duty_rules (kind, label, points, effective_from) VALUES ('attend', '参加协商活动', 4, '2026-01-01')")
    await attendOn('rc-1', '2025-12-31')
    await attendOn('rc-1', '2026-01-01')
    expect((await as('rc-1').duty('mine', { year: 2025 })).data.total).toBe(6)
    expect((await as('rc-1').duty('mine', { year: 2026 })).data.total).toBe(4)
  })

  // 2027: the demo year of activities (in every test database) has no points there yet.
  it('lets staff see every member sorted with bands, export them, and correct a record with a reason, audited', async () => {
    const [a, b] = await makeMembers(rt.db, 'sm-', 2)
    await attendOn('sm-2', '2027-05-06')
    const wrong = await as('demo-staff').duty('correct', { userId: a, day: '2027-06-01', points: 58, reason: '' })
    expect(wrong.error.code).toBe('invalid_input')
    const fixed = await as('demo-staff').duty('correct', { userId: a, day: '2027-06-01', points: 60, reason: '补录上半年委员工作室接待日' })
    expect(fixed.data.total).toBe(60)
    expect((await as('demo-auditor').duty('correct', { userId: a, day: '2027-06-01', points: 1, reason: '监督员无权更正' })).error.code).toBe('forbidden')
    expect((await as('demo-staff').duty('correct', { userId: 1, day: '2027-06-01', points: 1, reason: '不是委员' })).error.code).toBe('not_found')
    const [row] = await rt.db.query("SELECT actor_user_id, target, detail FROM audit_log WHERE fn = 'duty' AND action = 'correct'")
    expect(row).toMatchObject({ target: `duty:${a}`, detail: { points: 60, reason: '补录上半年委员工作室接待日' } })

    const byTotal = (await as('demo-staff').duty('members', { year: 2027, limit: 2 })).data
    expect(byTotal.items.map((m: any) => [m.userId, m.total, m.band])).toEqual([[a, 60, 'pass'], [b, 3, 'fail']])
    const page2 = (await as('demo-staff').duty('members', { year: 2027, limit: 2, cursor: byTotal.next })).data
    expect(page2.items.map((m: any) => m.name)).toContain('纪英瑞')
    expect(page2.items.map((m: any) => m.userId)).not.toContain(a)
    const byName = (await as('demo-auditor').duty('members', { year: 2027, sort: 'name', limit: 100 })).data
    expect(byName.items.map((m: any) => m.name)).toEqual([...byName.items.map((m: any) => m.name)].sort())
    expect((await as('demo-resident').duty('members', {})).error.code).toBe('forbidden')
    const file = (await as('demo-staff').duty('export', { year: 2027 })).data
    expect(file.csv).toMatch(/^\uFEFF姓名,界别,记录数,积分,等次\r\n委员1,文艺界,1,60,合格\r\n/)
  })

  it('counts one activity once, however the member is checked in', async () => {
    const [m] = await makeMembers(rt.db, 'once-', 1)
    const id = await createActivity(activityDraft({ kind: 'sector' }))
    const scene = sceneAt(id, rt.clock.now())
    await Promise.all([as('once-1').activities('checkin', { scene }), as('once-1').activities('checkin', { scene }),
      as('demo-staff').activities('attend', { activityId: id, userId: m, reason: '现场补签' })])
    expect((await rt.db.query<{ n: number }>('SELECT count(*)::int AS n FROM duty_records WHERE user_id = $1', [m]))[0].n).toBe(1)
    expect((await as('once-1').duty('mine', {})).data.total).toBe(3)
  })
})
