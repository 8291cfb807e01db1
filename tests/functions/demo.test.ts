/** The demo month of 月月说事 obeys the same rules as real data, whatever day the demo starts on. */
import { applySeeds } from '../../cloudfunctions/core/seed'
import { demoSteps } from '../../cloudfunctions/host/demo-seed'
import { as, checkTopicRules } from '../support/topics'
import { DB_LABEL, LATER_STEPS, startRuntime, type TestRuntime } from '../support/runtime'

describe(`demo 月月说事 on ${DB_LABEL}`, () => {
  let rt: TestRuntime
  afterEach(() => rt.close())

  for (const [day, phase, states] of [
    ['2026-11-10T02:00:00Z', 'proposing', ['accepted', 'submitted', 'returned', 'rejected', 'merged', 'deliberated', 'not_selected']],
    ['2026-11-23T02:00:00Z', 'voting', ['on_ballot', 'submitted', 'returned', 'rejected', 'merged', 'deliberated', 'not_selected']],
    ['2026-11-27T02:00:00Z', 'closed', ['selected', 'not_selected', 'deliberated']],
  ] as const) {
    it(`seeds a believable month when the demo starts while ${phase}`, async () => {
      rt = await startRuntime(day)
      expect(await applySeeds(rt.db, demoSteps, { now: rt.clock.now(), activityDays: 3 })).toEqual(LATER_STEPS)
      await checkTopicRules(rt.db)
      const present = (await rt.db.query('SELECT DISTINCT state FROM topics')).map((row) => row.state)
      expect(present).toEqual(expect.arrayContaining([...states]))
      const ballot = await as('demo-resident').votes('ballot', { siteId: 'S03' })
      expect(ballot.data.cycle.status).toBe(phase)
      const lastMonth = await as('demo-resident').votes('results', { siteId: 'F01', month: '2026-10' })
      expect(lastMonth.data.topics[0]).toMatchObject({ title: '图书馆周边停车难', selected: true, votes: 14 })
      const story = await as('demo-resident').topics('get', { topicId: lastMonth.data.topics[0].id })
      expect(story.data.meeting.place).toContain('书香政协')
    })
  }
})
