/** votes: the monthly ballot of 月月说事: its settings, casting and withdrawing votes, results, and its jobs. */
import { votesContract } from '../../src/domain/votes/contract'
import { settingsProblem, shanghaiMonth, type CycleSettings } from '../../src/domain/cycle'
import * as votePermissions from '../../src/domain/votes/permissions'
import { everyone, siteManagers } from '../core/access'
import { fail } from '../core/errors'
import { createMain, defineFunction } from '../core/router'
import { findSite } from '../sites/public'
import { ballotOf, eligibility, resultsOf } from './ballot'
import { cycleValues, cycleView, ensureCycle, findCycle, siteSettings, type CycleRow } from './cycles'
import { castVote } from './cast'
import { closeBallots, openBallots, surgeWatch } from './jobs'

const loadCycle = async (db: Parameters<typeof ensureCycle>[0], id: number) =>
  (await db.query<CycleRow>('SELECT * FROM cycles WHERE id = $1', [id]))[0]

export const definition = defineFunction({
  name: 'votes',
  contract: votesContract,
  openapi: [],
  access: { configure: siteManagers, ballot: everyone, cast: everyone, withdraw: everyone, results: everyone },
  actions: {
    configure: async ({ input, caller, transaction }) => {
      const { siteId, month, ...changes } = input
      if (!votePermissions.can(caller, 'configure', { siteId })) fail('forbidden', '只能设置本联盟点的月月说事')
      return transaction(async ({ db, now, audit }) => {
        const site = await findSite(db, siteId)
        const cycle = await ensureCycle(db, siteId, month)
        if (cycle.status !== 'proposing' || now >= cycle.vote_start) fail('conflict', '投票已开始，本期设置不能再修改')
        const settings: CycleSettings = { ...(await siteSettings(db, siteId)), ...cycle.settings, ...changes }
        const problem = settingsProblem(settings)
        if (problem) fail('invalid_input', problem)
        const [updated] = await db.query<CycleRow>(
          `UPDATE cycles SET settings = $2, propose_start = $3, propose_end = $4, vote_start = $5, vote_end = $6, meeting_at = $7,
             votes_per_person = $8 WHERE id = $1 RETURNING *`,
          [cycle.id, ...cycleValues(month, settings)],
        )
        await audit(`cycle:${siteId}:${month}`, { ...changes })
        return cycleView(updated, site.name, now)
      })
    },

    ballot: async ({ db, input, caller, now }) => {
      const site = await findSite(db, input.siteId)
      const cycle = await ensureCycle(db, site.id, input.month ?? shanghaiMonth(now))
      return ballotOf(db, caller, cycle, site.name, now)
    },

    cast: async ({ db, input, caller, now }) => {
      let verified = false
      for (let attempt = 0; attempt <= 10; attempt++) {
        const row = await castVote(db, { topicId: input.topicId, userId: caller.userId, at: now, verified })
        if (row.state === null) fail('not_found', '未找到该议题')
        const left = row.votes_per_person - row.used - (row.cast ? 1 : 0)
        if (row.cast) return { left }
        // A topic that was on a ballot whose window is over answers poll_closed, whatever became of the topic since.
        if (row.cycle_id && (row.status !== 'voting' || now < row.vote_start || now >= row.vote_end)) fail('poll_closed', '本期投票不在进行中')
        if (row.state !== 'on_ballot' || !row.cycle_id) return fail('conflict', '该议题不在本期投票中')
        if (row.here) fail('duplicate', '您已为该议题投过票', { left })
        if (row.used >= row.votes_per_person) fail('conflict', `您的 ${row.votes_per_person} 票已用完，可撤回后改投`, { left: 0 })
        if (row.eligibility !== 'anyone' && !verified) {
          const reason = await eligibility(db, caller, await loadCycle(db, row.cycle_id), now)
          if (reason) fail('forbidden', reason)
          verified = true
        }
        // Otherwise a cast of this person's through another instance took the same slot a moment ago: try the next one.
      }
      return fail('conflict', '投票太快了，请重试')
    },

    withdraw: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now }) => {
        const [topic] = await db.query<{ id: number; ballot_cycle_id: number | null }>('SELECT id, ballot_cycle_id FROM topics WHERE id = $1', [input.topicId])
        if (!topic) fail('not_found', '未找到该议题')
        const cycle = topic.ballot_cycle_id ? await loadCycle(db, topic.ballot_cycle_id) : undefined
        if (!cycle || cycle.status !== 'voting' || now >= cycle.vote_end) fail('poll_closed', '本期投票不在进行中')
        const gone = await db.query<{ id: number }>('DELETE FROM votes WHERE cycle_id = $1 AND topic_id = $2 AND user_id = $3 RETURNING id', [
          cycle!.id, topic.id, caller.userId,
        ])
        if (gone.length === 0) fail('not_found', '您没有为该议题投票')
        const [{ used }] = await db.query<{ used: number }>('SELECT count(*)::int AS used FROM votes WHERE cycle_id = $1 AND user_id = $2', [cycle!.id, caller.userId])
        return { left: cycle!.votes_per_person - used }
      }),

    results: async ({ db, input, caller, now }) => {
      const site = await findSite(db, input.siteId)
      const cycle = await findCycle(db, site.id, input.month)
      if (!cycle) fail('not_found', '该月没有月月说事投票')
      if (cycle.status !== 'closed' && !cycle.settings.liveCounts) fail('conflict', '投票结束后公布结果')
      return resultsOf(db, caller, cycle, site.name, now)
    },
  },
  jobs: { openBallots, closeBallots, surgeWatch },
})

export const main = createMain(definition)
