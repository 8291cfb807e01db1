/** The quarterly visit (季观摩): self-assessment → desk review → on-site visit with the site's rotating code → review; exits; figures. */
import { readFigure } from '../../cloudfunctions/core/figures'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { figures } from '../../cloudfunctions/operations/figures'
import { drawActivities, visitSeed } from '../../src/domain/operations'
import { as, count, heldActivity } from '../support/operations'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const items = [{ dimension: 'venue', verdict: 'met' }, { dimension: 'archive', verdict: 'rectify', note: '两场活动缺纪要' }, { dimension: 'rules', verdict: 'failed' }]

describe('the draw of a visit\'s activities (pure)', () => {
  it('draws the same two of the same activities from the same seed, whatever their order, and others from another seed', () => {
    const ids = [11, 12, 13, 14, 15, 16]
    const drawn = drawActivities(ids, visitSeed('F01', '2026-Q4'))
    expect(drawn).toHaveLength(2)
    expect(drawActivities([...ids].reverse(), visitSeed('F01', '2026-Q4'))).toEqual(drawn)
    const seeds = ['F02', 'F03', 'F04', 'F05', 'W01'].map((site) => drawActivities(ids, visitSeed(site, '2026-Q4')).join())
    expect(new Set(seeds).size).toBeGreaterThan(1)
    expect(drawActivities([7], 'x')).toEqual([7])
  })
})

