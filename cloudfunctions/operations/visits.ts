/**
 * The quarterly visit (季观摩): self-assessment → desk review → on-site visit → review after the
 * fixes. Each step moves the visit's stage by a compare-and-set (`UPDATE … WHERE stage = …`), so
 * two reviewers at once give one visit and one `conflict`. A reviewer's own site is refused as
 * `own_site`, judged again inside the transaction with the reviewer's user row locked: a role
 * granted meanwhile (its foreign key takes a key-share lock on that row) waits, and is seen.
 */
import { addWorkingDays } from '../../src/domain/feedback'
import {
  drawActivities, FIX_WORKING_DAYS, quarterBounds, sixStatus, stageLabels, visitFailed, visitSeed,
  type Dimension, type ExitProposal, type Visit, type VisitItem, type VisitStage, type VisitVerdict,
} from '../../src/domain/operations'
import type { operationsContract } from '../../src/domain/operations/contract'
import { can, refusals } from '../../src/domain/operations/permissions'
import { shanghaiDay } from '../../src/domain/time'
import { screenText } from '../core/content'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import type { Handlers } from '../core/router'
import { activitiesByIds } from '../activities/public'
import { verifySiteVisitCode } from '../checkin/public'
import { loadCalendar } from '../feedback/public'
import { findSite, type SiteRow } from '../sites/public'
import { quarterFacts } from './facts'
import type { VisitRow } from './rows'

type VisitHandlers = Pick<Handlers<typeof operationsContract>, 'selfAssess' | 'deskReview' | 'visit' | 'review' | 'visits' | 'exits' | 'decideExit'>
type Verdicts = { dimension: Dimension; verdict: VisitVerdict; note: string }[]

async function readVisits(db: Queryable, where: string, params: unknown[]): Promise<Visit[]> {
  const rows = await db.query<VisitRow>(
    `SELECT v.*, s.name AS site_name,
       COALESCE((SELECT json_agg(json_build_object('dimension', i.dimension, 'verdict', i.verdict, 'note', i.note, 'dueOn', i.due_on, 'round', i.round) ORDER BY i.dimension)
         FROM operation_visit_items i WHERE i.visit_id = v.id), '[]') AS verdicts
     FROM operation_visits v JOIN sites s ON s.id = v.site_id WHERE ${where} ORDER BY v.quarter DESC, v.site_id`,
    params,
  )
  const sampledIds = rows.flatMap((row) => row.sampled.map(Number))
  const sampled = new Map<number, Visit['sampled'][number]>()
  if (sampledIds.length) {
    const parts = await db.query<{ activity_id: number; parts: string[] }>(
      `SELECT activity_id, array_agg(DISTINCT part ORDER BY part) AS parts FROM operation_evidence
       WHERE dimension = 'archive' AND activity_id = ANY($1::bigint[]) GROUP BY 1`, [sampledIds])
    const partsOf = new Map(parts.map((row) => [Number(row.activity_id), row.parts]))
    for (const row of await activitiesByIds(db, sampledIds)) {
      sampled.set(Number(row.id), { activityId: Number(row.id), title: row.title, signins: row.attendance, parts: partsOf.get(Number(row.id)) ?? [] })
    }
  }
  const item = (row: { dimension: Dimension; verdict: VisitVerdict; note: string; dueOn: string | null }): VisitItem =>
    ({ dimension: row.dimension, verdict: row.verdict, note: row.note, dueOn: row.dueOn })
  return rows.map((row) => ({
    id: Number(row.id),
    siteId: row.site_id,
    siteName: row.site_name,
    quarter: row.quarter,
    stage: row.stage,
    stageLabel: stageLabels[row.stage],
    selfAssessment: row.self_assessment,
    automatic: row.automatic,
    deskNote: row.desk_note,
    seed: visitSeed(row.site_id, row.quarter),
    sampled: row.sampled.map(Number).map((id) => sampled.get(id) ?? { activityId: id, title: '', signins: 0, parts: [] }),
    checkedInAt: row.checked_in_at ? row.checked_in_at.toISOString() : null,
    items: row.verdicts.filter((v) => v.round === 1).map(item),
    review: row.verdicts.filter((v) => v.round === 2).map(item),
    dueOn: row.due_on,
    failed: row.failed,
  }))
}

const visitOf = async (db: Queryable, siteId: string, quarter: string) => (await readVisits(db, 'v.site_id = $1 AND v.quarter = $2', [siteId, quarter]))[0]

/** Refuses a reviewer their own site, on the roles as they stand now (the user row locked till commit). */
async function requireIndependent(db: Queryable, userId: number, site: SiteRow): Promise<void> {
  await db.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId])
  const [own] = await db.query("SELECT 1 FROM user_roles WHERE user_id = $1 AND role = 'site_admin' AND site_id = $2", [userId, site.id])
  if (own) fail('own_site', refusals.visit)
}

