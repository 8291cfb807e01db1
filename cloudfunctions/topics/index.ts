/** topics: 月月说事 proposals (提), screening, topic pages and lists, following, the meeting record (议). */
import { topicsContract } from '../../src/domain/topics/contract'
import { finishedStates, mergeTargetStates, topicStateLabels } from '../../src/domain/topics'
import { addMonths, shanghaiMonth } from '../../src/domain/cycle'
import { shanghaiDay } from '../../src/domain/time'
import * as topicPermissions from '../../src/domain/topics/permissions'
import { managesSite } from '../../src/domain/sites/permissions'
import { everyone, screeners, siteManagers } from '../core/access'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { screenText } from '../core/content'
import { take, type Limit } from '../core/rate-limit'
import { createMain, defineFunction } from '../core/router'
import { requireOwnPhotos } from '../core/uploads'
import { findSite } from '../sites/public'
import { ensureCycle, proposalCycle } from '../votes/public'
import { actorRole, loadTopic, moveTopic, type TopicRow } from './moves'
import { indexTitle, listTopics, similarTopics, topicDetail } from './read'

/** Proposals one person may make in an Asia/Shanghai day (PROPOSALS_PER_DAY). */
export const PROPOSALS_PER_DAY = Number(process.env.PROPOSALS_PER_DAY ?? 3)
/** The day's proposals of one person: the key names the Shanghai day, so a window of a day counts that day's alone. */
const proposalLimit = (userId: number, day: string): Limit => ({ key: `propose:${userId}:${day}`, max: PROPOSALS_PER_DAY, windowMs: 86_400_000 })

type Following = { following: boolean; supporting: boolean; supporters: number }

const asText = (draft: { title: string; body: string }) => `${draft.title}\n${draft.body}`

