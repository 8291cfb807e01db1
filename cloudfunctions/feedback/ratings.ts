/**
 * 评: rating a published outcome (one rating per person and topic, changeable for a few days; the
 * reopen rule, once), a unit's appeal of a rating, and staff's decision on it.
 */
import type * as v from 'valibot'
import type { feedbackContract } from '../../src/domain/feedback/contract'
import { RATING_CHANGE_DAYS, shouldReopen, type Appeal } from '../../src/domain/feedback'
import { can, unitsOf } from '../../src/domain/feedback/permissions'
import { roleLabels } from '../../src/domain/roles'
import { fail } from '../core/errors'
import type { Caller } from '../core/identity'
import type { Scope } from '../core/scope'
import { loadTopic, moveTopic } from '../topics/public'
import { loadCalendar, reopenAssignments } from './work'

type Input<A extends keyof typeof feedbackContract> = v.InferOutput<(typeof feedbackContract)[A]['input']>

export async function rate(tx: Scope, caller: Caller, input: Input<'rate'>) {
  const topic = await loadTopic(tx.db, input.topicId, true)
  const [ties] = await tx.db.query<{ published: boolean; voted: boolean; following: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM topic_outcomes WHERE topic_id = $1) AS published,
       EXISTS (SELECT 1 FROM votes WHERE topic_id = $1 AND user_id = $2) AS voted,
       EXISTS (SELECT 1 FROM topic_followers WHERE topic_id = $1 AND user_id = $2) AS following`,
    [topic.id, caller.userId],
  )
  if (!ties.published) fail('conflict', '办理结果公示后才能评价')
  if (topic.state === 'closed') fail('conflict', '该议题已办结，评价已结束')
  const proposer = topic.proposer_id === caller.userId
  if (!can(caller, 'rate', { proposer, voted: ties.voted, following: ties.following })) fail('forbidden', '只有提议人、投票人和关注者可以评价')
  const [mine] = await tx.db.query<{ score: number; created_at: Date }>('SELECT score, created_at FROM ratings WHERE topic_id = $1 AND user_id = $2 FOR UPDATE', [topic.id, caller.userId])
  if (mine && !input.change) fail('duplicate', '您已评价过该议题', { score: mine.score })
  if (mine) {
    if (tx.now.getTime() > mine.created_at.getTime() + RATING_CHANGE_DAYS * 86_400_000) fail('expired', `评价 ${RATING_CHANGE_DAYS} 天内可以修改，现已超过期限`)
    await tx.db.query('UPDATE ratings SET score = $3, comment = $4, updated_at = $5 WHERE topic_id = $1 AND user_id = $2', [
      topic.id, caller.userId, input.score, input.comment ?? null, tx.now,
    ])
  } else {
    await tx.db.query('INSERT INTO ratings (topic_id, user_id, score, comment, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)', [
      topic.id, caller.userId, input.score, input.comment ?? null, tx.now,
    ])
  }
  const by = { userId: caller.userId, role: proposer ? '提议人' : roleLabels.resident }
  if (topic.state === 'published') await moveTopic(tx, topic, 'evaluate', by)
  const scores = await tx.db.query<{ score: number; own: boolean }>('SELECT score, user_id = $2 AS own FROM ratings WHERE topic_id = $1 AND NOT excluded', [topic.id, topic.proposer_id])
  const own = scores.find((row) => row.own)
  let reopened = false
  if (shouldReopen(scores.map((row) => row.score), own ? own.score : null) && ['replied', 'published', 'evaluated'].includes(topic.state)) {
    // The rule reopens a topic once: the first time it holds, recorded on the outcome.
    const [first] = await tx.db.query(
      'UPDATE topic_outcomes SET reopened_by_rating_at = $2 WHERE topic_id = $1 AND reopened_by_rating_at IS NULL RETURNING topic_id',
      [topic.id, tx.now],
    )
    if (first) {
      const average = scores.reduce((sum, row) => sum + row.score, 0) / scores.length
      const note = `群众评价不满意（${scores.length} 人评价，平均 ${average.toFixed(1)} 分），重新办理`
      await moveTopic(tx, topic, 'reopen', { userId: null, role: '系统' }, note)
      await reopenAssignments(tx, topic, await loadCalendar(tx.db), '群众评价不满意')
      reopened = true
    }
  }
  return { score: input.score, state: topic.state, reopened }
}

export async function appeal(tx: Scope, caller: Caller, input: Input<'appeal'>): Promise<Appeal> {
  const [rating] = await tx.db.query<{ id: number; topic_id: number; score: number; title: string; unit_id: string | null }>(
    `SELECT r.id, r.topic_id, r.score, t.title, a.unit_id FROM ratings r JOIN topics t ON t.id = r.topic_id
       LEFT JOIN assignments a ON a.topic_id = r.topic_id AND a.status <> 'withdrawn' AND a.unit_id = ANY($2)
     WHERE r.id = $1 ORDER BY a.unit_id LIMIT 1`,
    [input.ratingId, unitsOf(caller)],
  )
  if (!rating) fail('not_found', '未找到该评价')
  const unitId = rating.unit_id ?? fail('forbidden', '只能对本单位承办议题的评价提出申诉')
  const [row] = await tx.db.query<{ id: number }>(
    `INSERT INTO rating_appeals (rating_id, unit_id, reason, created_by, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (rating_id, unit_id) DO NOTHING RETURNING id`,
    [rating.id, unitId, input.reason, caller.userId, tx.now],
  )
  if (!row) fail('duplicate', '本单位已对该评价提出申诉')
  await tx.publish({ type: 'rating.appealed', key: `appeal:${row.id}`, topicId: rating.topic_id, title: rating.title, reason: input.reason })
  return { id: row.id, ratingId: rating.id, topicId: rating.topic_id, unitId, score: rating.score, reason: input.reason, status: 'pending' } satisfies Appeal
}

export async function decideAppeal(tx: Scope, caller: Caller, input: Input<'decideAppeal'>): Promise<Appeal> {
  const [appeal] = await tx.db.query<Appeal & { rating_id: number; created_by: number }>(
    `UPDATE rating_appeals p SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 FROM ratings r
     WHERE p.id = $1 AND p.status = 'pending' AND r.id = p.rating_id
     RETURNING p.id, p.rating_id AS "ratingId", r.topic_id AS "topicId", p.unit_id AS "unitId", r.score, p.reason, p.status, p.rating_id, p.created_by`,
    [input.appealId, input.uphold ? 'upheld' : 'dismissed', caller.userId, tx.now, input.note],
  )
  if (!appeal) {
    const known = await tx.db.query('SELECT 1 FROM rating_appeals WHERE id = $1', [input.appealId])
    fail(known.length ? 'conflict' : 'not_found', known.length ? '该申诉已处理' : '未找到该申诉')
  }
  if (input.uphold) await tx.db.query('UPDATE ratings SET excluded = true WHERE id = $1', [appeal.rating_id])
  await tx.publish({ type: 'appeal.decided', key: `appeal-decided:${appeal.id}`, topicId: appeal.topicId, appellantId: appeal.created_by, uphold: input.uphold, note: input.note })
  await tx.audit(`appeal:${appeal.id}`, { uphold: input.uphold })
  const { rating_id: _rating, created_by: _by, ...view } = appeal
  return view
}
