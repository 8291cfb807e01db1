/**
 * Reading 交办督复评: assignment views, the public outcomes list (公示), a topic's story, and the
 * unit figures (one SQL query, documented in docs/api.md) with their CSV. Public text never
 * carries a full name, an openid, an ID or a phone number: every typed text goes through the one
 * masking rule (src/domain/mask.ts) with the names the system knows.
 */
import { SATISFIED_SCORE, type Appeal, type AssignmentView, type NoteView, type Outcome, type RatingSummary, type Story, type UnitStatsRow } from '../../src/domain/feedback'
import { csv } from '../../src/domain/csv'
import { maskName } from '../../src/domain/mask'
import type { TopicState } from '../../src/domain/topics'
import type { PageInput } from '../../src/domain/page'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { publicMasker } from '../core/names'
import { pageOf } from '../core/page'

export const assignmentColumns = `a.id, a.topic_id AS "topicId", t.title AS "topicTitle", t.state AS "topicState", s.name AS "siteName",
  a.unit_id AS "unitId", un.name AS "unitName", a.status, a.assigned_at AS "assignedAt", a.ack_due AS "ackDue", a.reply_due AS "replyDue",
  a.acknowledged_at AS "acknowledgedAt", a.replied_at AS "repliedAt", a.reply, a.level, (a.ack_overdue OR a.reply_overdue) AS overdue,
  a.reassign_requested AS "reassignRequested"`
export const assignmentFrom = 'assignments a JOIN topics t ON t.id = a.topic_id JOIN sites s ON s.id = t.site_id JOIN units un ON un.id = a.unit_id'

export async function assignmentViews(db: Queryable, where: string, params: unknown[]): Promise<AssignmentView[]> {
  return await db.query<AssignmentView>(`SELECT ${assignmentColumns} FROM ${assignmentFrom} WHERE ${where} ORDER BY a.id`, params)
}

export async function assignmentView(db: Queryable, id: number): Promise<AssignmentView> {
  const [view] = await assignmentViews(db, 'a.id = $1', [id])
  return view
}

const ratingColumns = `(SELECT json_build_object('count', count(*)::int, 'average', round(avg(score), 2)::float8,
    'satisfied', round(avg((score >= ${SATISFIED_SCORE})::int), 4)::float8) FROM ratings r WHERE r.topic_id = t.id AND NOT r.excluded)`

/** The public 公示 list: newest publication first, names and phone numbers masked. */
export async function listOutcomes(db: Queryable, filter: PageInput & { siteId?: string; category?: string }) {
  const where: string[] = []
  const params: unknown[] = []
  for (const [column, value] of [['t.site_id', filter.siteId], ['t.category', filter.category]] as const) {
    if (value) where.push(`${column} = $${params.push(value)}`)
  }
  const page = await pageOf<Outcome & { proposer: string }>(
    db,
    {
      columns: `t.id AS "topicId", t.title, s.name AS "siteName", t.category, u.nickname AS proposer, t.state, o.summary,
        (SELECT coalesce(array_agg(un.name ORDER BY un.id), '{}') FROM assignments a JOIN units un ON un.id = a.unit_id
          WHERE a.topic_id = t.id AND a.status <> 'withdrawn') AS units,
        (SELECT min(a.assigned_at) FROM assignments a WHERE a.topic_id = t.id AND a.status <> 'withdrawn') AS "assignedAt",
        (SELECT max(a.first_replied_at) FROM assignments a WHERE a.topic_id = t.id AND a.status <> 'withdrawn') AS "repliedAt",
        o.first_published_at AS "publishedAt",
        coalesce((SELECT bool_and(a.first_replied_at IS NOT NULL AND a.first_replied_at < a.reply_end)
          FROM assignments a WHERE a.topic_id = t.id AND a.status <> 'withdrawn' AND a.reopened_at IS NULL), true) AS "onTime",
        ${ratingColumns} AS rating`,
      from: 'topic_outcomes o JOIN topics t ON t.id = o.topic_id JOIN sites s ON s.id = t.site_id JOIN users u ON u.id = t.proposer_id',
      where,
      params,
      keys: ['o.first_published_at', 'o.topic_id'],
      desc: true,
    },
    filter,
  )
  const mask = await publicMasker(db)
  return { ...page, items: page.items.map((item) => ({ ...item, title: mask(item.title), proposer: maskName(item.proposer), summary: mask(item.summary) })) }
}

