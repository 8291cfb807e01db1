/**
 * The writing side of 交办督复评 shared by actions and jobs: the holiday calendar, locking an
 * assignment, raising supervision (one event row and one message per person per level, whatever
 * raised it), reopening a topic's assignments, the content check, and telling staff and units.
 */
import { addWorkingDays, dayOf, dueEnd, MAX_LEVEL, REOPEN_DAYS, supervisionLabels, type Calendar, type DayKind } from '../../src/domain/feedback'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import type { Scope } from '../core/scope'

export async function loadCalendar(db: Queryable): Promise<Calendar> {
  const rows = await db.query('SELECT day, kind FROM calendar_days')
  return new Map(rows.map((row) => [row.day as string, row.kind as DayKind]))
}

export interface AssignmentRow {
  id: number
  topic_id: number
  unit_id: string
  status: string
  level: number
  ack_due: string
  reply_due: string
  next_check: Date | null
}

/** The assignment, locked; `not_found` when there is none. Lock its topic first (the topics' lock order). */
export async function lockAssignment(db: Queryable, id: number): Promise<AssignmentRow> {
  const [row] = (await db.query(
    'SELECT id, topic_id, unit_id, status, level, ack_due, reply_due, next_check FROM assignments WHERE id = $1 FOR UPDATE',
    [id],
  )) as AssignmentRow[]
  return row ?? fail('not_found', '未找到该交办事项')
}

/** The topic id of an assignment, read without a lock (to lock the topic before the assignment). */
export async function topicOfAssignment(db: Queryable, id: number): Promise<number> {
  const [row] = await db.query('SELECT topic_id FROM assignments WHERE id = $1', [id])
  return row ? (row.topic_id as number) : fail('not_found', '未找到该交办事项')
}

export interface Escalation {
  id: number
  topicId: number
  unitId: string
  title: string
  level: number
  reason: string
}

/**
 * Records each escalation once (the key `(assignment, level)`) and tells the unit's handlers and
 * district staff, one in-app message each, keyed by assignment, level and person. Answers how
 * many escalations were new.
 */
export async function recordEscalations({ db, now }: Pick<Scope, 'db' | 'now'>, list: Escalation[], byUserId: number | null = null): Promise<number> {
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
  await db.query(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     SELECT DISTINCT ON (x.id, x.level, r.user_id) 'inapp', r.user_id,
       jsonb_build_object('title', '议题办理' || l.label, 'body', '议题“' || x.title || '”' || x.reason || '，已' || l.label,
         'link', '/packages/feedback/pages/story/index?id=' || x.topic_id),
       'supervise:' || x.id || ':' || x.level || ':' || r.user_id, $7::timestamptz, $7::timestamptz
     FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bigint[]) x(id, level, reason, unit_id, title, topic_id)
       CROSS JOIN LATERAL (SELECT ($8::text[])[x.level + 1] AS label) l
       JOIN user_roles r ON (r.role = 'unit_handler' AND r.unit_id = x.unit_id) OR r.role = 'staff'
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [told.map((e) => e.id), told.map((e) => e.level), told.map((e) => e.reason), told.map((e) => e.unitId), told.map((e) => e.title),
      told.map((e) => e.topicId), now, supervisionLabels],
  )
  return told.length
}

/**
 * A topic reopened (督): each of its assignments goes back to handling with a new reply deadline,
 * and its supervision rises one level (once per level, as every escalation).
 */
export async function reopenAssignments(tx: Pick<Scope, 'db' | 'now'>, topic: { id: number; title: string }, calendar: Calendar, reason: string) {
  const replyDue = addWorkingDays(dayOf(tx.now), REOPEN_DAYS, calendar)
  const rows = await tx.db.query(
    `UPDATE assignments SET status = CASE WHEN status = 'replied' THEN 'acknowledged' ELSE status END, reopened_at = $2,
       reply_due = $3, reply_end = $4, reply_overdue = false, level = least(level + 1, ${MAX_LEVEL}), next_check = $4
     WHERE topic_id = $1 AND status <> 'withdrawn' RETURNING id, unit_id, level`,
    [topic.id, tx.now, replyDue, dueEnd(replyDue)],
  )
  await recordEscalations(tx, rows.map((row) => ({ id: row.id, topicId: topic.id, unitId: row.unit_id, title: topic.title, level: row.level, reason })))
  // The units are told of the reopen itself too: at 督办 already, the escalation above tells nobody again.
  await tx.db.query(
    `INSERT INTO outbox (kind, recipient_user_id, payload, dedupe_key, next_attempt_at, created_at)
     SELECT 'inapp', r.user_id, jsonb_build_object('title', '议题重新办理', 'body', '议题“' || $3 || '”' || $4 || '，请在 ' || $5 || ' 前重新答复',
         'link', '/packages/feedback/pages/story/index?id=' || $2::bigint),
       'reopen:' || a.id || ':' || r.user_id || ':' || (extract(epoch FROM $6::timestamptz) * 1000)::bigint, $6, $6
     FROM unnest($1::bigint[]) a(id) JOIN assignments s ON s.id = a.id JOIN user_roles r ON r.role = 'unit_handler' AND r.unit_id = s.unit_id
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [rows.map((row) => row.id), topic.id, topic.title, reason, replyDue, tx.now],
  )
}

/** Refuses text the content check judges risky (msgSecCheck v2 `result.suggest`). */
export const checked = async (platform: { checkText(text: string, openid: string): Promise<string> }, text: string, openid: string) => {
  if ((await platform.checkText(text, openid)) === 'risky') fail('content_rejected')
}

/** Tells the given users, once per key. */
export const tell = (tx: Scope, users: number[], title: string, body: string, topicId: number, key: string) =>
  tx.outbox.enqueueEach('inapp', users, { title, body, link: `/packages/feedback/pages/story/index?id=${topicId}` }, key)

const usersWith = async (tx: Scope, sql: string, params: unknown[]) => (await tx.db.query(sql, params)).map((row) => row.user_id as number)
export const staffUsers = (tx: Scope) => usersWith(tx, "SELECT DISTINCT user_id FROM user_roles WHERE role = 'staff'", [])
export const unitUsers = (tx: Scope, unitId: string) => usersWith(tx, "SELECT user_id FROM user_roles WHERE role = 'unit_handler' AND unit_id = $1", [unitId])
