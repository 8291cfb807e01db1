/** Helpers for the 月月说事 tests: callers of topics and votes, and running the ballot jobs. */
import { runJob } from '../../cloudfunctions/core/jobs'
import { main as topics } from '../../cloudfunctions/topics'
import { definition as votesFn, main as votes } from '../../cloudfunctions/votes'
import { caller, type TestRuntime } from './runtime'

export const as = (openid: string) => ({ topics: caller(topics, openid), votes: caller(votes, openid) })

export const draft = (title: string, extra: object = {}) => ({
  siteId: 'F01',
  title,
  body: '小区周边停车位紧张，晚上经常停到绿化带上，希望协调增加停车位。',
  category: '交通出行',
  ...extra,
})

export async function ballotJobs(rt: TestRuntime) {
  const opened = await runJob(votesFn, 'openBallots', rt)
  const closed = await runJob(votesFn, 'closeBallots', rt)
  return { opened: opened.done, closed: closed.done }
}

export const tally = async (rt: TestRuntime) =>
  rt.db.query(`SELECT t.id, (SELECT count(*)::int FROM votes v WHERE v.topic_id = t.id) AS rows FROM topics t ORDER BY t.id`)