/** Moves the visit from `from` by `set` (columns from $3 on); a visit elsewhere is `not_found` or `conflict`. */
async function advance(db: Queryable, site: SiteRow, quarter: string, from: VisitStage, set: string, params: unknown[]): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `UPDATE operation_visits SET ${set} WHERE site_id = $1 AND quarter = $2 AND stage = '${from}' RETURNING id`, [site.id, quarter, ...params])
  if (row) return Number(row.id)
  const [found] = await db.query<{ stage: VisitStage }>('SELECT stage FROM operation_visits WHERE site_id = $1 AND quarter = $2', [site.id, quarter])
  if (!found) return fail('not_found', '该联盟点本季度尚未自评')
  return fail('conflict', `观摩当前为“${stageLabels[found.stage]}”，不能进行这一步`)
}

const insertItems = (db: Queryable, visitId: number, round: 1 | 2, items: Verdicts, dueOn: string | null) => db.query(
  `INSERT INTO operation_visit_items (visit_id, round, dimension, verdict, note, due_on)
   SELECT $1, $2, d, v, n, CASE WHEN v = 'met' THEN NULL ELSE $6::date END FROM unnest($3::text[], $4::text[], $5::text[]) AS t (d, v, n)`,
  [visitId, round, items.map((i) => i.dimension), items.map((i) => i.verdict), items.map((i) => i.note), dueOn],
)

/** A closed visit's year fails if any of its visits ended 不达标; two such years in a row open an exit proposal (once). */
async function closeVisit(db: Queryable, visitId: number, failed: boolean, site: SiteRow, quarter: string, now: Date): Promise<void> {
  await db.query('UPDATE operation_visits SET failed = $2, closed_at = $3 WHERE id = $1', [visitId, failed, now])
  const year = Number(quarter.slice(0, 4))
  const years = await db.query<{ year: number }>(
    `SELECT substr(quarter, 1, 4)::int AS year FROM operation_visits WHERE site_id = $1 AND stage = 'closed' AND failed
       AND substr(quarter, 1, 4)::int IN ($2, $2 - 1) GROUP BY 1`, [site.id, year])
  if (years.length === 2) {
    await db.query('INSERT INTO operation_exit_proposals (site_id, year, opened_at) VALUES ($1, $2, $3) ON CONFLICT (site_id, year) DO NOTHING', [site.id, year, now])
  }
}

const exitOf = (row: { id: number; site_id: string; site_name: string; year: number; opened_at: Date; decision: ExitProposal['decision']; note: string }): ExitProposal =>
  ({ id: Number(row.id), siteId: row.site_id, siteName: row.site_name, year: row.year, openedAt: row.opened_at.toISOString(), decision: row.decision, note: row.note })

