/** Helpers for the 交办督复评 tests: a topic carried to `deliberated` through the real month, handlers bound by code. */
import { main as account } from '../../cloudfunctions/account'
import { main as admin } from '../../cloudfunctions/admin'
import { definition as feedbackFn, main as feedback } from '../../cloudfunctions/feedback'
import type { Queryable } from '../../cloudfunctions/core/db'
import { runJob } from '../../cloudfunctions/core/jobs'
import { as as topicsAs, ballotJobs, draft } from './topics'
import { caller, type TestRuntime } from './runtime'

export const as = (openid: string) => ({ ...topicsAs(openid), feedback: caller(feedback, openid) })

/**
 * Proposes a topic at each site in the clock's month, accepts it, puts it on the ballot, has
 * `voters` vote for each, closes the ballot and records each meeting: the topics are
 * `deliberated`. Leaves the clock after the month's ballot closed.
 */
export async function deliberatedTopics(rt: TestRuntime, sites: string[], { title = '图书馆周边停车难', proposer = 'demo-resident', voters = ['v1', 'v2', 'v3'] } = {}) {
  const month = rt.clock.now().toISOString().slice(0, 7)
  const ids: number[] = []
  for (const siteId of sites) ids.push((await as(proposer).topics('propose', draft(title, { siteId }))).data.id)
  for (const id of ids) await as('demo-staff').topics('screen', { topicId: id, decision: 'accept' })
  rt.clock.set(`${month}-20T16:00:00Z`)
  await ballotJobs(rt)
  for (const voter of voters) for (const id of ids) await as(voter).votes('cast', { topicId: id })
  rt.clock.set(`${month}-25T16:00:00Z`)
  await ballotJobs(rt)
  for (const id of ids) {
    const meeting = await as('demo-staff').topics('recordMeeting', {
      topicId: id, form: '议事会', at: `${month}-27T09:00:00+08:00`, place: '议事厅', participants: 20, sectors: ['社区居民'],
      opinions: '形成一致意见，交有关部门办理。', nextSteps: '交办',
    })
    expect(meeting.data.state).toBe('deliberated')
  }
  return ids
}

export const deliberatedTopic = async (rt: TestRuntime, options: Parameters<typeof deliberatedTopics>[2] & { siteId?: string } = {}) =>
  (await deliberatedTopics(rt, [options.siteId ?? 'F01'], options))[0]

/** A unit handler bound the real way: staff issue a profile, the person binds its code. */
export async function bindHandler(openid: string, unitId: string, name = '周强') {
  const profile = await caller(admin, 'demo-staff')('createProfile', { role: 'unit_handler', name, unitId })
  const bound = await caller(account, openid)('bind', { code: profile.data.bindCode })
  expect(bound.ok).toBe(true)
}

export const supervise = (rt: TestRuntime) => runJob(feedbackFn, 'superviseDeadlines', rt)

/**
 * The rules of 交办督复评 every topic obeys: a topic past `deliberated` has assignments; `replied`
 * means every unit replied and `assigned` that none has acknowledged; a published, evaluated or
 * closed topic has its outcome, an evaluated one its ratings; ratings only once published; ratings
 * reopen a topic at most once; supervision never passes 督办 and never skips a level.
 */
export async function checkFeedbackRules(db: Queryable) {
  const bad = async (sql: string) => expect(await db.query(sql)).toEqual([])
  await bad(`SELECT t.id, t.state FROM topics t WHERE t.state IN ('assigned', 'in_progress', 'replied', 'published', 'evaluated', 'closed', 'reopened')
    AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.topic_id = t.id AND a.status <> 'withdrawn')`)
  await bad(`SELECT t.id FROM topics t WHERE t.state = 'replied'
    AND EXISTS (SELECT 1 FROM assignments a WHERE a.topic_id = t.id AND a.status IN ('assigned', 'acknowledged'))`)
  await bad(`SELECT t.id FROM topics t WHERE t.state = 'assigned' AND EXISTS (SELECT 1 FROM assignments a WHERE a.topic_id = t.id AND a.status <> 'assigned')`)
  await bad(`SELECT t.id FROM topics t WHERE t.state IN ('published', 'evaluated', 'closed') AND NOT EXISTS (SELECT 1 FROM topic_outcomes o WHERE o.topic_id = t.id)`)
  await bad(`SELECT t.id FROM topics t WHERE t.state = 'evaluated' AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.topic_id = t.id)`)
  await bad('SELECT r.id FROM ratings r WHERE NOT EXISTS (SELECT 1 FROM topic_outcomes o WHERE o.topic_id = r.topic_id AND o.first_published_at <= r.created_at)')
  await bad(`SELECT topic_id FROM topic_timeline WHERE move = 'reopen' AND actor_id IS NULL GROUP BY topic_id HAVING count(*) > 1`)
  await bad('SELECT a.id FROM assignments a WHERE a.level <> (SELECT count(*) FROM supervision_events e WHERE e.assignment_id = a.id)')
  await bad('SELECT e.assignment_id FROM supervision_events e WHERE e.level > 1 AND NOT EXISTS (SELECT 1 FROM supervision_events p WHERE p.assignment_id = e.assignment_id AND p.level = e.level - 1)')
}
