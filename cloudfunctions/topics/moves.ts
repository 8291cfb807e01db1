/**
 * Moving a topic through its lifecycle: one place that checks the move against the state machine,
 * changes the state, writes the timeline row and tells the followers, all in the caller's
 * transaction. Used by the topics and votes functions and their jobs.
 */
import { isDistrictStaff, type Person } from '../../src/domain/person'
import { managesSite } from '../../src/domain/sites/permissions'
import { roleLabels } from '../../src/domain/roles'
import { moves, nextState, topicStateLabels, type TopicMove, type TopicState } from '../../src/domain/topics'
import { fail } from '../core/errors'
import type { Queryable } from '../core/db'
import type { Scope } from '../core/scope'

export interface TopicRow {
  id: number
  site_id: string
  month: string
  proposer_id: number
  title: string
  state: TopicState
  merged_into: number | null
  ballot_cycle_id: number | null
  accepted_at: Date | null
}

/** A TopicRow's columns as read from `topics t`. */
export const topicColumns = ['id', 'site_id', 'month', 'proposer_id', 'title', 'state', 'merged_into', 'ballot_cycle_id', 'accepted_at'].map((c) => `t.${c}`).join(', ')

/** The topic, locked for this transaction when `lock` is set; `not_found` when there is none. */
export async function loadTopic(db: Queryable, id: number, lock = false): Promise<TopicRow> {
  const [topic] = await db.query<TopicRow>(
    `SELECT ${topicColumns} FROM topics t WHERE t.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  )
  return topic ?? fail('not_found', '未找到该议题')
}

/** How the timeline names a person's part in this topic's story. */
export function actorRole(person: Person, topic: Pick<TopicRow, 'site_id' | 'proposer_id'>): string {
  if (isDistrictStaff(person)) return roleLabels.staff
  if (managesSite(person, topic.site_id)) return roleLabels.site_admin
  if (person.userId === topic.proposer_id) return '提议人'
  return roleLabels.resident
}

export interface Mover {
  userId: number | null
  role: string
}

export const SYSTEM: Mover = { userId: null, role: '系统' }

/** Makes a move or refuses it (`conflict`, with the topic's state); answers the new state. */
export async function moveTopic(
  { db, now, publish }: Pick<Scope, 'db' | 'now' | 'publish'>,
  topic: TopicRow,
  move: TopicMove,
  by: Mover,
  note: string | null = null,
  changes: Record<string, unknown> = {},
): Promise<TopicState> {
  const to = nextState(topic.state, move)
  if (!to) return fail('conflict', `议题当前状态为“${topicStateLabels[topic.state]}”，不能${moves[move].label}`)
  if (moves[move].note && !note) return fail('invalid_input', `${moves[move].label}须填写说明`)
  const sets = Object.keys(changes).map((column, i) => `, ${column} = $${i + 4}`).join('')
  await db.query(`UPDATE topics SET state = $2, updated_at = $3${sets} WHERE id = $1`, [topic.id, to, now, ...Object.values(changes)])
  const [entry] = await db.query<{ id: number }>(
    `INSERT INTO topic_timeline (topic_id, at, actor_id, actor_role, move, from_state, to_state, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [topic.id, now, by.userId, by.role, move, topic.state, to, note],
  )
  const followers = (await db.query<{ user_id: number }>('SELECT user_id FROM topic_followers WHERE topic_id = $1 AND user_id IS DISTINCT FROM $2', [topic.id, by.userId]))
    .map((row) => row.user_id as number)
  await publish({ type: 'topic.moved', key: `topic:${topic.id}:${entry.id}`, topicId: topic.id, title: topic.title, move, to, note, followers })
  topic.state = to
  return to
}
