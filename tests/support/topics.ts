/** Helpers for the 月月说事 tests: callers of topics and votes, and running the ballot jobs. */
import type { Queryable } from '../../cloudfunctions/core/db'
import { runJob } from '../../cloudfunctions/core/jobs'
import { moves, topicStates, type TopicMove } from '../../src/domain/topics'
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

/**
 * The rules every topic obeys, whoever made it: a known state reached by legal moves, one
 * timeline row per change in an unbroken chain, final counts equal to vote rows, and nobody with
 * more than K votes on a ballot.
 */
export async function checkTopicRules(db: Queryable) {
  const topics = await db.query('SELECT id, state FROM topics ORDER BY id')
  const timeline = await db.query('SELECT topic_id, move, from_state, to_state FROM topic_timeline ORDER BY id')
  for (const topic of topics) {
    expect(topicStates).toContain(topic.state)
    const rows = timeline.filter((row) => row.topic_id === topic.id)
    expect(rows[0]).toMatchObject({ move: 'propose', from_state: null })
    for (const [i, row] of rows.entries()) {
      if (i === 0) continue
      expect(row.from_state).toBe(rows[i - 1].to_state)
      expect(moves[row.move as TopicMove].from).toContain(row.from_state)
      expect(moves[row.move as TopicMove].to).toBe(row.to_state)
    }
    expect(rows.at(-1)?.to_state).toBe(topic.state)
  }
  const finals = await db.query(
    'SELECT t.id FROM topics t WHERE t.final_votes IS NOT NULL AND t.final_votes <> (SELECT count(*) FROM votes v WHERE v.topic_id = t.id)',
  )
  expect(finals).toEqual([])
  const over = await db.query(
    'SELECT v.cycle_id, v.user_id FROM votes v JOIN cycles c ON c.id = v.cycle_id GROUP BY v.cycle_id, v.user_id, c.votes_per_person HAVING count(*) > c.votes_per_person',
  )
  expect(over).toEqual([])
}