export const visitHandlers: VisitHandlers = {
  selfAssess: async ({ db: plain, input, caller, now, platform, transaction }) => {
    const site = await findSite(plain, input.siteId)
    if (!can(caller, 'selfAssess', site)) fail('forbidden', refusals.selfAssess)
    if (quarterBounds(input.quarter).start > now) fail('invalid_input', '该季度尚未开始，不能自评')
    await screenText(platform, input.items.map((item) => item.note).join('\n'), caller.openid, 'immediate')
    return transaction(async ({ db, audit }) => {
      const [row] = await db.query<{ id: number }>(
        `INSERT INTO operation_visits (site_id, quarter, stage, self_assessment, assessed_by, assessed_at) VALUES ($1, $2, 'self_assessed', $3, $4, $5)
         ON CONFLICT (site_id, quarter) DO NOTHING RETURNING id`,
        [site.id, input.quarter, JSON.stringify(input.items), caller.userId, now])
      if (!row) fail('duplicate', '该联盟点本季度已自评')
      await audit(`site:${site.id}`, { visit: row.id, quarter: input.quarter, step: 'selfAssess' })
      return visitOf(db, site.id, input.quarter)
    })
  },

  deskReview: async ({ db: plain, input, caller, now, platform, transaction }) => {
    const site = await findSite(plain, input.siteId)
    if (!can(caller, 'visit', site)) fail(can(caller, 'overview') ? 'own_site' : 'forbidden', refusals.visit)
    await screenText(platform, input.note, caller.openid, 'immediate')
    const facts = (await quarterFacts(plain, [site.id], input.quarter, now)).get(site.id)
    const automatic = facts ? sixStatus(facts).map(({ dimension, status, reason }) => ({ dimension, status, reason })) : []
    const sampled = drawActivities((facts?.held ?? []).map((activity) => activity.activityId), visitSeed(site.id, input.quarter))
    return transaction(async ({ db, audit }) => {
      await requireIndependent(db, caller.userId, site)
      const id = await advance(db, site, input.quarter, 'self_assessed',
        "stage = 'desk_reviewed', automatic = $3, desk_note = $4, desk_reviewer_id = $5, desk_reviewed_at = $6, sampled = $7",
        [JSON.stringify(automatic), input.note, caller.userId, now, sampled])
      await audit(`site:${site.id}`, { visit: id, step: 'deskReview' })
      return visitOf(db, site.id, input.quarter)
    })
  },

  visit: async ({ db: plain, input, caller, now, platform, transaction }) => {
    const site = await findSite(plain, input.siteId)
    if (!can(caller, 'visit', site)) fail(can(caller, 'overview') ? 'own_site' : 'forbidden', refusals.visit)
    const code = verifySiteVisitCode(platform, site.id, input.code.trim(), now)
    if (code === 'expired') fail('expired', '观摩签到码已过期，请让联盟点刷新后重新输入')
    if (code !== 'ok') fail('wrong_code', '观摩签到码不正确，请输入该联盟点现场显示的签到码')
    await screenText(platform, [input.note, ...input.items.map((item) => item.note)].join('\n'), caller.openid, 'immediate')
    const open = input.items.some((item) => item.verdict !== 'met')
    const dueOn = open ? addWorkingDays(shanghaiDay(now), FIX_WORKING_DAYS, await loadCalendar(plain)) : null
    return transaction(async ({ db, audit }) => {
      await requireIndependent(db, caller.userId, site)
      const id = await advance(db, site, input.quarter, 'desk_reviewed',
        'stage = $3, reviewer_id = $4, visited_at = $5, checked_in_at = $5, note = $6, due_on = $7',
        [open ? 'rectifying' : 'closed', caller.userId, now, input.note, dueOn])
      await insertItems(db, id, 1, input.items, dueOn)
      if (!open) await closeVisit(db, id, false, site, input.quarter, now)
      await audit(`site:${site.id}`, { visit: id, step: 'visit' })
      return visitOf(db, site.id, input.quarter)
    })
  },

  review: async ({ db: plain, input, caller, now, platform, transaction }) => {
    const site = await findSite(plain, input.siteId)
    if (!can(caller, 'visit', site)) fail(can(caller, 'overview') ? 'own_site' : 'forbidden', refusals.visit)
    await screenText(platform, input.items.map((item) => item.note).join('\n'), caller.openid, 'immediate')
    return transaction(async ({ db, audit }) => {
      await requireIndependent(db, caller.userId, site)
      const before = await visitOf(db, site.id, input.quarter)
      const open = (before?.items ?? []).filter((item) => item.verdict !== 'met').map((item) => item.dimension).sort()
      if (before?.stage === 'rectifying' && input.items.map((item) => item.dimension).sort().join() !== open.join()) {
        fail('invalid_input', '复核须逐项评定观摩时需整改和不达标的项目')
      }
      const id = await advance(db, site, input.quarter, 'rectifying', "stage = 'closed', rereviewed_by = $3", [caller.userId])
      await insertItems(db, id, 2, input.items, null)
      await closeVisit(db, id, visitFailed(before?.items ?? [], input.items.map((item) => ({ ...item, dueOn: null }))), site, input.quarter, now)
      await audit(`site:${site.id}`, { visit: id, step: 'review' })
      return visitOf(db, site.id, input.quarter)
    })
  },

  visits: async ({ db, input, caller }) => {
    if (input.siteId) {
      const site = await findSite(db, input.siteId)
      if (!can(caller, 'viewEvidence', site) && !can(caller, 'overview')) fail('forbidden', refusals.viewEvidence)
      return { items: await readVisits(db, 'v.site_id = $1 AND v.quarter LIKE $2', [site.id, `${input.year}-%`]) }
    }
    if (!can(caller, 'overview')) fail('forbidden', refusals.overview)
    return { items: await readVisits(db, 'v.quarter LIKE $1', [`${input.year}-%`]) }
  },

  exits: async ({ db, caller }) => {
    if (!can(caller, 'overview')) fail('forbidden', refusals.overview)
    const rows = await db.query<Parameters<typeof exitOf>[0]>(
      'SELECT e.*, s.name AS site_name FROM operation_exit_proposals e JOIN sites s ON s.id = e.site_id ORDER BY e.decision IS NOT NULL, e.opened_at DESC LIMIT 100')
    return { items: rows.map(exitOf) }
  },

  decideExit: async ({ input, caller, transaction }) => {
    if (!can(caller, 'overview')) fail('forbidden', refusals.overview)
    return transaction(async ({ db, now, audit }) => {
      const [row] = await db.query<Parameters<typeof exitOf>[0]>(
        `UPDATE operation_exit_proposals e SET decision = $2, note = $3, decided_by = $4, decided_at = $5 FROM sites s
         WHERE e.id = $1 AND e.decision IS NULL AND s.id = e.site_id RETURNING e.*, s.name AS site_name`,
        [input.id, input.decision, input.note, caller.userId, now])
      if (!row) {
        const [exists] = await db.query('SELECT 1 FROM operation_exit_proposals WHERE id = $1', [input.id])
        return fail(exists ? 'duplicate' : 'not_found', exists ? '该摘牌提议已作出决定' : '未找到该摘牌提议')
      }
      await audit(`site:${row.site_id}`, { exit: row.id, decision: input.decision })
      return exitOf(row)
    })
  },
}
