/**
 * The ballot's jobs. Each claims its cycles one at a time (FOR UPDATE SKIP LOCKED, and a status
 * that only moves forward), so a run repeated or overlapping changes each cycle once.
 *  - openBallots: at the voting window's start, the month's accepted topics go on the ballot
 *    (the event `ballot.opened`, which topics handles);
 *  - closeBallots: at its end, the final counts go to topics (`ballot.closed`), which selects the
 *    top `winners` (ties: earlier acceptance, then the lower id) and keeps the counts;
 *  - surgeWatch: a topic gaining ≥ 50 votes and ≥ 30% of its total within 10 minutes is reported
 *    to staff and the site's admins, once per surge.
 */
import { claimEach, type Job, type JobCtx } from '../core/jobs'
import { defaultCycle } from '../../src/domain/cycle'
import type { CycleRow } from './cycles'

export const SURGE = { votes: 50, share: 0.3, minutes: 10 }

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
    const [cycle] = await tx.db.query<CycleRow>(claim, [tx.now])
    if (!cycle) return 0
    await work(tx, cycle)
    return 1
  })
}

/** At the voting window's start the cycle is open: topics puts the month's accepted topics on its ballot. */
export const openBallots: Job = {
  every: 1,
  run: (ctx) =>
    advanceCycles(ctx, 'proposing', 'voting', 'vote_start', 'opened_at', async (tx, cycle) => {
      await tx.publish({ type: 'ballot.opened', cycleId: Number(cycle.id), siteId: cycle.site_id, month: cycle.month })
    }),
}

/** At its end the counts are final: topics selects the top `winners` that reach the minimum. */
export const closeBallots: Job = {
  every: 1,
  run: (ctx) =>
    advanceCycles(ctx, 'voting', 'closed', 'vote_end', 'closed_at', async (tx, cycle) => {
      const counts = await tx.db.query('SELECT topic_id AS "topicId", count(*)::int AS votes FROM votes WHERE cycle_id = $1 GROUP BY topic_id', [cycle.id])
      await tx.publish({
        type: 'ballot.closed',
        cycleId: Number(cycle.id),
        settings: { ...defaultCycle, ...cycle.settings },
        counts: counts.map((row) => ({ topicId: Number(row.topicId), votes: row.votes as number })),
      })
    }),
}

export const surgeWatch: Job = {
  every: 5,
  run: async (ctx) => {
    const since = new Date(ctx.now.getTime() - SURGE.minutes * 60_000)
    const surging = await ctx.db.query<{ topic_id: number; recent: number; total: number }>(
      `SELECT v.topic_id, count(*) FILTER (WHERE v.at > $1)::int AS recent, count(*)::int AS total
       FROM votes v JOIN cycles c ON c.id = v.cycle_id WHERE c.status = 'voting'
       GROUP BY v.topic_id
       HAVING count(*) FILTER (WHERE v.at > $1) >= $2 AND count(*) FILTER (WHERE v.at > $1) >= $3::float8 * count(*)`,
      [since, SURGE.votes, SURGE.share],
    )
    let reported = 0
    for (const { topic_id: topicId, recent, total } of surging) {
      reported += await ctx.transaction(async ({ db, now, publish }) => {
        const [topic] = await db.query<{ id: number; site_id: string; title: string }>('SELECT id, site_id, title FROM topics WHERE id = $1 FOR UPDATE', [topicId])
        const [ongoing] = await db.query<{ id: number }>('SELECT id FROM topic_surges WHERE topic_id = $1 AND last_seen_at >= $2 ORDER BY id DESC LIMIT 1', [topicId, since])
        if (ongoing) {
          await db.query('UPDATE topic_surges SET last_seen_at = $2 WHERE id = $1', [ongoing.id, now])
          return 0
        }
        const [surge] = await db.query<{ id: number }>('INSERT INTO topic_surges (topic_id, started_at, last_seen_at) VALUES ($1, $2, $2) RETURNING id', [topicId, now])
        await publish({ type: 'topic.surging', key: `surge:${surge.id}`, topicId, siteId: topic.site_id, title: topic.title, recent, total, minutes: SURGE.minutes })
        return 1
      })
    }
    return reported
  },
}
