/**
 * The ballot's jobs. Each claims its cycles one at a time (FOR UPDATE SKIP LOCKED, and a status
 * that only moves forward), so a run repeated or overlapping changes each cycle once.
 *  - openBallots: at the voting window's start, the month's accepted topics go on the ballot;
 *  - closeBallots: at its end, the top `winners` are selected (ties: earlier acceptance, then the
 *    lower id), the rest not selected, and final counts kept;
 *  - surgeWatch: a topic gaining ≥ 50 votes and ≥ 30% of its total within 10 minutes is reported
 *    to staff and the site's admins, once per surge.
 */
import { claimEach, type Job, type JobCtx } from '../core/jobs'
import { moveTopic, SYSTEM, type TopicRow } from '../topics/public'
import { BELOW_MINIMUM, defaultCycle, reachesMinimum } from '../../src/domain/cycle'
import type { CycleRow } from './cycles'

export const SURGE = { votes: 50, share: 0.3, minutes: 10 }

const topicColumns = 'id, site_id, month, proposer_id, title, state, merged_into, ballot_cycle_id, accepted_at'

type Tx = Parameters<Parameters<JobCtx['transaction']>[0]>[0]

/**
 * Moves cycles from one status to the next once `due` (a window instant) has passed, one cycle a
 * transaction (FOR UPDATE SKIP LOCKED), running `work` on each in the same transaction; answers how many.
 */
async function advanceCycles(ctx: JobCtx, from: string, to: string, due: string, stamp: string, work: (tx: Tx, cycle: CycleRow) => Promise<void>) {
  const claim = `UPDATE cycles SET status = '${to}', ${stamp} = $1 WHERE id =
      (SELECT id FROM cycles WHERE status = '${from}' AND ${due} <= $1 ORDER BY ${due}, id LIMIT 1 FOR UPDATE SKIP LOCKED)
    RETURNING *`
  return claimEach(ctx, async (tx) => {
    const [cycle] = (await tx.db.query(claim, [tx.now])) as CycleRow[]
    if (!cycle) return 0
    await work(tx, cycle)
    return 1
  })
}

export const openBallots: Job = {
  every: 1,
  run: (ctx) =>
    advanceCycles(ctx, 'proposing', 'voting', 'vote_start', 'opened_at', async (tx, cycle) => {
      const topics = (await tx.db.query(
        `SELECT ${topicColumns} FROM topics WHERE site_id = $1 AND month <= $2 AND state = 'accepted' ORDER BY accepted_at, id FOR UPDATE`,
        [cycle.site_id, cycle.month],
      )) as TopicRow[]
      for (const topic of topics) await moveTopic(tx, topic, 'ballot', SYSTEM, `${cycle.month} 月月说事投票`, { ballot_cycle_id: cycle.id })
    }),
}

export const closeBallots: Job = {
  every: 1,
  run: (ctx) =>
    advanceCycles(ctx, 'voting', 'closed', 'vote_end', 'closed_at', async (tx, cycle) => {
      const ranked = (await tx.db.query(
        `SELECT ${topicColumns.split(', ').map((c) => `t.${c}`).join(', ')}, (SELECT count(*)::int FROM votes v WHERE v.topic_id = t.id) AS votes
         FROM topics t WHERE t.ballot_cycle_id = $1 AND t.state = 'on_ballot'
         ORDER BY votes DESC, t.accepted_at, t.id FOR UPDATE`,
        [cycle.id],
      )) as (TopicRow & { votes: number })[]
      const settings = { ...defaultCycle, ...cycle.settings }
      for (const [rank, topic] of ranked.entries()) {
        const enough = reachesMinimum(topic.votes, settings)
        const chosen = rank < settings.winners && enough
        const note = `得票 ${topic.votes}，排名第 ${rank + 1}${enough ? '' : `，${BELOW_MINIMUM}（至少 ${settings.minVotes} 票）`}`
        await moveTopic(tx, topic, chosen ? 'select' : 'deselect', SYSTEM, note, { final_votes: topic.votes })
      }
    }),
}

export const surgeWatch: Job = {
  every: 5,
  run: async (ctx) => {
    const since = new Date(ctx.now.getTime() - SURGE.minutes * 60_000)
    const surging = await ctx.db.query(
      `SELECT v.topic_id, count(*) FILTER (WHERE v.at > $1)::int AS recent, count(*)::int AS total
       FROM votes v JOIN cycles c ON c.id = v.cycle_id WHERE c.status = 'voting'
       GROUP BY v.topic_id
       HAVING count(*) FILTER (WHERE v.at > $1) >= $2 AND count(*) FILTER (WHERE v.at > $1) >= $3::float8 * count(*)`,
      [since, SURGE.votes, SURGE.share],
    )
    let reported = 0
    for (const { topic_id: topicId, recent, total } of surging) {
      reported += await ctx.transaction(async ({ db, now, publish }) => {
        const [topic] = await db.query('SELECT id, site_id, title FROM topics WHERE id = $1 FOR UPDATE', [topicId])
        const [ongoing] = await db.query('SELECT id FROM topic_surges WHERE topic_id = $1 AND last_seen_at >= $2 ORDER BY id DESC LIMIT 1', [topicId, since])
        if (ongoing) {
          await db.query('UPDATE topic_surges SET last_seen_at = $2 WHERE id = $1', [ongoing.id, now])
          return 0
        }
        const [surge] = await db.query('INSERT INTO topic_surges (topic_id, started_at, last_seen_at) VALUES ($1, $2, $2) RETURNING id', [topicId, now])
        await publish({ type: 'topic.surging', key: `surge:${surge.id}`, topicId: Number(topicId), siteId: topic.site_id, title: topic.title, recent, total, minutes: SURGE.minutes })
        return 1
      })
    }
    return reported
  },
}
