/** The demo reproduces the source report: 800余条 suggestions, 35 提案, 110余篇 专报 with 7 批示, the 营商环境 example answered within a week; every row as its machine allows. */
import { applySeeds } from '../../cloudfunctions/core/seed'
import { feature } from '../../cloudfunctions/opinions/feature'
import { as, checkMachines, editor } from '../support/opinions'
import { DB_LABEL, startRuntime, type TestRuntime } from '../support/runtime'

describe(`demo 社情民意 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  afterEach(() => rt.close())

  for (const now of ['2026-11-20T02:00:00Z', '2027-02-10T02:00:00Z']) {
    it(`reproduces the report's figures for the year so far at ${now}`, async () => {
      rt = await startRuntime(now)
      const started = Date.now()
      expect(await applySeeds(rt.db, [...(feature.demo ?? [])], { now: rt.clock.now(), activityDays: 3 })).toEqual(['opinions-year', 'opinions-report'])
      const ms = Date.now() - started
      console.log(`[demo] opinions steps ${ms} ms`)
      const year = Number(now.slice(0, 4))
      const funnel = (await editor('funnel', { year })).data
      expect(funnel.headline).toBe('800余条 / 35件 / 110余篇')
      expect(funnel.outputs).toEqual({ proposals: 35, reportsSubmitted: 112, reportsAdopted: 46, reportsEndorsed: 7 })
      expect(funnel.stages.collected).toBeGreaterThan(800)
      expect(funnel.stages.collected).toBeLessThan(900)
      expect(funnel.stages.inProposals).toBe(96)
      expect(funnel.rates.find((r: any) => r.label === '采用率').text).toBe('采用率 41.1% = 采用 46 / 报送 112')
      const sites = await rt.db.query("SELECT count(DISTINCT site_id)::int AS n FROM suggestions WHERE site_id IS NOT NULL")
      expect(sites[0].n).toBe(40)
      const levels = await rt.db.query('SELECT endorsed_level AS level, count(*)::int AS n FROM opinion_reports WHERE endorsed_at IS NOT NULL GROUP BY 1 ORDER BY 1')
      expect(levels).toEqual([{ level: '区级', n: 4 }, { level: '市级', n: 3 }])
      const [example] = await rt.db.query(
        `SELECT u.name, extract(epoch FROM h.replied_at - s.created_at) / 86400 AS days FROM opinion_handoffs h JOIN suggestions s ON s.id = h.suggestion_id JOIN units u ON u.id = h.unit_id
         WHERE s.category = '营商环境' AND s.title LIKE '企业开办%'`,
      )
      expect(example.name).toBe('区行政审批服务局')
      expect(Number(example.days)).toBeLessThanOrEqual(7)
      const examples = await rt.db.query<{ id: number }>(`SELECT id FROM suggestions WHERE title IN ('老旧小区加装电梯费用分摊难', '企业开办“一件事”材料仍需多头提交') ORDER BY created_at`)
      const answers = []
      for (const { id } of examples) answers.push(...(await as('demo-resident')('get', { suggestionId: id })).data.outcomes.map((o: any) => o.answer))
      expect(answers).toEqual([expect.stringContaining('一网通办'), '获市级领导批示'])
      await checkMachines(rt.db)
      expect(await applySeeds(rt.db, [...(feature.demo ?? [])], { now: rt.clock.now(), activityDays: 3 })).toEqual([])
    })
  }
})
