/**
 * Each site's monthly cycle, created when first needed from the site's default settings (or the
 * district's). The windows are computed once, in Asia/Shanghai, and stored with the cycle.
 */
import type { CycleView } from '../../src/domain/votes'
import { addMonths, cycleWindows, defaultCycle, type CycleSettings, type CycleStatus } from '../../src/domain/cycle'
import type { Queryable } from '../core/db'

export interface CycleRow {
  id: number
  site_id: string
  month: string
  settings: CycleSettings
  propose_start: Date
  propose_end: Date
  vote_start: Date
  vote_end: Date
  meeting_at: Date
  votes_per_person: number
  status: CycleStatus
}

export async function siteSettings(db: Queryable, siteId: string): Promise<CycleSettings> {
  const [row] = await db.query('SELECT settings FROM site_cycle_settings WHERE site_id = $1', [siteId])
  return { ...defaultCycle, ...(row?.settings ?? {}) }
}

export function cycleValues(month: string, settings: CycleSettings) {
  const w = cycleWindows(month, settings)
  return [JSON.stringify(settings), w.proposeStart, w.proposeEnd, w.voteStart, w.voteEnd, w.meetingAt, settings.votesPerPerson]
}

export const findCycle = async (db: Queryable, siteId: string, month: string) =>
  (await db.query<CycleRow>('SELECT * FROM cycles WHERE site_id = $1 AND month = $2', [siteId, month]))[0]

/** The site's cycle for the month, made from its settings if it does not exist yet (read first: most calls only read). */
export async function ensureCycle(db: Queryable, siteId: string, month: string): Promise<CycleRow> {
  const existing = await findCycle(db, siteId, month)
  if (existing) return existing
  const [made] = await db.query<CycleRow>(
    `INSERT INTO cycles (site_id, month, settings, propose_start, propose_end, vote_start, vote_end, meeting_at, votes_per_person)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (site_id, month) DO NOTHING RETURNING *`,
    [siteId, month, ...cycleValues(month, await siteSettings(db, siteId))],
  )
  return made ?? findCycle(db, siteId, month)
}

/** The cycle a proposal made now belongs to: this month's while its proposal window is open, else the next one's. */
export async function proposalCycle(db: Queryable, siteId: string, month: string, now: Date): Promise<CycleRow> {
  const current = await ensureCycle(db, siteId, month)
  return now < current.propose_end && current.status === 'proposing' ? current : ensureCycle(db, siteId, addMonths(month, 1))
}

export function cycleView(row: CycleRow, siteName: string, now: Date): CycleView {
  const phase =
    row.status === 'closed'
      ? 'closed'
      : row.status === 'voting' || now >= row.vote_start
        ? 'voting'
        : now >= row.propose_end
          ? 'between'
          : now >= row.propose_start
            ? 'proposing'
            : 'before'
  return {
    ...defaultCycle,
    ...row.settings,
    siteId: row.site_id,
    siteName,
    month: row.month,
    status: row.status,
    phase,
    proposeStart: row.propose_start.toISOString(),
    proposeEnd: row.propose_end.toISOString(),
    voteStart: row.vote_start.toISOString(),
    voteEnd: row.vote_end.toISOString(),
    meetingAt: row.meeting_at.toISOString(),
  }
}
