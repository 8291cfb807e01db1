/** Helpers for the 交办督复评 tests: a topic carried to `deliberated` through the real month, handlers bound by code. */
import { main as account } from '../../cloudfunctions/account'
import { main as admin } from '../../cloudfunctions/admin'
import { definition as feedbackFn, main as feedback } from '../../cloudfunctions/feedback'
import { runJob } from '../../cloudfunctions/core/jobs'
import { as as topicsAs, ballotJobs, draft } from './topics'
import { caller, type TestRuntime } from './runtime'

export const as = (openid: string) => ({ ...topicsAs(openid), feedback: caller(feedback, openid) })

/**
 * Proposes a topic at `siteId` in the clock's month, accepts it, puts it on the ballot, has `voters`
 * vote, closes the ballot and records the meeting: the topic is `deliberated`. Leaves the clock
 * after the month's ballot closed.
 */
export async function deliberatedTopic(rt: TestRuntime, { siteId = 'F01', title = '图书馆周边停车难', proposer = 'demo-resident', voters = ['v1', 'v2', 'v3'] } = {}) {
  const month = rt.clock.now().toISOString().slice(0, 7)
  const proposed = await as(proposer).topics('propose', draft(title, { siteId }))
  const id = proposed.data.id as number
  await as('demo-staff').topics('screen', { topicId: id, decision: 'accept' })
  rt.clock.set(`${month}-20T16:00:00Z`)
  await ballotJobs(rt)
  for (const voter of voters) await as(voter).votes('cast', { topicId: id })
  rt.clock.set(`${month}-25T16:00:00Z`)
  await ballotJobs(rt)
  const meeting = await as('demo-staff').topics('recordMeeting', {
    topicId: id, form: '议事会', at: `${month}-27T09:00:00+08:00`, place: '议事厅', participants: 20, sectors: ['社区居民'],
    opinions: '形成一致意见，交有关部门办理。', nextSteps: '交办',
  })
  expect(meeting.data.state).toBe('deliberated')
  return id
}

/** A unit handler bound the real way: staff issue a profile, the person binds its code. */
export async function bindHandler(openid: string, unitId: string, name = '周强') {
  const profile = await caller(admin, 'demo-staff')('createProfile', { role: 'unit_handler', name, unitId })
  const bound = await caller(account, openid)('bind', { code: profile.data.bindCode })
  expect(bound.ok).toBe(true)
}

export const supervise = (rt: TestRuntime) => runJob(feedbackFn, 'superviseDeadlines', rt)
