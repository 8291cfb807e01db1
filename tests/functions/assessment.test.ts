/**
 * The assessment on real data: a fixture unit's year scored from the other features' figures (its
 * check-ins, activities, topics, replies and ratings, inserted as those features store them) to the
 * score computed by hand; the weights refused on bad input with nothing written; who may see and
 * publish what; the published bulletin frozen and its event telling the site admins.
 */
import { main as assessment } from '../../cloudfunctions/assessment'
import { features } from '../../cloudfunctions/features'
import { figures } from '../../cloudfunctions/figures'
import { defaultWeights } from '../../src/domain/assessment'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const as = (openid: string) => caller(assessment, openid)
const YEAR = 2024

describe(`assessment on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeAll(async () => {
    rt = await startRuntime('2026-11-20T02:00:00Z')
    await fixture()
  })
  afterAll(() => rt.close())

  const count = async (table: string) => (await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n
  const user = async (openid: string) =>
    (await rt.db.query<{ id: number }>(`INSERT INTO users (openid, nickname) VALUES ($1, $1) RETURNING id`, [openid]))[0].id

  /**
   * 区文化馆 (F02, 流量型) in 2024: 7 check-ins by 3 people (March a, b; April a ×2, b, c: people 2 + 3),
   * 3 activities held (one with a member), 5 topics proposed of which 2 selected, 1 outcome published,
   * 2 replies due of which 1 on time, 6 ratings of which 5 satisfied. 运河文化博物馆 (F03): 3 topics
   * proposed and selected, all 3 published.
   */
  async function fixture() {
    const [a, b, c, m, staff] = [await user('fx-a'), await user('fx-b'), await user('fx-c'), await user('fx-m'), await user('fx-staff')]
    await rt.db.query(`INSERT INTO member_facts (user_id, name) VALUES ($1, '委员甲')`, [m])
    const checkins: [number, string][] = [[a, '2024-03-01'], [a, '2024-03-02'], [b, '2024-03-01'], [a, '2024-04-01'], [a, '2024-04-03'], [b, '2024-04-01'], [c, '2024-04-02']]
    for (const [person, day] of checkins) {
      await rt.db.query(`INSERT INTO checkins (user_id, site_id, day, created_at, location_status) VALUES ($1, 'F02', $2::text::date, ($2::text || 'T10:00:00+08:00')::timestamptz, 'verified')`, [person, day])
    }
    const activity = async (day: string, people: number[]) => {
      const [{ id }] = await rt.db.query<{ id: number }>(
        `INSERT INTO activities (site_id, title, starts_at, ends_at) VALUES ('F02', '测试活动', ($1 || 'T09:00:00+08:00')::timestamptz, ($1 || 'T11:00:00+08:00')::timestamptz) RETURNING id`, [day])
      for (const person of people) await rt.db.query(`INSERT INTO activity_attendance (activity_id, user_id, at, via) VALUES ($1, $2, ($3 || 'T09:10:00+08:00')::timestamptz, 'code')`, [id, person, day])
    }
    await activity('2024-03-05', [a, b])
    await activity('2024-04-05', [a, m])
    await activity('2024-06-05', [c])
    const topic = async (site: string, state: string, day: string) =>
      (await rt.db.query<{ id: number }>(
        `INSERT INTO topics (site_id, month, proposer_id, title, body, category, state, gram_count, proposed_day, created_at, updated_at)
         VALUES ($1, substr($3::text, 1, 7), $4, '测试议题', '内容', '其他', $2, 0, $3::text::date, ($3::text || 'T10:00:00+08:00')::timestamptz, ($3::text || 'T10:00:00+08:00')::timestamptz) RETURNING id`,
        [site, state, day, a],
      ))[0].id
    const selected = [await topic('F02', 'published', '2024-05-02'), await topic('F02', 'assigned', '2024-05-03')]
    for (const day of ['2024-05-04', '2024-05-05', '2024-05-06']) await topic('F02', 'submitted', day)
    const publish = (id: number, day: string) =>
      rt.db.query(`INSERT INTO topic_outcomes (topic_id, summary, published_by, first_published_at, published_at) VALUES ($1, '成果', $2, ($3 || 'T10:00:00+08:00')::timestamptz, ($3 || 'T10:00:00+08:00')::timestamptz)`, [id, staff, day])
    await publish(selected[0], '2024-07-01')
    for (const day of ['2024-06-02', '2024-06-03', '2024-06-04']) await publish(await topic('F03', 'published', day), '2024-07-02')
    const assign = (id: number, unit: string, replied: string) =>
      rt.db.query(
        `INSERT INTO assignments (topic_id, unit_id, status, assigned_by, assigned_at, month, ack_due, reply_due, ack_end, reply_end, first_replied_at, replied_at)
         VALUES ($1, $2, 'replied', $3, '2024-05-10T10:00:00+08:00', '2024-05', '2024-05-12', '2024-05-31', '2024-05-13T00:00:00+08:00', '2024-06-01T00:00:00+08:00', $4, $4)`,
        [id, unit, staff, replied],
      )
    await assign(selected[0], 'U01', '2024-05-20T10:00:00+08:00') // on time
    await assign(selected[1], 'U02', '2024-06-03T10:00:00+08:00') // late
    const scores = [5, 5, 4, 4, 4, 2]
    for (const [i, score] of scores.entries()) {
      await rt.db.query(`INSERT INTO ratings (topic_id, user_id, score, created_at, updated_at) VALUES ($1, $2, $3, '2024-08-01T10:00:00+08:00', '2024-08-01T10:00:00+08:00')`, [
        selected[0], await user(`fx-rater-${i}`), score,
      ])
    }
  }

  it('reads the same figures the manifests list', () => {
    expect(figures.map((f) => f.name)).toEqual(features.flatMap((f) => f.figures ?? []).map((f) => f.name))
  })

  it('scores a unit\'s year to the hand-computed points, each indicator with its parts', async () => {
    const result = await as('demo-staff')('unit', { year: YEAR, siteId: 'F02' })
    expect(result.ok).toBe(true)
    const points = Object.fromEntries(result.data.indicators.map((i: any) => [i.key, [i.value, i.of, i.smallSample, i.points]]))
    expect(points).toEqual({
      held: [3, 12, false, 2.5], // 10 × 3/12
      people: [5, 120, false, 0.33], // 8 × 5/120
      visits: [7, 240, false, 0.2], // 7 × 7/240 = 0.204
      members: [1, 24, false, 0.21], // 5 × 1/24
      shared: [0, 48, false, 0],
      proposed: [5, 12, false, 2.08], // 5 × 5/12
      selectedRate: [2, 5, false, 4], // 10 × 2/5
      publishedRate: [1, 2, true, 6.8], // 样本不足: pooled 流量型 (1 + 3) / (2 + 3) = 0.8; (1 + 3 × 0.8) / 5 = 0.68
      onTimeRate: [1, 2, true, 7.5], // pooled 1/2; (1 + 3 × 0.5) / 5 = 0.5; 15 × 0.5
      convertedRate: [0, 0, true, 0], // no suggestions: weight 0 by default until the district weights it
      satisfiedRate: [5, 6, false, 20.83], // 25 × 5/6
    })
    expect(result.data).toMatchObject({ total: 44.45, rank: 1, category: 'flow', year: YEAR, through: '2024-12', scheme: { version: 0 } })
  })

  it('ranks every alliance unit within its category, ties sharing a rank', async () => {
    const ranking = await as('demo-resident')('period', { year: YEAR })
    expect(ranking.ok).toBe(true)
    const flow = ranking.data.units.filter((u: any) => u.category === 'flow')
    expect(flow.slice(0, 3).map((u: any) => [u.siteId, u.total, u.rank])).toEqual([['F02', 44.45, 1], ['F03', 18.95, 2], ['F01', 0, 3]])
    expect(flow.slice(2).every((u: any) => u.rank === 3)).toBe(true)
    expect(JSON.stringify(ranking.data)).not.toMatch(/openid|phone|fx-/)
    expect((await as('demo-resident')('period', { year: 2030 })).error.code).toBe('not_found')
  })

  it('refuses bad weights, each with its own message, writing nothing; staff save a version results name', async () => {
    const save = (weights: unknown, who = 'demo-staff') => as(who)('saveScheme', { year: YEAR, weights })
    const bad: [unknown, string][] = [
      [{ ...defaultWeights, held: 11 }, '权重合计须为 100，现为 101'],
      [{ ...defaultWeights, held: -5, people: 23 }, '“开展活动”的权重须在 0 到 100 之间'],
      [{ ...defaultWeights, held: 110, people: -102 }, '“开展活动”的权重须在 0 到 100 之间'],
      [{ ...defaultWeights, held: 'x' }, '“开展活动”的权重必须是数字'],
      [{ ...defaultWeights, held: 9.5, people: 8.5 }, '“开展活动”的权重必须是整数'],
      [{ ...defaultWeights, extra: 0 }, '未知的指标：extra'],
      [{ people: 100 }, '缺少“开展活动”的权重'],
    ]
    for (const [weights, message] of bad) expect((await save(weights)).error).toEqual({ code: 'invalid_input', message })
    expect((await save('100')).error.code).toBe('invalid_input')
    expect((await as('demo-staff')('saveScheme', { year: 1999, weights: defaultWeights })).error).toMatchObject({ code: 'invalid_input', message: '年份不正确' })
    expect((await save(defaultWeights, 'demo-site-admin')).error.code).toBe('forbidden')
    expect(await count('assessment_schemes')).toBe(0)

    const weights = { ...defaultWeights, satisfiedRate: 15, held: 20 }
    expect((await save(weights)).data).toMatchObject({ year: YEAR, version: 1, weights })
    const unit = await as('demo-staff')('unit', { year: YEAR, siteId: 'F02' })
    expect(unit.data.scheme.version).toBe(1)
    expect(unit.data.total).toBe(38.62) // 44.45 − 2.5 + 5 (held 20 × 3/12) − 20.83 + 12.5 (satisfied 15 × 5/6)
    expect((await as('demo-staff')('unit', { year: 2025, siteId: 'F02' })).data.scheme.version).toBe(0)
    expect((await save(defaultWeights)).data.version).toBe(2)

    // Two saves at once: each a version of its own, or the second refused whole as a conflict.
    const both = await Promise.all([save(defaultWeights), save(weights)])
    const versions = both.filter((r) => r.ok).map((r) => r.data.version)
    expect(new Set(versions).size).toBe(versions.length)
    for (const r of both.filter((r) => !r.ok)) expect(r.error).toMatchObject({ code: 'conflict', message: '考核方案刚被他人修改，请刷新后重试' })
    expect(await count('assessment_schemes')).toBe(2 + versions.length)
  })

  it('shows a unit\'s detail to staff, auditors and its own site admin only', async () => {
    expect((await as('demo-auditor')('unit', { year: YEAR, siteId: 'F02' })).ok).toBe(true)
    expect((await as('demo-site-admin')('unit', { year: YEAR, siteId: 'F01' })).data.siteId).toBe('F01')
    expect((await as('demo-site-admin')('unit', { year: YEAR, siteId: 'F02' })).error).toMatchObject({ code: 'forbidden', message: '只能查看本单位的考核详情' })
    expect((await as('demo-resident')('unit', { year: YEAR, siteId: 'F02' })).error.code).toBe('forbidden')
    expect((await as('demo-staff')('unit', { year: YEAR, siteId: 'S01' })).error.code).toBe('not_found')
  })

  it('drafts the month\'s bulletin against the month before; staff publish it once, frozen, and the site admins are told', async () => {
    expect((await as('demo-resident')('bulletin', { month: '2024-04' })).error).toMatchObject({ code: 'not_found', message: '本月通报尚未发布' })
    const draft = await as('demo-site-admin')('bulletin', { month: '2024-04' })
    expect(draft.data).toMatchObject({ month: '2024-04', before: '2024-03', status: 'draft', hash: null })
    const f02 = draft.data.units.find((u: any) => u.siteId === 'F02')
    const line = (name: string) => f02.lines.find((l: any) => l.figure === name)
    expect(line('checkin.visits')).toMatchObject({ label: '签到人次', value: 4, before: 3, change: 1 })
    expect(line('checkin.people')).toMatchObject({ value: 3, before: 2, change: 1 })
    expect(line('activities.held')).toMatchObject({ value: 1, before: 1, change: 0 })
    expect(draft.data.totals.find((l: any) => l.figure === 'activities.attendance')).toMatchObject({ value: 2, before: 2 })

    expect((await as('demo-resident')('publishBulletin', { month: '2024-04' })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin')('publishBulletin', { month: '2024-04' })).error.code).toBe('forbidden')
    expect((await as('demo-staff')('publishBulletin', { month: '2026-11' })).error).toMatchObject({ code: 'invalid_input', message: '该月尚未结束，不能发布通报' })
    expect((await as('demo-staff')('publishBulletin', { month: '2024-13' })).error).toMatchObject({ code: 'invalid_input', message: '月份格式应为 YYYY-MM' })
    expect(await count('assessment_bulletins')).toBe(0)

    const published = await as('demo-staff')('publishBulletin', { month: '2024-04' })
    expect(published.data).toMatchObject({ status: 'published', hash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    const told = await rt.db.query<{ openid: string; title: string; link: string }>(
      `SELECT u.openid, o.payload->>'title' AS title, o.payload->>'link' AS link FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE o.dedupe_key LIKE 'bulletin-published:2024-04%'`,
    )
    expect(told.map((t) => t.openid)).toContain('demo-site-admin')
    expect(told[0]).toMatchObject({ title: '4月联盟工作通报已发布', link: '/packages/assessment/pages/bulletin/index?month=2024-04' })
    const admins = (await rt.db.query<{ n: number }>(`SELECT count(DISTINCT user_id)::int AS n FROM user_roles WHERE role = 'site_admin'`))[0].n
    expect(told.length).toBe(admins)

    // Frozen: a late record does not change the published bulletin; publishing again is refused and tells no one twice.
    await rt.db.query(`INSERT INTO checkins (user_id, site_id, day, created_at, location_status) VALUES ($1, 'F02', '2024-04-20', '2024-04-20T10:00:00+08:00', 'verified')`, [
      (await rt.db.query<{ id: number }>(`SELECT id FROM users WHERE openid = 'fx-m'`))[0].id,
    ])
    const again = await as('demo-staff')('publishBulletin', { month: '2024-04' })
    expect(again.error).toMatchObject({ code: 'duplicate', message: '本月通报已发布，不能重复发布' })
    const read = await as('demo-resident')('bulletin', { month: '2024-04' })
    expect(read.data).toEqual(published.data)
    expect(read.data.units.find((u: any) => u.siteId === 'F02').lines.find((l: any) => l.figure === 'checkin.visits').value).toBe(4)
    expect((await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE dedupe_key LIKE 'bulletin-published:%'`))[0].n).toBe(admins)
  })
})
