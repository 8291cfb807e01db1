/** The demo months of 月月说事 and 交办督复评 obey the same rules as real data, whatever day the demo starts on. */
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/features'
import { as, checkFeedbackRules } from '../support/feedback'
import { checkTopicRules } from '../support/topics'
import { DB_LABEL, LATER_STEPS, startRuntime, type TestRuntime } from '../support/runtime'

/** Last month's deliberated topics, carried through 交办督复评. */
const carried = ['evaluated', 'in_progress', 'published']

describe(`demo 月月说事 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  afterEach(() => rt.close())

  for (const [day, phase, states] of [
    ['2026-11-10T02:00:00Z', 'proposing', ['accepted', 'submitted', 'returned', 'rejected', 'merged', 'not_selected', ...carried]],
    ['2026-11-23T02:00:00Z', 'voting', ['on_ballot', 'submitted', 'returned', 'rejected', 'merged', 'not_selected', ...carried]],
    ['2026-11-27T02:00:00Z', 'closed', ['selected', 'not_selected', ...carried]],
  ] as const) {
    it(`seeds a believable month when the demo starts while ${phase}`, async () => {
      rt = await startRuntime(day)
      expect(await applySeeds(rt.db, demoSteps, { now: rt.clock.now(), activityDays: 3 })).toEqual(LATER_STEPS)
      await checkTopicRules(rt.db)
      await checkFeedbackRules(rt.db)
      const present = (await rt.db.query('SELECT DISTINCT state FROM topics')).map((row) => row.state)
      expect(present).toEqual(expect.arrayContaining([...states]))
      const ballot = await as('demo-resident').votes('ballot', { siteId: 'S03' })
      expect(ballot.data.cycle.status).toBe(phase)
      const lastMonth = await as('demo-resident').votes('results', { siteId: 'F01', month: '2026-10' })
      expect(lastMonth.data.topics[0]).toMatchObject({ title: '图书馆周边停车难', selected: true, votes: 14 })
      const story = await as('demo-resident').topics('get', { topicId: lastMonth.data.topics[0].id })
      expect(story.data.meeting.place).toContain('书香政协')
      const outcomes = await as('demo-resident').feedback('outcomes', {})
      expect(outcomes.data.items.map((o: any) => [o.title, o.units])).toEqual([
        ['社区精神养老服务', ['区民政局', '罗南社区居委会']],
        ['图书馆周边停车难', ['区城市管理局', '区交通运输局']],
      ])
      expect(outcomes.data.items[1].rating).toEqual({ count: 4, average: 4.5, satisfied: 1 })
    })
  }
})
