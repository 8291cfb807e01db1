/**
 * The assessment on real data: a fixture unit's year scored from the other features' figures (its
 * check-ins, activities, topics, replies and ratings, inserted as those features store them) to the
 * score computed by hand; the weights refused on bad input with nothing written; who may see and
 * publish what; the bulletin's cycle: frozen once, appealed, re-issued as version 2, recomputed byte
 * for byte, made final once by the job, and frozen by itself on the 5th working day.
 */
import { definition, main as assessment } from '../../cloudfunctions/assessment'
import mammoth from 'mammoth'
import readXlsxFile from 'read-excel-file/node'
import { runJob } from '../../cloudfunctions/core/jobs'
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
    // 捆绑考评: 0.8 × own + 0.2 × the alliance index (every unit's mean), both shown.
    expect(result.data.allianceIndex).toBeGreaterThan(0)
    expect(result.data.final).toBe(Math.round((0.8 * 44.45 + 0.2 * result.data.allianceIndex) * 100) / 100)
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

  const told = (key: string) =>
    rt.db.query<{ openid: string; title: string; link: string }>(
      `SELECT u.openid, o.payload->>'title' AS title, o.payload->>'link' AS link FROM outbox o JOIN users u ON u.id = o.recipient_user_id WHERE o.dedupe_key LIKE $1 ORDER BY o.id`, [`${key}%`])
  const siteAdmins = async () => (await rt.db.query<{ n: number }>(`SELECT count(DISTINCT user_id)::int AS n FROM user_roles WHERE role = 'site_admin'`))[0].n
  const line = (b: any, site: string, figure: string) => b.units.find((u: any) => u.siteId === site).lines.find((l: any) => l.figure === figure)

  it('drafts the month\'s bulletin against the month before; staff freeze it once, and the site admins are asked to check it', async () => {
    expect((await as('demo-resident')('bulletin', { month: '2024-04' })).error).toMatchObject({ code: 'not_found', message: '本月通报尚未发布' })
    const draft = await as('demo-site-admin')('bulletin', { month: '2024-04' })
    expect(draft.data).toMatchObject({ month: '2024-04', before: '2024-03', status: 'draft', version: null, hash: null })
    expect(line(draft.data, 'F02', 'checkin.visits')).toMatchObject({ label: '签到人次', value: 4, before: 3, change: 1 })
    expect(line(draft.data, 'F02', 'checkin.people')).toMatchObject({ value: 3, before: 2, change: 1 })
    expect(line(draft.data, 'F02', 'activities.held')).toMatchObject({ value: 1, before: 1, change: 0 })
    expect(draft.data.totals.find((l: any) => l.figure === 'activities.attendance')).toMatchObject({ value: 2, before: 2 })

    expect((await as('demo-resident')('freezeBulletin', { month: '2024-04' })).error.code).toBe('forbidden')
    expect((await as('demo-site-admin')('freezeBulletin', { month: '2024-04' })).error.code).toBe('forbidden')
    expect((await as('demo-staff')('freezeBulletin', { month: '2026-11' })).error).toMatchObject({ code: 'invalid_input', message: '该月尚未结束，不能冻结或发布通报' })
    expect((await as('demo-staff')('freezeBulletin', { month: '2024-13' })).error).toMatchObject({ code: 'invalid_input', message: '月份格式应为 YYYY-MM' })
    expect((await as('demo-staff')('publishBulletin', { month: '2024-04' })).error).toMatchObject({ code: 'not_found', message: '该月通报尚未冻结' })
    expect(await count('assessment_bulletins')).toBe(0)

    // Two freezes at once: one version 1, the other refused; the units are asked once.
    const both = await Promise.all([as('demo-staff')('freezeBulletin', { month: '2024-04' }), as('demo-staff')('freezeBulletin', { month: '2024-04' })])
    const frozen = both.find((r) => r.ok)!
    expect(both.filter((r) => !r.ok).map((r) => r.error)).toEqual([{ code: 'duplicate', message: '本月通报已冻结，不能重复冻结' }])
    expect(frozen.data).toMatchObject({ status: 'review', version: 1, appealUntil: '2026-11-27', hash: expect.stringMatching(/^[0-9a-f]{64}$/), inputsHash: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect(line(frozen.data, 'F02', 'checkin.visits').value).toBe(4)
    const asked = await told('bulletin-frozen:2024-04')
    expect(asked.map((t) => t.openid)).toContain('demo-site-admin')
    expect(asked.length).toBe(await siteAdmins())
    expect(asked[0]).toMatchObject({ title: '4月联盟工作通报征求意见', link: '/packages/assessment/pages/bulletin/index?month=2024-04' })
    // Under review it is the units' and staff's, not yet the public's; it cannot be final before the window closes.
    expect((await as('demo-resident')('bulletin', { month: '2024-04' })).error.code).toBe('not_found')
    expect((await as('demo-staff')('publishBulletin', { month: '2024-04' })).error).toMatchObject({ code: 'appeals_open', message: '申诉期至 2026-11-27，期满后才能定稿发布' })
  })

  it('takes a unit\'s appeal of its own figure once, refusing every bad one with nothing written', async () => {
    const appeal = (data: Record<string, unknown>, who = 'demo-site-admin') =>
      as(who)('appeal', { month: '2024-04', siteId: 'F01', figure: 'activities.held', claimed: 2, reason: '4月两场活动的签到表已补交', ...data })
    expect((await appeal({ siteId: 'F02' })).error).toMatchObject({ code: 'forbidden', message: '只能对本单位的数据提出申诉' })
    expect((await appeal({}, 'demo-staff')).error.code).toBe('forbidden')
    expect((await appeal({ claimed: 0 })).error).toMatchObject({ code: 'invalid_input', message: '通报中该项已是 0，无需申诉' })
    expect((await appeal({ claimed: -1 })).error).toMatchObject({ code: 'invalid_input', message: '申诉数值不能为负数' })
    expect((await appeal({ figure: 'topics.bogus' })).error).toMatchObject({ code: 'invalid_input', message: '请选择通报中的一项数据' })
    expect((await appeal({ reason: '不对' })).error.code).toBe('invalid_input')
    expect((await appeal({ month: '2024-05' })).error).toMatchObject({ code: 'not_found', message: '该月通报尚未冻结' })
    expect(await count('assessment_appeals')).toBe(0)

    const filed = await appeal({})
    expect(filed.data).toMatchObject({ siteId: 'F01', figure: 'activities.held', label: '开展活动', value: 0, claimed: 2, status: 'pending', version: 1 })
    expect((await appeal({ claimed: 3 })).error).toMatchObject({ code: 'duplicate', message: '本单位该项数据已有待处理的申诉' })
    expect((await as('demo-site-admin')('appeals', { month: '2024-04' })).data.map((a: any) => a.id)).toEqual([filed.data.id])
    expect((await as('demo-staff')('publishBulletin', { month: '2024-04' })).error).toMatchObject({ code: 'appeals_open' })
  })

  it('upholds an appeal once: version 2 is issued from the corrected inputs, version 1 stays readable, both recompute to their hashes', async () => {
    const [pending] = (await as('demo-staff')('appeals', { month: '2024-04' })).data
    const v1 = await as('demo-staff')('bulletin', { month: '2024-04' })
    const decide = (data: Record<string, unknown>, who = 'demo-staff') => as(who)('decideAppeal', { appealId: pending.id, uphold: true, note: '签到表核实无误', ...data })
    expect((await decide({}, 'demo-site-admin')).error.code).toBe('forbidden')
    expect((await decide({ note: '' })).error.code).toBe('invalid_input')
    expect((await decide({ appealId: 999999 })).error).toMatchObject({ code: 'not_found', message: '未找到该申诉' })

    // Two decisions at once: one stands, the other is refused; one version 2.
    const both = await Promise.all([decide({}), decide({ uphold: false, note: '不予支持' })])
    expect(both.filter((r) => !r.ok).map((r) => r.error)).toEqual([{ code: 'already_decided', message: '该申诉已处理，不能重复处理' }])
    const decided = both.find((r) => r.ok)!.data
    const upheld = decided.status === 'upheld'
    expect(await count('assessment_bulletins')).toBe(upheld ? 2 : 1)
    if (!upheld) return // the rejection won the race: nothing more to issue (the rest is checked when the uphold wins)
    expect(decided).toMatchObject({ issuedVersion: 2, note: '签到表核实无误' })
    expect((await told(`bulletin-appeal:${pending.id}`)).map((t) => [t.openid, t.title])).toEqual([['demo-site-admin', '通报数据申诉成立']])

    const v2 = (await as('demo-site-admin')('bulletin', { month: '2024-04' })).data
    expect(v2).toMatchObject({ status: 'review', version: 2, appealUntil: '2026-11-27', appeals: { total: 1, upheld: 1, pending: 0 } })
    expect(v2.changeLog).toEqual([{ appealId: pending.id, siteId: 'F01', figure: 'activities.held', from: 0, to: 2, note: '签到表核实无误' }])
    expect(line(v2, 'F01', 'activities.held')).toMatchObject({ value: 2, change: 2 })
    expect(v2.totals.find((t: any) => t.figure === 'activities.held').value).toBe(v1.data.totals.find((t: any) => t.figure === 'activities.held').value + 2)
    expect(v2.versions.map((v: any) => [v.version, v.status])).toEqual([[1, 'superseded'], [2, 'review']])
    const old = (await as('demo-site-admin')('bulletin', { month: '2024-04', version: 1 })).data
    expect(old).toMatchObject({ version: 1, status: 'superseded', hash: v1.data.hash })
    expect(line(old, 'F01', 'activities.held').value).toBe(0)

    for (const version of [1, 2]) {
      const again = (await as('demo-auditor')('recompute', { month: '2024-04', version })).data
      expect(again).toMatchObject({ version, identical: true })
      expect(again.hash).toBe(again.storedHash)
    }
    expect((await as('demo-staff')('recompute', { month: '2024-05' })).error).toMatchObject({ code: 'period_open', message: '该月尚未冻结，不能复算' })
    expect((await as('demo-site-admin')('recompute', { month: '2024-04' })).error.code).toBe('forbidden')
    // A frozen version is never edited nor deleted, whoever tries.
    await expect(rt.db.query(`UPDATE assessment_bulletins SET content = '{}' WHERE month = '2024-04' AND version = 1`)).rejects.toThrow(/never edited/)
    await expect(rt.db.query(`DELETE FROM assessment_bulletins WHERE month = '2024-04'`)).rejects.toThrow(/never deleted/)
  })

  it('closes the window: late appeals refused, two finalising runs at once make it final once, the public reads the final version only', async () => {
    rt.clock.set('2026-11-30T02:00:00+08:00')
    const late = await as('demo-site-admin')('appeal', { month: '2024-04', siteId: 'F01', figure: 'checkin.visits', claimed: 9, reason: '4月签到人次少计了' })
    expect(late.error).toMatchObject({ code: 'too_late', message: '申诉期已于 2026-11-27 截止' })
    // A late record does not change what was frozen.
    await rt.db.query(`INSERT INTO checkins (user_id, site_id, day, created_at, location_status) VALUES ($1, 'F02', '2024-04-20', '2024-04-20T10:00:00+08:00', 'verified')`, [
      (await rt.db.query<{ id: number }>(`SELECT id FROM users WHERE openid = 'fx-m'`))[0].id,
    ])
    const runs = await Promise.all([runJob(definition, 'finaliseBulletins', rt), runJob(definition, 'finaliseBulletins', rt)])
    expect(runs.map((r) => r.error)).toEqual([undefined, undefined])
    expect(runs.reduce((t, r) => t + r.done, 0)).toBe(1)
    expect((await told('bulletin-published:2024-04')).length).toBe(await siteAdmins())
    expect((await as('demo-staff')('publishBulletin', { month: '2024-04' })).error).toMatchObject({ code: 'duplicate', message: '本月通报已发布，不能重复发布' })
    expect((await as('demo-site-admin')('appeal', { month: '2024-04', siteId: 'F01', figure: 'checkin.visits', claimed: 9, reason: '4月签到人次少计了' })).error.code).toBe('bulletin_final')

    const read = (await as('demo-resident')('bulletin', { month: '2024-04' })).data
    expect(read).toMatchObject({ status: 'final', version: (await count('assessment_bulletins')) })
    expect(read.versions.every((v: any) => v.status === 'final')).toBe(true)
    expect(line(read, 'F02', 'checkin.visits').value).toBe(4)
    expect(JSON.stringify(read)).not.toMatch(/openid|phone|fx-/)
    if (read.version === 2) expect((await as('demo-resident')('bulletin', { month: '2024-04', version: 1 })).error.code).toBe('not_found')

    // The year's score counts April as published: the upheld correction in, the late check-in out (补录 waits).
    const score = async (site: string, key: string) => (await as('demo-staff')('unit', { year: YEAR, siteId: site })).data.indicators.find((i: any) => i.key === key).value
    expect(await score('F01', 'held')).toBe(read.version === 2 ? 2 : 0)
    expect(await score('F02', 'visits')).toBe(7)
  })

  it('writes the bulletin as a .docx and an .xlsx that read back with its figures, its version and its hash', async () => {
    const read = (await as('demo-resident')('bulletin', { month: '2024-04' })).data
    const docx = await as('demo-resident')('exportBulletin', { month: '2024-04', format: 'docx' })
    expect(docx.data).toMatchObject({ filename: `2024-04联盟工作通报-第${read.version}版.docx`, mime: expect.stringContaining('wordprocessingml') })
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(docx.data.base64, 'base64') })).value
    expect(text).toContain('2024年4月联盟工作通报')
    expect(text).toContain(`本月联盟共开展活动 ${read.totals.find((t: any) => t.figure === 'activities.held').value} 场，参与 2 人次，签到 4 人次（3 人）`)
    expect(text).toContain('一、流量型单位')
    expect(text).toContain(read.hash)

    const xlsx = await as('demo-resident')('exportBulletin', { month: '2024-04', format: 'xlsx' })
    const sheets = await readXlsxFile(Buffer.from(xlsx.data.base64, 'base64'))
    expect(sheets.map((s) => s.sheet)).toEqual(['总表', '分项', '明细', '计算说明'])
    const [summary, , detail, notes] = sheets.map((s) => s.data)
    const column = summary[0].indexOf('开展活动')
    expect(summary.find((row) => row[0] === '区图书馆')?.[column]).toBe(line(read, 'F01', 'activities.held').value)
    expect(summary.find((row) => row[0] === '联盟合计')?.[column]).toBe(read.totals.find((t: any) => t.figure === 'activities.held').value)
    expect(detail.some((row) => row[1] === 'F02' && row[2] === '2024-04' && row[3] === 4)).toBe(true)
    expect(notes.find((row) => row[0] === '结果校验码（sha256）')?.[1]).toBe(read.hash)
    expect(notes.find((row) => row[0] === '权重：满意率')?.[1]).toBeGreaterThan(0)

    expect((await as('demo-resident')('exportBulletin', { month: '2024-04', format: 'pdf' })).error).toMatchObject({ code: 'invalid_input', message: '请选择文件格式' })
    expect((await as('demo-resident')('exportBulletin', { month: '2024-05', format: 'docx' })).error.code).toBe('not_found')
  })

  it('freezes last month by itself on the 5th working day of this one, once when two runs meet', async () => {
    rt.clock.set('2026-12-04T10:00:00+08:00') // the 4th working day of December
    expect((await runJob(definition, 'freezeMonth', rt)).done).toBe(0)
    rt.clock.set('2026-12-07T10:00:00+08:00') // the 5th
    const runs = await Promise.all([runJob(definition, 'freezeMonth', rt), runJob(definition, 'freezeMonth', rt)])
    expect(runs.reduce((t, r) => t + r.done, 0)).toBe(1)
    expect((await rt.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM assessment_bulletins WHERE month = '2026-11'`))[0].n).toBe(1)
  })
})
