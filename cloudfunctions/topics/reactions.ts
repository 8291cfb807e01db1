/**
 * What a ballot's opening and closing (votes' facts) do to topics: the month's accepted topics go
 * on the ballot; at the close the top `winners` that reach the minimum are selected (ties: earlier
 * acceptance, then the lower id), the rest not selected, each keeping its final count.
 */
import { BELOW_MINIMUM, reachesMinimum } from '../../src/domain/cycle'
import type { Reactions } from '../core/events'
import { moveTopic, SYSTEM, topicColumns as columns, type TopicRow } from './moves'

export const reactions: Reactions = {
  'ballot.opened': async (tx, { cycleId, siteId, month }) => {
    const topics = await tx.db.query<TopicRow>(
      `SELECT ${columns} FROM topics t WHERE t.site_id = $1 AND t.month <= $2 AND t.state = 'accepted' ORDER BY t.accepted_at, t.id FOR UPDATE`,
      [siteId, month],
    )
    for (const topic of topics) await moveTopic(tx, topic, 'ballot', SYSTEM, `${month} 月月说事投票`, { ballot_cycle_id: cycleId })
    return 0
  },

  'ballot.closed': async (tx, { cycleId, settings, counts }) => {
    const ranked = (await tx.db.query(
      `SELECT ${columns}, coalesce(c.votes, 0)::int AS votes
       FROM topics t LEFT JOIN unnest($2::bigint[], $3::int[]) c(topic_id, votes) ON c.topic_id = t.id
       WHERE t.ballot_cycle_id = $1 AND t.state = 'on_ballot'
       ORDER BY votes DESC, t.accepted_at, t.id FOR UPDATE OF t`,
      [cycleId, counts.map((c) => c.topicId), counts.map((c) => c.votes)],
    )) as (TopicRow & { votes: number })[]
    for (const [rank, topic] of ranked.entries()) {
      const enough = reachesMinimum(topic.votes, settings)
      const chosen = rank < settings.winners && enough
      const note = `得票 ${topic.votes}，排名第 ${rank + 1}${enough ? '' : `，${BELOW_MINIMUM}（至少 ${settings.minVotes} 票）`}`
      await moveTopic(tx, topic, chosen ? 'select' : 'deselect', SYSTEM, note, { final_votes: topic.votes })
    }
    return 0
  },
}
