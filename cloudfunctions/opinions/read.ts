/** Reading suggestions: views for their author and editors (full), for everyone else masked; duplicate hints. */
import { bigrams } from '../../src/domain/bigrams'
import { maskName } from '../../src/domain/mask'
import { reportStateLabels, SIMILAR_FROM, suggestionStateLabels, type ReportState, type SimilarSuggestion, type SuggestionDetail, type SuggestionOutcome, type SuggestionSummary } from '../../src/domain/opinions'
import { proposalStateLabels, type ProposalState } from '../../src/domain/opinions/proposals'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import type { ReportLinkRow, SuggestionListRow, SuggestionRow, TimelineRow } from './rows'

export const listColumns = 's.*, u.nickname AS author_name'
export const listFrom = 'suggestions s JOIN users u ON u.id = s.author_id'

/** Who said it, as `full` readers see it (the speaker's name when entered on their behalf), or masked. */
export const suggesterOf = (row: SuggestionListRow, full: boolean) => {
  const name = row.on_behalf_of ?? row.author_name
  return full ? name : maskName(name)
}

export function summaryOf(row: SuggestionListRow, full: boolean, outcomes: SuggestionOutcome[] = []): SuggestionSummary {
  return {
    id: row.id,
    title: row.title,
    category: row.category,
    siteId: row.site_id,
    channel: row.channel,
    state: row.state,
    stateLabel: suggestionStateLabels[row.state],
    createdAt: new Date(row.created_at).toISOString(),
    suggester: suggesterOf(row, full),
    mergedInto: row.merged_into,
    outcomes,
  }
}

export async function loadSuggestion(db: Queryable, id: number, lock = false): Promise<SuggestionRow> {
  const [row] = await db.query<SuggestionRow>(`SELECT * FROM suggestions WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])
  return row ?? fail('not_found', '未找到该建议')
}

export async function suggestionDetail(db: Queryable, id: number, full: boolean): Promise<SuggestionDetail> {
  const [row] = await db.query<SuggestionListRow>(`SELECT ${listColumns} FROM ${listFrom} WHERE s.id = $1`, [id])
  if (!row) return fail('not_found', '未找到该建议')
  const timeline = await db.query<TimelineRow>('SELECT at, move, to_state, actor_role, note FROM suggestion_timeline WHERE suggestion_id = $1 ORDER BY id', [id])
  const reports = await db.query<ReportLinkRow>(
    'SELECT r.id, r.title, r.state FROM report_suggestions l JOIN opinion_reports r ON r.id = l.report_id WHERE l.suggestion_id = $1 ORDER BY r.id',
    [id],
  )
  const outcomes = await outcomesOf(db, [id])
  return {
    ...summaryOf(row, full, outcomes.get(id)),
    content: row.content,
    activityId: row.activity_id,
    contactConsent: row.contact_consent,
    phone: full ? row.phone : null,
    timeline: timeline.map((entry) => ({ at: new Date(entry.at).toISOString(), move: entry.move, toState: entry.to_state, actorRole: entry.actor_role, note: entry.note })),
    reports: reports.map((report) => ({ id: report.id, title: report.title, state: report.state })),
  }
}

/** Suggestions sharing the most character pairs with `title`, best first (Jaccard ≥ SIMILAR_FROM), never withdrawn or merged ones. */
export async function similarSuggestions(db: Queryable, title: string, except?: number, limit = 5): Promise<SimilarSuggestion[]> {
  const grams = bigrams(title)
  if (grams.length === 0) return []
  return db.query<SimilarSuggestion>(
    `SELECT s.id, s.title, s.state, round(g.shared::numeric / (s.gram_count + $2 - g.shared), 2)::float8 AS similarity
     FROM (SELECT suggestion_id, count(*)::int AS shared FROM suggestion_grams WHERE gram = ANY($1) GROUP BY suggestion_id) g
     JOIN suggestions s ON s.id = g.suggestion_id
     WHERE s.state NOT IN ('withdrawn', 'merged') AND s.id IS DISTINCT FROM $3
       AND g.shared::numeric / (s.gram_count + $2 - g.shared) >= $5
     ORDER BY similarity DESC, s.id DESC LIMIT $4`,
    [grams, grams.length, except ?? null, limit, SIMILAR_FROM],
  )
}

/** Stores a suggestion's title pairs for the hints; answers how many. */
export async function indexTitle(db: Queryable, id: number, title: string): Promise<number> {
  const grams = bigrams(title)
  await db.query('INSERT INTO suggestion_grams (gram, suggestion_id) SELECT g, $2 FROM unnest($1::text[]) g', [grams, id])
  return grams.length
}

type OutcomeRow = { suggestion_id: number; kind: SuggestionOutcome['kind']; id: number; title: string; state: string; answer: string | null; unit: string | null }

/** What came of each suggestion: the 专报, 提案 and hand-offs it fed, in one statement for a page of them. */
export async function outcomesOf(db: Queryable, ids: readonly number[]): Promise<Map<number, SuggestionOutcome[]>> {
  const rows = await db.query<OutcomeRow>(
    `SELECT l.suggestion_id, 'report' AS kind, r.id, r.title, r.state,
       CASE r.state WHEN 'adopted' THEN r.adopted_by || '采用' WHEN 'endorsed' THEN '获' || r.endorsed_level || '领导批示' END AS answer, NULL AS unit
     FROM report_suggestions l JOIN opinion_reports r ON r.id = l.report_id WHERE l.suggestion_id = ANY($1::bigint[])
     UNION ALL
     SELECT l.suggestion_id, 'proposal', p.id, p.title, p.state, NULL, NULL
     FROM proposal_suggestions l JOIN proposals p ON p.id = l.proposal_id WHERE l.suggestion_id = ANY($1::bigint[])
     UNION ALL
     SELECT h.suggestion_id, 'handoff', h.id, h.title, CASE WHEN h.replied_at IS NULL THEN 'open' ELSE 'replied' END, h.reply, u.name
     FROM opinion_handoffs h JOIN units u ON u.id = h.unit_id WHERE h.suggestion_id = ANY($1::bigint[])
     ORDER BY 1, 2, 3`,
    [[...ids]],
  )
  const map = new Map<number, SuggestionOutcome[]>(ids.map((id) => [id, []]))
  for (const row of rows) {
    const stateLabel =
      row.kind === 'report' ? reportStateLabels[row.state as ReportState]
        : row.kind === 'proposal' ? proposalStateLabels[row.state as ProposalState]
          : row.state === 'replied' ? `${row.unit}已答复` : `已交${row.unit}办理`
    map.get(row.suggestion_id)?.push({ kind: row.kind, id: row.id, title: row.title, stateLabel, answer: row.answer })
  }
  return map
}
