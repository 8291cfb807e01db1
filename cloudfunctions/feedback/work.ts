/**
 * The writing side of 交办督复评 shared by actions and jobs: the holiday calendar, locking an
 * assignment, raising supervision (one event row and one message per person per level, whatever
 * raised it) and reopening a topic's assignments; what they cause others to
 * hear of goes out as domain events.
 */
import type { Escalation } from '../../src/domain/events'
import { addWorkingDays, dayOf, dueEnd, MAX_LEVEL, REOPEN_DAYS, type AssignmentStatus, type Calendar, type DayKind } from '../../src/domain/feedback'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import type { Scope } from '../core/scope'

export async function loadCalendar(db: Queryable): Promise<Calendar> {
  const rows = await db.query<{ day: string; kind: DayKind }>('SELECT day, kind FROM calendar_days')
  return new Map(rows.map((row) => [row.day, row.kind]))
}

export interface AssignmentRow {
  id: number
  topic_id: number
  unit_id: string
  status: AssignmentStatus
  level: number
  ack_due: string
  reply_due: string
  next_check: Date | null
}

/** The assignment, locked; `not_found` when there is none. Lock its topic first (the topics' lock order). */
export async function lockAssignment(db: Queryable, id: number): Promise<AssignmentRow> {
  const [row] = await db.query<AssignmentRow>(
    'SELECT id, topic_id, unit_id, status, level, ack_due, reply_due, next_check FROM assignments WHERE id = $1 FOR UPDATE',
    [id],
  )
  return row ?? fail('not_found', '未找到该交办事项')
}

/** The topic id of an assignment, read without a lock (to lock the topic before the assignment). */
export async function topicOfAssignment(db: Queryable, id: number): Promise<number> {
  const [row] = await db.query<{ topic_id: number }>('SELECT topic_id FROM assignments WHERE id = $1', [id])
  return row ? (row.topic_id as number) : fail('not_found', '未找到该交办事项')
}

/**
 * Records each escalation once (the key `(assignment, level)`) and publishes the new ones
 * (`assignments.escalated`: the unit's handlers and district staff hear of each). Answers how many
 * escalations were new.
 */
export async function recordEscalations({ db, now, publish }: Pick<Scope, 'db' | 'now' | 'publish'>, list: Escalation[], byUserId: number | null = null): Promise<number> {
  if (list.length === 0) return 0
  const columns = [list.map((e) => e.id), list.map((e) => e.level), list.map((e) => e.reason)]
  const fresh = await db.query(
    `INSERT INTO supervision_events (assignment_id, level, at, reason, by_user_id)
     SELECT x.id, x.level, $4, x.reason, $5 FROM unnest($1::bigint[], $2::int[], $3::text[]) x(id, level, reason)
     ON CONFLICT DO NOTHING RETURNING assignment_id, level`,
    [...columns, now, byUserId],
  )
  const isNew = new Set(fresh.map((row) => `${row.assignment_id}:${row.level}`))
  const told = list.filter((e) => isNew.has(`${e.id}:${e.level}`))
  if (told.length === 0) return 0
  await publish({ type: 'assignments.escalated', escalations: told })
  return told.length
}

/**
 * A topic reopened (督): each of its assignments goes back to handling with a new reply deadline,
 * and its supervision rises one level (once per level, as every escalation).
 */
export async function reopenAssignments(tx: Pick<Scope, 'db' | 'now' | 'publish'>, topic: { id: number; title: string }, calendar: Calendar, reason: string) {
  const replyDue = addWorkingDays(dayOf(tx.now), REOPEN_DAYS, calendar)
  const rows = await tx.db.query<Pick<AssignmentRow, 'id' | 'unit_id' | 'level'>>(
    `UPDATE assignments SET status = CASE WHEN status = 'replied' THEN 'acknowledged' ELSE status END, reopened_at = $2,
       reply_due = $3, reply_end = $4, reply_overdue = false, level = least(level + 1, ${MAX_LEVEL}), next_check = $4
     WHERE topic_id = $1 AND status <> 'withdrawn' RETURNING id, unit_id, level`,
    [topic.id, tx.now, replyDue, dueEnd(replyDue)],
  )
  await recordEscalations(tx, rows.map((row) => ({ id: row.id, topicId: topic.id, unitId: row.unit_id, title: topic.title, level: row.level, reason })))
  // The units are told of the reopen itself too: at 督办 already, the escalation above tells nobody again.
  await tx.publish({
    type: 'assignments.reopened', key: 'reopen', topicId: topic.id, title: topic.title, reason, replyDue,
    assignments: rows.map((row) => ({ id: row.id, unitId: row.unit_id })),
  })
}