export const definition = defineFunction({
  name: 'topics',
  contract: topicsContract,
  openapi: ['security.msgSecCheck'],
  access: {
      propose: everyone,
      edit: everyone,
      similar: everyone,
      screen: screeners,
      get: everyone,
      list: everyone,
      follow: everyone,
      recordMeeting: siteManagers,
  },
  actions: {
    propose: async ({ db: plain, input, caller, platform, transaction, now }) => {
      const site = await findSite(plain, input.siteId)
      const verdict = await screenText(platform, asText(input), caller.openid, 'moderated')
      return transaction(async (tx) => {
        const { db } = tx
        await requireOwnPhotos(db, caller.userId, input.photos)
        const day = shanghaiDay(now)
        // A slot of the day's proposals, taken in this transaction: a proposal that fails gives it back.
        await take(tx, proposalLimit(caller.userId, day), `每人每天最多提出 ${PROPOSALS_PER_DAY} 个议题，请明天再来`)
        const cycle = await proposalCycle(db, site.id, shanghaiMonth(now), now)
        const state = verdict === 'held' ? 'held' : 'submitted'
        const [topic] = await db.query<{ id: number }>(
          `INSERT INTO topics (site_id, month, proposer_id, title, body, category, photos, state, gram_count, proposed_day, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10, $10) RETURNING id`,
          [site.id, cycle.month, caller.userId, input.title, input.body, input.category, JSON.stringify(input.photos), state, day, now],
        )
        const grams = await indexTitle(db, { id: topic.id, siteId: site.id, title: input.title })
        await db.query('UPDATE topics SET gram_count = $2 WHERE id = $1', [topic.id, grams])
        await db.query(
          `INSERT INTO topic_timeline (topic_id, at, actor_id, actor_role, move, to_state, note) VALUES ($1, $2, $3, '提议人', 'propose', $4, $5)`,
          [topic.id, now, caller.userId, state, state === 'held' ? '内容需人工审核' : null],
        )
        await db.query('INSERT INTO topic_followers (topic_id, user_id, at) VALUES ($1, $2, $3)', [topic.id, caller.userId, now])
        return { id: topic.id, state, month: cycle.month }
      })
    },

    edit: async ({ input, caller, platform, transaction }) => {
      const verdict = await screenText(platform, asText(input), caller.openid, 'moderated')
      return transaction(async (tx) => {
        const topic = await loadTopic(tx.db, input.topicId, true)
        if (!topicPermissions.can(caller, 'edit', { siteId: topic.site_id, proposerId: topic.proposer_id, state: topic.state })) {
          fail(topic.proposer_id === caller.userId ? 'conflict' : 'forbidden', topic.proposer_id === caller.userId ? '只有被退回的议题可以修改' : '只能修改自己提出的议题')
        }
        const [{ photos: carried }] = await tx.db.query<{ photos: string[] }>('SELECT photos FROM topics WHERE id = $1', [topic.id])
        await requireOwnPhotos(tx.db, caller.userId, input.photos, carried)
        await tx.db.query('UPDATE topics SET title = $2, body = $3, category = $4, photos = $5 WHERE id = $1', [
          topic.id, input.title, input.body, input.category, JSON.stringify(input.photos),
        ])
        const grams = await indexTitle(tx.db, { id: topic.id, siteId: topic.site_id, title: input.title })
        const state = await moveTopic(tx, topic, verdict === 'held' ? 'hold' : 'resubmit', { userId: caller.userId, role: '提议人' }, null, {
          gram_count: grams,
          title: input.title,
        })
        return { id: topic.id, state }
      })
    },

    similar: async ({ db, input }) => similarTopics(db, input.siteId, input.title),

    screen: async ({ input, caller, transaction }) =>
      transaction(async (tx) => {
        const topic = await loadTopic(tx.db, input.topicId, true)
        const by = { userId: caller.userId, role: actorRole(caller, topic) }
        const rule = input.decision === 'release' ? 'release' : 'screen'
        if (!topicPermissions.can(caller, rule, { siteId: topic.site_id })) fail('forbidden', '只能处理本联盟点的议题')
        const note = input.note || null
        if (input.decision === 'merge') return { id: topic.id, state: await merge(tx, topic, input.intoTopicId, by, note) }
        if (input.decision !== 'accept') return { id: topic.id, state: await moveTopic(tx, topic, input.decision, by, note) }
        // Accepted after its month's ballot was set: it goes on the next month's ballot.
        const cycle = await ensureCycle(tx.db, topic.site_id, topic.month)
        const month = cycle.status === 'proposing' ? topic.month : addMonths(topic.month, 1)
        if (month !== topic.month) await ensureCycle(tx.db, topic.site_id, month)
        return { id: topic.id, state: await moveTopic(tx, topic, 'accept', by, note, { accepted_at: tx.now, month }) }
      }),

    get: async ({ db, input, caller }) =>
      topicDetail(db, input.topicId, { userId: caller.userId, mayScreen: (siteId) => managesSite(caller, siteId) }),

    list: async ({ db, input, caller }) => listTopics(db, caller.userId, input, topicPermissions.can(caller, 'release', { siteId: '' })),

    follow: async ({ input, caller, transaction }) =>
      transaction(async ({ db, now }) => {
        const topic = await loadTopic(db, input.topicId)
        if (['held', 'rejected', 'merged'].includes(topic.state) && input.follow) fail('conflict', '该议题已结束，无法关注')
        if (input.support && topic.proposer_id === caller.userId) fail('forbidden', '不能支持自己提出的议题')
        if (input.follow) {
          await db.query(
            `INSERT INTO topic_followers (topic_id, user_id, supporter, at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (topic_id, user_id) DO UPDATE SET supporter = topic_followers.supporter OR EXCLUDED.supporter`,
            [topic.id, caller.userId, input.support ?? false, now],
          )
        } else {
          await db.query('DELETE FROM topic_followers WHERE topic_id = $1 AND user_id = $2', [topic.id, caller.userId])
        }
        const [row] = await db.query<Following>(
          `SELECT EXISTS (SELECT 1 FROM topic_followers WHERE topic_id = $1 AND user_id = $2) AS following,
             EXISTS (SELECT 1 FROM topic_followers WHERE topic_id = $1 AND user_id = $2 AND supporter) AS supporting,
             (SELECT count(*)::int FROM topic_followers WHERE topic_id = $1 AND supporter) AS supporters`,
          [topic.id, caller.userId],
        )
        return row
      }),

    recordMeeting: async ({ input, caller, transaction }) =>
      transaction(async (tx) => {
        const topic = await loadTopic(tx.db, input.topicId, true)
        if (!topicPermissions.can(caller, 'recordMeeting', { siteId: topic.site_id })) fail('forbidden', '只能记录本联盟点议题的协商')
        await refuseMeetingBeforeSelection(tx.db, topic.id, new Date(input.at))
        if (input.activityId) {
          const [activity] = await tx.db.query<{ site_id: string }>('SELECT site_id FROM activities WHERE id = $1', [input.activityId])
          if (!activity) fail('not_found', '未找到该活动')
        }
        const state = await moveTopic(tx, topic, 'deliberate', { userId: caller.userId, role: actorRole(caller, topic) }, `${input.form}：${input.opinions}`)
        await tx.db.query(
          `INSERT INTO topic_meetings (topic_id, form, at, place, activity_id, participants, sectors, opinions, next_steps, recorded_by, recorded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [topic.id, input.form, input.at, input.place, input.activityId ?? null, input.participants, input.sectors, input.opinions, input.nextSteps, caller.userId, tx.now],
        )
        await tx.audit(`topic:${topic.id}`, { move: 'deliberate' })
        return { id: topic.id, state }
      }),
  },
})

/** A consultation meeting takes place on or after the day its topic was chosen (Asia/Shanghai). */
async function refuseMeetingBeforeSelection(db: Queryable, topicId: number, at: Date) {
  const [selected] = await db.query<{ at: Date }>(
    "SELECT at FROM topic_timeline WHERE topic_id = $1 AND to_state = 'selected' ORDER BY id DESC LIMIT 1",
    [topicId],
  )
  if (selected && shanghaiDay(at) < shanghaiDay(selected.at)) {
    fail('invalid_input', `协商日期不能早于议题入选日期（${shanghaiDay(selected.at)}）`)
  }
}

/** Merges a submitted topic into another of the same site; its followers and supporters move there, once each. */
async function merge(tx: Parameters<typeof moveTopic>[0], topic: TopicRow, intoId: number | undefined, by: { userId: number; role: string }, note: string | null) {
  if (!intoId) return fail('invalid_input', '请选择要合并到的议题')
  if (intoId === topic.id) return fail('invalid_input', '不能合并到自身')
  const target = await loadTopic(tx.db, intoId, true)
  if (target.site_id !== topic.site_id) return fail('invalid_input', '只能合并到同一联盟点的议题')
  if (finishedStates.includes(target.state)) return fail('invalid_input', `目标议题已办结（${topicStateLabels[target.state]}），不能再合并，请作为新议题单独受理`)
  if (!mergeTargetStates.includes(target.state)) return fail('conflict', '目标议题当前不能接受合并')
  const state = await moveTopic(tx, topic, 'merge', by, note, { merged_into: target.id })
  // Nobody supports their own topic: the target's proposer keeps following it, never as a supporter.
  await tx.db.query(
    `INSERT INTO topic_followers (topic_id, user_id, supporter, at)
     SELECT $2, user_id, supporter AND user_id <> $4, $3 FROM topic_followers WHERE topic_id = $1
     ON CONFLICT (topic_id, user_id) DO UPDATE SET supporter = topic_followers.supporter OR EXCLUDED.supporter`,
    [topic.id, target.id, tx.now, target.proposer_id],
  )
  if (topic.proposer_id !== target.proposer_id) {
    await tx.db.query('UPDATE topic_followers SET supporter = true WHERE topic_id = $1 AND user_id = $2', [target.id, topic.proposer_id])
  }
  return state
}

export const main = createMain(definition)
