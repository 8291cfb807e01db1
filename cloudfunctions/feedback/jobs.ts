/**
 * Supervision (督) and closing, as scheduled jobs.
 *  - superviseDeadlines: an assignment whose current deadline passed (acknowledgement, then reply,
 *    then each grace period of GRACE_DAYS working days) rises one level (提醒 → 催办 → 督办) and is
 *    flagged overdue. Batches are claimed FOR UPDATE SKIP LOCKED, each in its own transaction with
 *    its event rows and messages, so a run killed halfway and run again, or two runs at once,
 *    escalate each assignment exactly once per deadline.
 *  - closeEvaluated: an evaluated topic closes CLOSE_AFTER_DAYS after its outcome was published.
 */
import { addWorkingDays, CLOSE_AFTER_DAYS, dayOf, dueEnd, GRACE_DAYS, MAX_LEVEL } from '../../src/domain/feedback'
import { claimEach, type Job } from '../core/jobs'
import { moveTopic, SYSTEM, type TopicRow } from '../topics/public'
import { loadCalendar, recordEscalations, type AssignmentRow } from './work'

export const SUPERVISE_BATCH = { size: 500 }

type DueRow = Pick<AssignmentRow, 'id' | 'topic_id' | 'unit_id' | 'status' | 'level'> & { next_check: Date; title: string }

const claimDue = `
  SELECT a.id, a.topic_id, a.unit_id, a.status, a.level, a.next_check, t.title
  FROM assignments a JOIN topics t ON t.id = a.topic_id
  WHERE a.status IN ('assigned', 'acknowledged') AND a.level < ${MAX_LEVEL} AND a.next_check <= $1
  ORDER BY a.next_check, a.id LIMIT $2 FOR UPDATE OF a SKIP LOCKED`

export const superviseDeadlines: Job = {
  every: 5,
  run: async (ctx) => {
    const calendar = await loadCalendar(ctx.db)
    return claimEach(ctx, async (tx) => {
      const rows = await tx.db.query<DueRow>(claimDue, [tx.now, SUPERVISE_BATCH.size])
      if (rows.length === 0) return 0
      const next = rows.map((row) => dueEnd(addWorkingDays(dayOf(new Date(row.next_check.getTime() - 1)), GRACE_DAYS, calendar)))
      const levels = rows.map((row) => row.level + 1)
      const acking = rows.map((row) => row.status === 'assigned')
      await tx.db.query(
        `UPDATE assignments a SET level = x.level, next_check = x.next, ack_overdue = a.ack_overdue OR x.acking,
           reply_overdue = a.reply_overdue OR NOT x.acking
         FROM unnest($1::bigint[], $2::int[], $3::timestamptz[], $4::boolean[]) x(id, level, next, acking) WHERE a.id = x.id`,
        [rows.map((row) => row.id), levels, next, acking],
      )
      await recordEscalations(
        tx,
        rows.map((row, i) => ({
          id: row.id, topicId: row.topic_id, unitId: row.unit_id, title: row.title, level: levels[i],
          reason: acking[i] ? '超过签收期限未签收' : '超过办理期限未答复',
        })),
      )
      return rows.length
    })
  },
}

export const closeEvaluated: Job = {
  every: 60,
  run: async (ctx) => {
    const before = new Date(ctx.now.getTime() - CLOSE_AFTER_DAYS * 86_400_000)
    return claimEach(ctx, async (tx) => {
      const [topic] = await tx.db.query<TopicRow>(
        `SELECT t.id, t.site_id, t.month, t.proposer_id, t.title, t.state, t.merged_into, t.ballot_cycle_id, t.accepted_at
         FROM topics t JOIN topic_outcomes o ON o.topic_id = t.id
         WHERE t.state = 'evaluated' AND o.published_at <= $1 ORDER BY t.id LIMIT 1 FOR UPDATE OF t SKIP LOCKED`,
        [before],
      )
      if (!topic) return 0
      await moveTopic(tx, topic, 'close', SYSTEM, `公示满 ${CLOSE_AFTER_DAYS} 天，办结`)
      return 1
    })
  },
}
