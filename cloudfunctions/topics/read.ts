/** Reading topics for public pages: summaries, the whole story of one topic, similar titles. Names masked. */
import { bigrams } from '../../src/domain/bigrams'
import { maskName } from '../../src/domain/mask'
import type { PageInput } from '../../src/domain/page'
import type { MeetingRecord, SimilarTopic, TimelineEntry, TopicDetail, TopicSummary } from '../../src/domain/topics'
import type { Queryable } from '../core/db'
import { publicMasker } from '../core/names'
import { fail } from '../core/errors'
import { conditions, pageOf } from '../core/page'

/** A topic's votes are shown once its ballot closed, or live when its site chose so. */
const visibleVotes = `CASE WHEN c.status = 'closed' OR (c.status = 'voting' AND (c.settings->>'liveCounts')::boolean)
  THEN coalesce(t.final_votes, (SELECT count(*)::int FROM votes v WHERE v.topic_id = t.id)) END`

export const summaryColumns = `t.id, t.site_id AS "siteId", s.name AS "siteName", t.month, t.title, t.category, t.state,
  u.nickname AS proposer, t.created_at AS "createdAt",
  (SELECT count(*)::int FROM topic_followers f WHERE f.topic_id = t.id AND f.supporter) AS supporters,
  ${visibleVotes} AS votes`

export const summaryFrom = `topics t JOIN sites s ON s.id = t.site_id JOIN users u ON u.id = t.proposer_id
  LEFT JOIN cycles c ON c.id = t.ballot_cycle_id`

/** A topic as a public reader sees it: the proposer's name and the title masked. */
const masked = <T extends { proposer: string; title: string }>(row: T, mask: (text: string) => string): T =>
  ({ ...row, proposer: maskName(row.proposer), title: mask(row.title) })

export interface ListFilter extends PageInput {
  siteId?: string
  month?: string
  state?: string
  mine?: 'proposed' | 'voted' | 'followed'
}

/** Held and rejected topics are not public: only their proposer (in "mine") and district staff see them. */
export async function listTopics(db: Queryable, userId: number, filter: ListFilter, seesHidden = false) {
  const { where, params, add } = conditions()
  if (filter.siteId) add('t.site_id = ?', filter.siteId)
  if (filter.month) add('t.month = ?', filter.month)
  if (filter.state) add('t.state = ?', filter.state)
  if (filter.mine === 'proposed') add('t.proposer_id = ?', userId)
  else if (filter.mine === 'voted') add('EXISTS (SELECT 1 FROM votes v WHERE v.topic_id = t.id AND v.user_id = ?)', userId)
  else if (filter.mine === 'followed') add('EXISTS (SELECT 1 FROM topic_followers f WHERE f.topic_id = t.id AND f.user_id = ?)', userId)
  else if (!seesHidden) where.push("t.state NOT IN ('held', 'rejected')")
  const page = await pageOf<TopicSummary>(
    db,
    { columns: summaryColumns, from: summaryFrom, where, params, keys: ['t.created_at', 't.id'], desc: true },
    filter,
  )
  const mask = await publicMasker(db)
  return { ...page, items: page.items.map((item) => masked(item, mask)) }
}

type DetailRow = Omit<TopicDetail, 'mergedInto' | 'timeline' | 'meeting'> & { mergedId: number | null; mergedTitle: string | null }

export async function topicDetail(db: Queryable, id: number, viewer: { userId: number; mayScreen(siteId: string): boolean }): Promise<TopicDetail> {
  const [row] = await db.query<DetailRow>(
    `SELECT ${summaryColumns}, t.body, t.photos, t.proposer_id AS "proposerId", t.merged_into AS "mergedId",
       (SELECT title FROM topics m WHERE m.id = t.merged_into) AS "mergedTitle",
       EXISTS (SELECT 1 FROM topic_followers f WHERE f.topic_id = t.id AND f.user_id = $2) AS following,
       EXISTS (SELECT 1 FROM topic_followers f WHERE f.topic_id = t.id AND f.user_id = $2 AND f.supporter) AS supporting
     FROM ${summaryFrom} WHERE t.id = $1`,
    [id, viewer.userId],
  )
  const hidden = row && ['held', 'rejected'].includes(row.state) && row.proposerId !== viewer.userId && !viewer.mayScreen(row.siteId)
  if (!row || hidden) return fail('not_found', '未找到该议题')
  const timeline = await db.query<TimelineEntry>(
    `SELECT l.at, l.move, l.to_state AS state, coalesce(u.nickname, '') AS actor, l.actor_role AS role, l.note
     FROM topic_timeline l LEFT JOIN users u ON u.id = l.actor_id WHERE l.topic_id = $1 ORDER BY l.id`,
    [id],
  )
  const [meeting] = await db.query<MeetingRecord>(
    `SELECT form, at, place, activity_id AS "activityId", participants, sectors, opinions, next_steps AS "nextSteps"
     FROM topic_meetings WHERE topic_id = $1`,
    [id],
  )
  const { mergedId, mergedTitle, ...rest } = row
  const mask = await publicMasker(db)
  return {
    ...masked(rest, mask),
    body: mask(rest.body),
    mergedInto: mergedId ? { id: mergedId, title: mask(mergedTitle ?? '') } : null,
    timeline: timeline.map((entry) => ({
      ...entry,
      actor: entry.actor ? maskName(entry.actor) : entry.role === '系统' ? '' : '匿名群众',
      note: entry.note && mask(entry.note),
    })),
    meeting: meeting ? { ...meeting, opinions: mask(meeting.opinions), nextSteps: mask(meeting.nextSteps) } : null,
  }
}

/** Public topics at the site sharing the most character pairs with `title`, best first (Jaccard ≥ 0.2). */
export async function similarTopics(db: Queryable, siteId: string, title: string, except?: number, limit = 5): Promise<SimilarTopic[]> {
  const grams = bigrams(title)
  if (grams.length === 0) return []
  return db.query<SimilarTopic>(
    `SELECT t.id, t.title, t.state, round(g.shared::numeric / (t.gram_count + $3 - g.shared), 2)::float8 AS similarity
     FROM (SELECT topic_id, count(*)::int AS shared FROM topic_grams WHERE site_id = $1 AND gram = ANY($2) GROUP BY topic_id) g
     JOIN topics t ON t.id = g.topic_id
     WHERE t.state NOT IN ('held', 'rejected', 'merged') AND t.id IS DISTINCT FROM $4
       AND g.shared::numeric / (t.gram_count + $3 - g.shared) >= 0.2
     ORDER BY similarity DESC, t.id DESC LIMIT $5`,
    [siteId, grams, grams.length, except ?? null, limit],
  )
}

/** Stores a topic's title pairs for the similarity hints. */
export async function indexTitle(db: Queryable, topic: { id: number; siteId: string; title: string }): Promise<number> {
  const grams = bigrams(topic.title)
  await db.query('DELETE FROM topic_grams WHERE topic_id = $1', [topic.id])
  await db.query('INSERT INTO topic_grams (site_id, gram, topic_id) SELECT $1, g, $3 FROM unnest($2::text[]) g', [topic.siteId, grams, topic.id])
  return grams.length
}
