/** The demo year of activities adds up: seats within capacity, check-ins within windows, every point from a record. */
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/host/demo-seed'
import { as } from '../support/activities'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`demo activities on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime()
    await applySeeds(rt.db, demoSteps.filter((step) => step.name === 'activities-year'), { now: rt.clock.now(), activityDays: 3 })
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
})