describe(`quarterly visits on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  beforeEach(async () => {
    rt = await startRuntime()
  })
  afterEach(() => rt.close())

  const siteCode = async (siteId = 'F01', who = 'demo-site-admin') => (await as(who).operations('visitCode', { siteId })).data.code as string
  /** A second district staff member (a reviewer beside demo-staff). */
  const secondReviewer = () => rt.db.query(
    "WITH u AS (INSERT INTO users (openid, nickname) VALUES ('staff-2', '王审核') RETURNING id) INSERT INTO user_roles (user_id, role) SELECT id, 'staff' FROM u")
  async function throughDesk(siteId = 'F01', quarter = '2026-Q4') {
    expect((await as('demo-staff').operations('selfAssess', { siteId, quarter, items: [{ dimension: 'venue', verdict: 'met' }] })).ok).toBe(true)
    expect((await as('demo-staff').operations('deskReview', { siteId, quarter })).ok).toBe(true)
  }

  it('runs self-assessment, desk review, the visit checked in with the site\'s code, and the review after the fixes', async () => {
    const held = [await heldActivity(rt.db, 'F01', '2026-10-10T04:00:00Z'), await heldActivity(rt.db, 'F01', '2026-10-20T04:00:00Z'), await heldActivity(rt.db, 'F01', '2026-11-10T04:00:00Z')]
    const self = await as('demo-site-admin').operations('selfAssess', { siteId: 'F01', quarter: '2026-Q4', items: [{ dimension: 'venue', verdict: 'met', note: '场地照片已更新' }] })
    expect(self.data).toMatchObject({ stage: 'self_assessed', stageLabel: '已自评', selfAssessment: [{ dimension: 'venue', verdict: 'met', note: '场地照片已更新' }] })
    expect((await as('demo-site-admin').operations('selfAssess', { siteId: 'F01', quarter: '2026-Q4', items })).error).toEqual({ code: 'duplicate', message: '该联盟点本季度已自评' })
    expect((await as('demo-site-admin').operations('selfAssess', { siteId: 'F02', quarter: '2026-Q4', items })).error).toEqual({ code: 'forbidden', message: '只能为本联盟点自评' })
    // The visit cannot come before the desk review.
    expect((await as('demo-staff').operations('visit', { siteId: 'F01', quarter: '2026-Q4', code: await siteCode(), items })).error)
      .toEqual({ code: 'conflict', message: '观摩当前为“已自评”，不能进行这一步' })

    const desk = await as('demo-staff').operations('deskReview', { siteId: 'F01', quarter: '2026-Q4', note: '制度文件待补' })
    expect(desk.data).toMatchObject({ stage: 'desk_reviewed', deskNote: '制度文件待补', seed: 'F01:2026-Q4' })
    expect(desk.data.automatic.find((a: any) => a.dimension === 'activities')).toEqual({ dimension: 'activities', status: 'met', reason: '' })
    // The draw is shown, and anyone can make it again from the seed.
    expect(desk.data.sampled.map((s: any) => s.activityId)).toEqual(drawActivities(held, 'F01:2026-Q4'))
    expect(desk.data.sampled[0]).toMatchObject({ title: '读书分享会', signins: 1, parts: [] })

    // Without the site's own current code: refused, nothing written.
    const wrong = [
      ['', 'invalid_input', '请输入联盟点的观摩签到码'],
      ['123.abcdefghijkl', 'wrong_code', '观摩签到码不正确，请输入该联盟点现场显示的签到码'],
      [await siteCode('W05', 'demo-staff'), 'wrong_code', '观摩签到码不正确，请输入该联盟点现场显示的签到码'],
    ] as const
    for (const [code, errorCode, message] of wrong) {
      expect([code, (await as('demo-staff').operations('visit', { siteId: 'F01', quarter: '2026-Q4', code, items })).error]).toEqual([code, { code: errorCode, message }])
    }
    rt.clock.set('2026-11-20T01:45:00Z')
    const old = await siteCode()
    rt.clock.set('2026-11-20T02:00:00Z')
    expect((await as('demo-staff').operations('visit', { siteId: 'F01', quarter: '2026-Q4', code: old, items })).error.code).toBe('expired')
    expect(await count(rt.db, 'operation_visit_items', "visit_id IN (SELECT id FROM operation_visits WHERE site_id = 'F01')")).toBe(0)

    const visit = await as('demo-staff').operations('visit', { siteId: 'F01', quarter: '2026-Q4', code: await siteCode(), items })
    // Fixes are due 15 working days after Friday 2026-11-20.
    expect(visit.data).toMatchObject({
      stage: 'rectifying', dueOn: '2026-12-11', checkedInAt: '2026-11-20T02:00:00.000Z',
      items: [
        { dimension: 'archive', verdict: 'rectify', note: '两场活动缺纪要', dueOn: '2026-12-11' },
        { dimension: 'rules', verdict: 'failed', note: '', dueOn: '2026-12-11' },
        { dimension: 'venue', verdict: 'met', note: '', dueOn: null },
      ],
    })
    const partial = await as('demo-staff').operations('review', { siteId: 'F01', quarter: '2026-Q4', items: [{ dimension: 'archive', verdict: 'met' }] })
    expect(partial.error).toEqual({ code: 'invalid_input', message: '复核须逐项评定观摩时需整改和不达标的项目' })
    rt.clock.set('2026-12-10T03:00:00Z')
    const review = await as('demo-staff').operations('review', { siteId: 'F01', quarter: '2026-Q4', items: [{ dimension: 'archive', verdict: 'met' }, { dimension: 'rules', verdict: 'met' }] })
    expect(review.data).toMatchObject({ stage: 'closed', failed: false, review: [{ dimension: 'archive', verdict: 'met' }, { dimension: 'rules', verdict: 'met' }] })
    expect((await as('demo-staff').operations('review', { siteId: 'F01', quarter: '2026-Q4', items })).error.code).toBe('conflict')
    expect((await as('demo-site-admin').operations('visits', { year: 2026, siteId: 'F01' })).data.items).toHaveLength(1)
    expect((await as('demo-site-admin').operations('visits', { year: 2026 })).error.code).toBe('forbidden')
    expect(await count(rt.db, 'audit_log', "target = 'site:F01' AND detail->>'step' IS NOT NULL")).toBe(4)
    const closed = figures.find((f) => f.name === 'operations.visits')
    if (!closed) throw new Error('no operations.visits figure')
    expect(await readFigure(rt.db, closed, '2026-11', '2026-12', rt.clock.now())).toEqual([{ siteId: 'F01', month: '2026-12', value: 1 }])
  })

  it('refuses a reviewer their own site with its own code, at every step', async () => {
    await as('demo-staff').operations('selfAssess', { siteId: 'W05', quarter: '2026-Q4', items })
    await rt.db.query("INSERT INTO user_roles (user_id, role, site_id) SELECT id, 'site_admin', 'W05' FROM users WHERE openid = 'demo-staff'")
    for (const action of ['deskReview', 'visit', 'review']) {
      const answer = await as('demo-staff').operations(action, { siteId: 'W05', quarter: '2026-Q4', code: '1.abcdefghijkl', items })
      expect([action, answer.error]).toEqual([action, { code: 'own_site', message: '不能评审本人负责的联盟点' }])
    }
    expect((await as('demo-site-admin').operations('deskReview', { siteId: 'W05', quarter: '2026-Q4' })).error.code).toBe('forbidden')
    expect(await count(rt.db, 'operation_visits', "site_id = 'W05' AND quarter = '2026-Q4' AND stage <> 'self_assessed'")).toBe(0)
  })

  it('gives one visit and one conflict to two reviewers at once', async () => {
    await secondReviewer()
    await throughDesk()
    const code = await siteCode()
    const answers = await Promise.all(['demo-staff', 'staff-2'].map((who) => as(who).operations('visit', { siteId: 'F01', quarter: '2026-Q4', code, items })))
    expect(answers.map((a) => a.ok).sort()).toEqual([false, true])
    expect(answers.find((a) => !a.ok).error.code).toBe('conflict')
    expect(await count(rt.db, 'operation_visit_items', "visit_id IN (SELECT id FROM operation_visits WHERE site_id = 'F01')")).toBe(3)
  })

  it('sees a role granted while the visit waits: the reviewer who became the site\'s admin is refused', async () => {
    if (!process.env.DATABASE_URL) return // PGlite has one connection: nothing runs beside the grant's transaction
    await throughDesk()
    const code = await siteCode()
    let granted = () => undefined as void
    let release = () => undefined as void
    const isGranted = new Promise<void>((resolve) => { granted = resolve })
    const released = new Promise<void>((resolve) => { release = resolve })
    const grant = rt.db.transaction(async (tx) => {
      await tx.query("INSERT INTO user_roles (user_id, role, site_id) SELECT id, 'site_admin', 'F01' FROM users WHERE openid = 'demo-staff'")
      granted()
      await released
    })
    await isGranted
    // The visit starts while the grant is not yet committed: its roles, read at the start, do not show it.
    const visit = as('demo-staff').operations('visit', { siteId: 'F01', quarter: '2026-Q4', code, items })
    await new Promise((resolve) => setTimeout(resolve, 300))
    release()
    await grant
    expect((await visit).error).toEqual({ code: 'own_site', message: '不能评审本人负责的联盟点' })
    expect(await count(rt.db, 'operation_visit_items', "visit_id IN (SELECT id FROM operation_visits WHERE site_id = 'F01')")).toBe(0)
  })

  it('seeds last quarter\'s visits: W05 closed, all 达标, W01 rectifying its archive', async () => {
    const visits = (await as('demo-staff').operations('visits', { year: 2026 })).data.items
    expect(visits.map((v: any) => [v.siteId, v.quarter, v.stage, v.items.find((i: any) => i.dimension === 'archive').verdict])).toEqual([
      ['W01', '2026-Q3', 'rectifying', 'rectify'], ['W05', '2026-Q3', 'closed', 'met'],
    ])
    // With the demo year of activities, the demo's archived activities are numbered.
    await rt.db.query("DELETE FROM seed_steps WHERE name IN ('operations-archive', 'operations-archive-numbers')")
    await applySeeds(rt.db, demoSteps.filter((step) => ['activities-year', 'operations-archive', 'operations-archive-numbers'].includes(step.name)), { now: rt.clock.now(), activityDays: 3 })
    const w05 = await as('demo-staff').operations('archive', { siteId: 'W05', year: 2026 })
    expect(w05.data.entries.length).toBeGreaterThan(0)
    expect(w05.data.entries.every((e: any) => e.closed)).toBe(true)
    expect(w05.data.entries.map((e: any) => e.number)).toEqual(w05.data.entries.map((_: unknown, i: number) => `2026-W05-${String(i + 1).padStart(3, '0')}`))
  })

  it('opens an exit proposal after two failing years in a row, once, for staff to decide', async () => {
    for (const [quarter, at] of [['2025-Q4', '2025-12-01T02:00:00Z'], ['2026-Q2', '2026-06-01T02:00:00Z']] as const) {
      rt.clock.set(at)
      await throughDesk('W01', quarter)
      await as('demo-staff').operations('visit', { siteId: 'W01', quarter, code: await siteCode('W01', 'demo-staff'), items: [{ dimension: 'activities', verdict: 'failed' }] })
      expect((await as('demo-staff').operations('review', { siteId: 'W01', quarter, items: [{ dimension: 'activities', verdict: 'failed' }] })).data.failed).toBe(true)
    }
    const exits = await as('demo-staff').operations('exits', {})
    expect(exits.data.items).toEqual([{ id: expect.any(Number), siteId: 'W01', siteName: expect.any(String), year: 2026, openedAt: '2026-06-01T02:00:00.000Z', decision: null, note: '' }])
    expect((await as('demo-site-admin').operations('exits', {})).error.code).toBe('forbidden')
    const decided = await as('demo-staff').operations('decideExit', { id: exits.data.items[0].id, decision: 'keep', note: '限期三个月整改' })
    expect(decided.data).toMatchObject({ decision: 'keep', note: '限期三个月整改' })
    expect((await as('demo-staff').operations('decideExit', { id: exits.data.items[0].id, decision: 'delist' })).error).toEqual({ code: 'duplicate', message: '该摘牌提议已作出决定' })
    expect((await as('demo-staff').operations('decideExit', { id: 999, decision: 'delist' })).error.code).toBe('not_found')
    const failed = figures.find((f) => f.name === 'operations.visitsFailed')
    if (!failed) throw new Error('no operations.visitsFailed figure')
    expect(await readFigure(rt.db, failed, '2026-01', '2026-12', rt.clock.now())).toEqual([{ siteId: 'W01', month: '2026-06', value: 1 }])
  })
})
