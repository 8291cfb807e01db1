/**
 * Each feature's figures per site and Shanghai month, as the assessment will read them: counted
 * from the feature's own rows, months cut at Shanghai midnight (not UTC), nothing counted before
 * it happened, and every figure of every feature consistent on the demo data.
 */
import { readFigure, type Figure } from '../../cloudfunctions/core/figures'
import { features, seedDemo } from '../../cloudfunctions/features'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const figure = (name: string): Figure => {
  const found = features.flatMap((feature) => feature.figures ?? []).find((f) => f.name === name)
  if (!found) throw new Error(`no figure ${name}`)
  return found
}

describe(`figures on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z') // 10:00 on 20 November in Shanghai
  })
  afterAll(() => rt.close())

  const read = (name: string, from = '2026-10', to = '2026-11') => readFigure(rt.db, figure(name), from, to, rt.clock.now())
  const at = (siteId: string, rows: { siteId: string; month: string; value: number }[]) =>
    Object.fromEntries(rows.filter((row) => row.siteId === siteId).map((row) => [row.month, row.value]))

  it('counts check-ins and people, activities held, attendance and members, by the Shanghai month', async () => {
    const ids = await rt.db.query<{ id: number }>(
      `INSERT INTO users (openid, nickname) VALUES ('fig-a', '甲'), ('fig-b', '乙'), ('fig-m', '委员丙') RETURNING id`,
    )
    const [a, b, m] = ids.map((row) => row.id)
    await rt.db.query(`INSERT INTO member_facts (user_id, name) VALUES ($1, '委员丙')`, [m])
    await rt.db.query(
      `INSERT INTO checkins (user_id, site_id, day, created_at, location_status) VALUES
        ($1, 'F02', '2026-10-31', '2026-10-31T10:00:00+08:00', 'verified'), ($1, 'F02', '2026-11-01', '2026-11-01T10:00:00+08:00', 'verified'),
        ($1, 'F02', '2026-11-02', '2026-11-02T10:00:00+08:00', 'verified'), ($2, 'F02', '2026-11-02', '2026-11-02T10:00:00+08:00', 'verified')`,
      [a, b],
    )
    const activity = async (starts: string, ends: string, people: number[]) => {
      const [{ id }] = await rt.db.query<{ id: number }>(`INSERT INTO activities (site_id, title, starts_at, ends_at) VALUES ('F02', '测试活动', $1, $2) RETURNING id`, [starts, ends])
      for (const person of people) await rt.db.query(`INSERT INTO activity_attendance (activity_id, user_id, at, via) VALUES ($1, $2, $3, 'code')`, [id, person, starts])
    }
    await activity('2026-10-31T23:00:00+08:00', '2026-10-31T23:50:00+08:00', [a]) // October in Shanghai
    await activity('2026-11-01T00:30:00+08:00', '2026-11-01T02:00:00+08:00', [a, m]) // still 31 October in UTC
    await activity('2026-11-05T09:00:00+08:00', '2026-11-05T11:00:00+08:00', []) // nobody came: not held
    await activity('2026-11-20T09:30:00+08:00', '2026-11-20T11:30:00+08:00', [b]) // begun, not ended: attendance yes, held not yet
    await activity('2026-11-21T09:00:00+08:00', '2026-11-21T11:00:00+08:00', [b]) // tomorrow: nothing yet

    expect(at('F02', await read('checkin.visits'))).toEqual({ '2026-10': 1, '2026-11': 3 })
    expect(at('F02', await read('checkin.people'))).toEqual({ '2026-10': 1, '2026-11': 2 })
    expect(at('F02', await read('activities.held'))).toEqual({ '2026-10': 1, '2026-11': 1 })
    expect(at('F02', await read('activities.attendance'))).toEqual({ '2026-10': 1, '2026-11': 3 })
    expect(at('F02', await read('activities.members'))).toEqual({ '2026-11': 1 })
    expect(at('F02', await read('checkin.visits', '2026-11', '2026-11'))).toEqual({ '2026-11': 3 })
  })

  it('refuses a month range that is not one', async () => {
    for (const [from, to] of [['2026-13', '2026-11'], ['2026-11', '2026-10'], ['x', 'y']]) {
      await expect(readFigure(rt.db, figure('checkin.visits'), from, to, rt.clock.now())).rejects.toMatchObject({ code: 'invalid_input' })
    }
  })

  it('reports every figure of every feature on the demo data, each part never above its whole', async () => {
    await seedDemo(rt.db, rt.clock.now(), 3)
    const all = features.flatMap((feature) => feature.figures ?? [])
    expect(all.map((f) => f.name.split('.')[0])).toEqual(expect.arrayContaining(['checkin', 'activities', 'topics', 'feedback']))
    const sites = new Set((await rt.db.query<{ id: string }>('SELECT id FROM sites')).map((row) => row.id))
    const values: Record<string, Record<string, number>> = {}
    for (const f of all) {
      const rows = await read(f.name, '2025-11', '2026-12')
      for (const row of rows) {
        expect(sites.has(row.siteId)).toBe(true)
        expect(row.month >= '2025-11' && row.month <= '2026-12').toBe(true)
        expect(row.value).toBeGreaterThan(0)
      }
      values[f.name] = Object.fromEntries(rows.map((row) => [`${row.siteId} ${row.month}`, row.value]))
    }
    for (const name of ['checkin.visits', 'activities.attendance', 'topics.proposed', 'feedback.ratings']) expect(Object.keys(values[name]).length).toBeGreaterThan(0)
    const within = (part: string, whole: string) => {
      for (const [key, value] of Object.entries(values[part])) expect([part, key, value <= (values[whole][key] ?? 0)]).toEqual([part, key, true])
    }
    within('checkin.people', 'checkin.visits')
    within('activities.members', 'activities.attendance')
    within('feedback.repliesOnTime', 'feedback.repliesDue')
    within('feedback.satisfied', 'feedback.ratings')
  })
})
