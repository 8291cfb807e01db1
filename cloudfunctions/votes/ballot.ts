/** Reading a ballot and its results, and who may vote on it. */
import type { Ballot, BallotTopic, Results } from '../../src/domain/votes'
import { eligibleSince, type CycleSettings } from '../../src/domain/cycle'
import type { Queryable } from '../core/db'
import type { Caller } from '../core/identity'
import { cycleView, type CycleRow } from './cycles'

/** Whether the caller may vote on this cycle's ballot; when not, why and how to become eligible. */
export async function eligibility(db: Queryable, caller: Caller, cycle: CycleRow, now: Date): Promise<string | null> {
  const rule: CycleSettings = cycle.settings
  if (rule.eligibility === 'members') return caller.roles.has('member') ? null : '本期投票仅限政协委员参加。'
  if (rule.eligibility === 'checked_in') {
    const [seen] = await db.query('SELECT 1 FROM checkins WHERE user_id = $1 AND site_id = $2 AND day >= $3 LIMIT 1', [
      caller.userId,
      cycle.site_id,
      eligibleSince(now, rule.eligibilityDays),
    ])
    if (!seen) return `为防止动员刷票，本期投票仅限近 ${rule.eligibilityDays} 天内到本联盟点扫码签到过的群众。到现场扫描联盟点二维码签到后即可投票。`
  }
  return null
}

export const countsVisible = (cycle: CycleRow) => cycle.status === 'closed' || (cycle.status === 'voting' && cycle.settings.liveCounts)

/** The ballot's topics with their counts (hidden unless visible) and the caller's marks, best first once counts show. */
async function ballotTopics(db: Queryable, cycle: CycleRow, userId: number): Promise<(BallotTopic & { count: number; accepted_at: Date })[]> {
  const rows = await db.query(
    `SELECT t.id, t.title, t.category, t.state, t.accepted_at, coalesce(v.n, 0) AS count,
       EXISTS (SELECT 1 FROM votes m WHERE m.topic_id = t.id AND m.user_id = $2) AS mine
     FROM topics t LEFT JOIN (SELECT topic_id, count(*)::int AS n FROM votes WHERE cycle_id = $1 GROUP BY topic_id) v ON v.topic_id = t.id
     WHERE t.ballot_cycle_id = $1
     ORDER BY coalesce(v.n, 0) DESC, t.accepted_at, t.id`,
    [cycle.id, userId],
  )
  const visible = countsVisible(cycle)
  const topics = rows.map((row) => ({ ...row, votes: visible ? row.count : null })) as (BallotTopic & { count: number; accepted_at: Date })[]
  // Without counts, the order must not hint at them.
  return visible ? topics : topics.sort((a, b) => a.accepted_at.getTime() - b.accepted_at.getTime() || a.id - b.id)
}

const publicTopic = ({ id, title, category, state, votes, mine }: BallotTopic): BallotTopic => ({ id, title, category, state, votes, mine })

export async function ballotOf(db: Queryable, caller: Caller, cycle: CycleRow, siteName: string, now: Date): Promise<Ballot> {
  const topics = await ballotTopics(db, cycle, caller.userId)
  const [{ used }] = await db.query<{ used: number }>('SELECT count(*)::int AS used FROM votes WHERE cycle_id = $1 AND user_id = $2', [cycle.id, caller.userId])
  const reason = await eligibility(db, caller, cycle, now)
  return {
    cycle: cycleView(cycle, siteName, now),
    topics: topics.map(publicTopic),
    left: cycle.votes_per_person - used,
    eligible: reason === null,
    reason,
    eligibility: cycle.settings.eligibility,
  }
}

export async function resultsOf(db: Queryable, caller: Caller, cycle: CycleRow, siteName: string, now: Date): Promise<Results> {
  const topics = await ballotTopics(db, cycle, caller.userId)
  const [{ total, voters }] = await db.query<{ total: number; voters: number }>(
    'SELECT count(*)::int AS total, count(DISTINCT user_id)::int AS voters FROM votes WHERE cycle_id = $1',
    [cycle.id],
  )
  return {
    cycle: cycleView(cycle, siteName, now),
    topics: topics.map((topic, i) => ({ ...publicTopic(topic), rank: i + 1, selected: topic.state !== 'not_selected' && topic.state !== 'on_ballot' })),
    totalVotes: total,
    voters,
  }
}