/** A topic's 交办督复评 story: assignments, notes and supervision, the outcome, ratings, and mine. */
export async function topicStory(db: Queryable, topicId: number, viewerId: number, appealsOf: { all: boolean; units: string[] }): Promise<Story> {
  const [topic] = await db.query<{ id: number; state: TopicState; proposer_id: number; rating: RatingSummary; voted: boolean; following: boolean }>(
    `SELECT t.id, t.state, t.proposer_id, ${ratingColumns} AS rating,
       EXISTS (SELECT 1 FROM votes v WHERE v.topic_id = t.id AND v.user_id = $2) AS voted,
       EXISTS (SELECT 1 FROM topic_followers f WHERE f.topic_id = t.id AND f.user_id = $2) AS following
     FROM topics t WHERE t.id = $1`,
    [topicId, viewerId],
  )
  if (!topic || ['held', 'rejected'].includes(topic.state)) return fail('not_found', '未找到该议题')
  const assignments = await assignmentViews(db, 'a.topic_id = $1', [topicId])
  const notes = await db.query<NoteView>(
    `SELECT n.at, n.kind, un.name AS "unitName", n.body, n.photos FROM assignment_notes n
       JOIN assignments a ON a.id = n.assignment_id JOIN units un ON un.id = a.unit_id WHERE a.topic_id = $1
     UNION ALL
     SELECT e.at, 'supervise', un.name, e.reason || '（' || ($2::text[])[e.level + 1] || '）', '[]'::jsonb FROM supervision_events e
       JOIN assignments a ON a.id = e.assignment_id JOIN units un ON un.id = a.unit_id WHERE a.topic_id = $1
     ORDER BY 1`,
    [topicId, ['', '提醒', '催办', '督办']],
  )
  const [outcome] = await db.query<{ summary: string; publishedAt: string }>('SELECT summary, first_published_at AS "publishedAt" FROM topic_outcomes WHERE topic_id = $1', [topicId])
  const ratings = await db.query<{ id: number; score: number; comment: string | null; user_id: number; created_at: Date }>('SELECT id, score, comment, user_id, created_at FROM ratings WHERE topic_id = $1 AND NOT excluded ORDER BY id', [topicId])
  const mine = ratings.find((row) => row.user_id === viewerId)
  const appeals = await db.query<Appeal>(
    `SELECT p.id, p.rating_id AS "ratingId", r.topic_id AS "topicId", p.unit_id AS "unitId", r.score, p.reason, p.status
     FROM rating_appeals p JOIN ratings r ON r.id = p.rating_id WHERE r.topic_id = $1 AND ($2 OR p.unit_id = ANY($3)) ORDER BY p.id`,
    [topicId, appealsOf.all, appealsOf.units],
  )
  const mask = await publicMasker(db)
  return {
    topicId,
    state: topic.state,
    assignments: assignments.map((a) => ({ ...a, topicTitle: mask(a.topicTitle), reply: a.reply && mask(a.reply) })),
    notes: notes.map((note) => ({ ...note, body: mask(note.body) })),
    outcome: outcome ? { summary: mask(outcome.summary), publishedAt: outcome.publishedAt } : null,
    rating: topic.rating,
    mine: mine
      ? { score: mine.score, comment: mine.comment, changeableUntil: new Date(mine.created_at.getTime() + 7 * 86_400_000).toISOString() }
      : null,
    mayRate: !!outcome && topic.state !== 'closed' && (topic.proposer_id === viewerId || topic.voted || topic.following),
    ratings: ratings.map((row) => ({ id: row.id, score: row.score, comment: row.comment && mask(row.comment) })),
    appeals: appeals.map((row) => ({ ...row, reason: mask(row.reason) })),
  }
}

/**
 * The unit figures: for each unit and month of assignment (Asia/Shanghai), over assignments not
 * withdrawn ($1, $2: the first and last month; $3: now). A rate's denominator is the assignments
 * whose deadline has passed or that were done; satisfaction counts the ratings (appeals upheld
 * excluded) of the unit's topics of that month. Ratings are summed by topic first, then carried
 * on each assignment into one grouping by (unit, month), so 50,000 assignments cost one scan.
 */
export const unitStatsSql = `
  WITH r AS (
    SELECT topic_id, sum(score) AS total, count(*) AS rated, count(*) FILTER (WHERE score >= ${SATISFIED_SCORE}) AS good
    FROM ratings WHERE NOT excluded GROUP BY topic_id
  ), g AS (
    SELECT a.unit_id, a.month, count(*)::int AS assignments,
      count(*) FILTER (WHERE a.acknowledged_at < a.ack_end) AS ack_on_time, count(*) FILTER (WHERE a.acknowledged_at IS NOT NULL OR a.ack_end <= $3) AS ack_judged,
      count(*) FILTER (WHERE a.first_replied_at < a.reply_end) AS reply_on_time, count(*) FILTER (WHERE a.first_replied_at IS NOT NULL OR a.reply_end <= $3) AS reply_judged,
      count(*) FILTER (WHERE a.reopened_at IS NOT NULL) AS reopened, count(*) FILTER (WHERE a.ack_overdue OR a.reply_overdue)::int AS overdue,
      sum(r.total) AS total, sum(r.rated) AS rated, sum(r.good) AS good
    FROM assignments a LEFT JOIN r ON r.topic_id = a.topic_id
    WHERE a.status <> 'withdrawn' AND a.month BETWEEN $1 AND $2 GROUP BY a.unit_id, a.month
  )
  SELECT g.unit_id AS "unitId", u.name AS "unitName", g.month, g.assignments,
    round(g.ack_on_time::numeric / nullif(g.ack_judged, 0), 4)::float8 AS "timelyAck",
    round(g.reply_on_time::numeric / nullif(g.reply_judged, 0), 4)::float8 AS "onTimeReply",
    round(g.total::numeric / nullif(g.rated, 0), 2)::float8 AS satisfaction,
    round(g.good::numeric / nullif(g.rated, 0), 4)::float8 AS "satisfiedShare",
    round(g.reopened::numeric / g.assignments, 4)::float8 AS "reopenRate", g.overdue
  FROM g JOIN units u ON u.id = g.unit_id
  ORDER BY g.month, g.unit_id`

export async function unitStats(db: Queryable, from: string, to: string, now: Date): Promise<UnitStatsRow[]> {
  return await db.query<UnitStatsRow>(unitStatsSql, [from, to, now])
}

const percent = (value: number | null) => (value === null ? '' : `${(value * 100).toFixed(1)}%`)

export function statsCsv(rows: UnitStatsRow[]): string {
  return csv([
    ['单位', '月份', '交办数', '按时签收率', '按时答复率', '满意度均分', '满意率', '重新办理率', '逾期数'],
    ...rows.map((row) => [row.unitName, row.month, row.assignments, percent(row.timelyAck), percent(row.onTimeReply), row.satisfaction,
      percent(row.satisfiedShare), percent(row.reopenRate), row.overdue]),
  ])
}
