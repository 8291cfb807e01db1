/** The demo year of activities adds up: seats within capacity, check-ins within windows, every point from a record. */
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { main as account } from '../../cloudfunctions/account'
import { main as admin } from '../../cloudfunctions/admin'
import { as } from '../support/activities'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`demo activities on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
    const steps = ['activities-year', 'member-profiles']
    await applySeeds(rt.db, demoSteps.filter((step) => steps.includes(step.name)), { now: rt.clock.now(), activityDays: 3 })
  })
  afterAll(() => rt.close())
  const one = async (sql: string) => (await rt.db.query(sql))[0]

  it('holds a year of activities across the sites, studios and 同心汇 of the reports', async () => {
    const { n } = await one("SELECT count(*)::int AS n FROM activities WHERE starts_at >= '2025-11-20' AND starts_at < '2026-11-20'")
    expect(n).toBeGreaterThanOrEqual(300)
    const yunhe = await one(`SELECT (SELECT count(*)::int FROM member_facts WHERE studio_site_id = 'W05') AS members,
      (SELECT count(*)::int FROM activities WHERE site_id = 'W05') AS activities`)
    expect(yunhe).toEqual({ members: 14, activities: 7 })
    const studio = await as('demo-resident').activities('studio', { siteId: 'W02' })
    expect(studio.data.members.map((m: any) => m.name)).toEqual(['张建志'])
    expect(studio.data.past[0].attended).toBeGreaterThan(0)
  })

  it('keeps seats within capacity, check-ins within windows, and each total the sum of its sources', async () => {
    const over = await one(`SELECT count(*)::int AS n FROM activities a WHERE confirmed_count <>
      (SELECT count(*) FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'confirmed') OR confirmed_count > coalesce(capacity, confirmed_count)`)
    expect(over.n).toBe(0)
    const outside = await one(`SELECT count(*)::int AS n FROM activity_attendance t JOIN activities a ON a.id = t.activity_id
      WHERE t.at < a.starts_at - interval '30 minutes' OR t.at > a.ends_at + interval '30 minutes'`)
    expect(outside.n).toBe(0)
    const unearned = await one(`SELECT count(*)::int AS n FROM activity_attendance t JOIN user_roles r ON r.user_id = t.user_id AND r.role = 'member'
      WHERE NOT EXISTS (SELECT 1 FROM duty_records d WHERE d.user_id = t.user_id AND d.activity_id = t.activity_id)`)
    expect(unearned.n).toBe(0)
    const year = (await as('demo-member').duty('mine', { year: 2026 })).data
    expect(year.total).toBeGreaterThan(20)
    expect(year.sources.reduce((sum: number, s: any) => sum + s.points, 0)).toBeCloseTo(year.total)
    expect(year.byMonth.reduce((sum: number, p: number) => sum + p, 0)).toBeCloseTo(year.total)
    expect(year.byKind.map((k: any) => k.kind)).toEqual(expect.arrayContaining(['studio_day', 'speak', 'adopted']))
    const staff = (await as('demo-staff').duty('members', { year: 2026, limit: 100 })).data
    expect(staff.items.find((m: any) => m.name === '纪英瑞').total).toBe(year.total)
  })

  it('joins the member a profile names when it is bound, so every kind of profile bound leaves nobody listed twice', async () => {
    const members = async () => (await as('demo-staff').duty('members', { year: 2026, limit: 100 })).data.items as { userId: number; name: string; total: number }[]
    const before = (await members()).find((m) => m.name === '张建志')!
    expect(before.total).toBeGreaterThan(0)
    const staff = caller(admin, 'demo-staff')
    const kinds = [
      { role: 'member', name: '邵一凡', sector: '经济界' },
      { role: 'site_admin', name: '蒋丽', siteId: 'F05' },
      { role: 'unit_handler', name: '韩冬', unitId: 'U02' },
      { role: 'staff', name: '苗青' },
      { role: 'auditor', name: '严明' },
    ]
    const codes = ['MEMBER23', 'MEMBER24']
    for (const profile of kinds) codes.push((await staff('createProfile', profile)).data.bindCode)
    for (const [i, code] of codes.entries()) expect((await caller(account, `bind-kind-${i}`)('bind', { code })).ok).toBe(true)

    const after = await members()
    const names = after.map((m) => m.name)
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
    expect(after.find((m) => m.name === '张建志')).toEqual(before)
    expect(names).toEqual(expect.arrayContaining(['吴非繁', '邵一凡']))
    const mine = (await as('bind-kind-0').duty('mine', { year: 2026 })).data
    expect(mine.total).toBe(before.total)
    const studio = await as('demo-resident').activities('studio', { siteId: 'W02' })
    expect(studio.data.members.map((m: any) => m.name)).toEqual(['张建志'])
    const people = await rt.db.query("SELECT nickname, count(*)::int AS n FROM users u WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id) GROUP BY nickname HAVING count(*) > 1")
    expect(people).toEqual([])
  })
})
