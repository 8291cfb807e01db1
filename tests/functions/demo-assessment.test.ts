/** The demo's 月通报 cycle follows the real calendar: a corrected final bulletin, a plain one, and last month left open — whatever day the demo starts on. */
import { main as assessment } from '../../cloudfunctions/assessment'
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { addMonths, shanghaiMonth } from '../../src/domain/cycle'
import { caller, DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

const as = (openid: string) => caller(assessment, openid)

describe(`demo 月通报 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  afterEach(() => rt.close())

  for (const day of ['2026-11-20T02:00:00Z', '2027-01-04T02:00:00Z']) {
    it(`seeds three months ago corrected (version 2) and two months ago final when the demo starts on ${day.slice(0, 10)}`, async () => {
      rt = await startRuntime(day)
      await applySeeds(rt.db, demoSteps, { now: rt.clock.now(), activityDays: 3 })
      const month = (n: number) => addMonths(shanghaiMonth(rt.clock.now()), n)
      const corrected = (await as('demo-resident')('bulletin', { month: month(-3) })).data
      expect(corrected).toMatchObject({ status: 'final', version: 2, appeals: { total: 1, upheld: 1 } })
      expect(corrected.changeLog).toEqual([expect.objectContaining({ siteId: 'F01', figure: 'activities.held', to: expect.any(Number) })])
      expect((await as('demo-site-admin')('bulletin', { month: month(-3), version: 1 })).data.status).toBe('superseded')
      expect((await as('demo-resident')('bulletin', { month: month(-2) })).data).toMatchObject({ status: 'final', version: 1 })
      expect((await as('demo-resident')('bulletin', { month: month(-1) })).error.code).toBe('not_found')
      for (const m of [month(-3), month(-2)]) expect((await as('demo-auditor')('recompute', { month: m })).data.identical).toBe(true)
    })
  }
})
