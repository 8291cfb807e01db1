/**
 * 月通报's cycle on the database: a month's live draft; freezing it into version 1 (its inputs,
 * their hash and the content's) on the 5th working day or when staff do it; the units' appeals
 * while it is under review; staff's decisions (an upheld appeal issues the next version from the
 * corrected inputs, the one before superseded); the final version once the appeal window is over
 * and no appeal is pending; recomputing a version from its inputs. Freezing and finalising are
 * jobs as well as actions, safe to run twice at once: the version's key and a row lock decide.
 */
import {
  appealUntil, bulletinFigures, bulletinOf, corrected, figureValue, freezeDay,
  type Appeal, type AppealCounts, type Bulletin, type BulletinContent, type BulletinInputs,
} from '../../src/domain/assessment/bulletin'
import { addMonths, shanghaiMonth } from '../../src/domain/cycle'
import { shanghaiDay } from '../../src/domain/time'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { claimEach, type Job } from '../core/jobs'
import type { Scope } from '../core/scope'
import { loadCalendar } from '../feedback/public'
import { figureLabels, hashOf, readFigures, schemeOf, units } from './read'
import type { AppealRow, BulletinRow, MonthRow } from './rows'

const VERSION_COLUMNS = 'month, version, status, content, hash, inputs, inputs_hash, scheme_version, frozen_at, appeal_until, published_at, change_log'

/** The month's inputs read now from the figures: the units, and the month's and the month before's rows. */
export async function liveInputs(db: Queryable, month: string, now: Date): Promise<BulletinInputs> {
  const before = addMonths(month, -1)
  const labels = Object.fromEntries(bulletinFigures.map((figure) => [figure, figureLabels[figure] ?? figure]))
  return { month, before, units: await units(db), rows: await readFigures(db, bulletinFigures, before, month, now), labels }
}

const noAppeals: AppealCounts = { total: 0, pending: 0, upheld: 0, rejected: 0 }

async function appealCounts(db: Queryable, month: string): Promise<AppealCounts> {
  const rows = await db.query<{ status: keyof AppealCounts; n: number }>('SELECT status, count(*)::int AS n FROM assessment_appeals WHERE month = $1 GROUP BY status', [month])
  return rows.reduce((counts, row) => ({ ...counts, [row.status]: row.n, total: counts.total + row.n }), noAppeals)
}

const draftOf = (content: BulletinContent, schemeVersion: number): Bulletin => ({
  ...content, status: 'draft', version: null, versions: [], frozenAt: null, appealUntil: null, publishedAt: null,
  hash: null, inputsHash: null, schemeVersion, changeLog: [], appeals: noAppeals,
})

/**
 * The month's bulletin as `caller` may read it: a version (the current one unless one is named) —
 * only final versions for the public, every version for those who see drafts — or, before any
 * version they may read, the live draft for those who see drafts.
 */
export async function readBulletin(db: Queryable, month: string, version: number | undefined, seesDrafts: boolean, now: Date): Promise<Bulletin> {
  const all = await db.query<BulletinRow>(`SELECT ${VERSION_COLUMNS} FROM assessment_bulletins WHERE month = $1 ORDER BY version`, [month])
  const visible = seesDrafts ? all : all.filter((row) => row.status === 'final')
  const row = version === undefined ? visible.find((r) => r.status !== 'superseded') : visible.find((r) => r.version === version)
  if (!row) {
    if (!seesDrafts || version !== undefined) fail('not_found', version === undefined ? '本月通报尚未发布' : '未找到该版本的通报')
    if (month > shanghaiMonth(now)) fail('not_found', '该月尚未开始')
    return draftOf(bulletinOf(await liveInputs(db, month, now)), (await schemeOf(db, Number(month.slice(0, 4)))).version)
  }
  return {
    ...row.content,
    status: row.status,
    version: row.version,
    versions: visible.map((r) => ({ version: r.version, status: r.status, hash: r.hash, frozenAt: r.frozen_at.toISOString() })),
    frozenAt: row.frozen_at.toISOString(),
    appealUntil: row.appeal_until,
    publishedAt: row.published_at?.toISOString() ?? null,
    hash: row.hash,
    inputsHash: row.inputs_hash,
    schemeVersion: row.scheme_version,
    changeLog: row.change_log,
    appeals: await appealCounts(db, month),
  }
}

/** What a version was made of (null for one frozen before inputs were kept). */
export async function inputsOf(db: Queryable, month: string, version: number): Promise<BulletinInputs | null> {
  const [row] = await db.query<Pick<BulletinRow, 'inputs'>>('SELECT inputs FROM assessment_bulletins WHERE month = $1 AND version = $2', [month, version])
  return row?.inputs ?? null
}

/**
 * Freezes the month into version 1 from `inputs` (read by `liveInputs` before the transaction, so
 * the row locks are held only for the insert), under review until the appeal window closes; false
 * when it already is frozen.
 */
export async function freezeMonth(tx: Scope, inputs: BulletinInputs, by: number | null): Promise<boolean> {
  const { month } = inputs
  const content = bulletinOf(inputs)
  const until = appealUntil(shanghaiDay(tx.now), await loadCalendar(tx.db))
  const scheme = await schemeOf(tx.db, Number(month.slice(0, 4)))
  const hash = hashOf(content)
  const inserted = await tx.db.query<MonthRow>(
    `INSERT INTO assessment_bulletins (month, version, status, content, hash, inputs, inputs_hash, scheme_version, frozen_by, frozen_at, appeal_until)
     VALUES ($1, 1, 'review', $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING RETURNING month`,
    [month, JSON.stringify(content), hash, JSON.stringify(inputs), hashOf(inputs), scheme.version, by, tx.now, until],
  )
  if (inserted.length === 0) return false
  await tx.audit(`assessment_bulletin:${month}`, { version: 1, hash, frozenBy: by })
  await tx.publish({ type: 'bulletin.frozen', key: `bulletin-frozen:${month}`, month, appealUntil: until })
  return true
}

/** The month's current version, locked; `not_found` before it is frozen. */
export async function lockCurrent(db: Queryable, month: string): Promise<BulletinRow> {
  const [row] = await db.query<BulletinRow>(`SELECT ${VERSION_COLUMNS} FROM assessment_bulletins WHERE month = $1 AND status <> 'superseded' FOR UPDATE`, [month])
  return row ?? fail('not_found', '该月通报尚未冻结')
}

/** Makes the locked current version final and tells the units; refused while appeals may still come or wait. */
export async function finalise(tx: Scope, row: BulletinRow, by: number | null): Promise<void> {
  if (row.status === 'final') fail('duplicate', '本月通报已发布，不能重复发布')
  if (shanghaiDay(tx.now) <= row.appeal_until) fail('appeals_open', `申诉期至 ${row.appeal_until}，期满后才能定稿发布`)
  const { pending } = await appealCounts(tx.db, row.month)
  if (pending > 0) fail('appeals_open', `还有 ${pending} 件申诉待处理，处理后才能定稿发布`)
  await tx.db.query(`UPDATE assessment_bulletins SET status = 'final', published_by = $3, published_at = $4 WHERE month = $1 AND version = $2`, [row.month, row.version, by, tx.now])
  await tx.audit(`assessment_bulletin:${row.month}`, { version: row.version, hash: row.hash, final: true })
  const total = (figure: string) => row.content.totals.find((t) => t.figure === figure)?.value ?? 0
  await tx.publish({ type: 'bulletin.published', key: `bulletin-published:${row.month}`, month: row.month, held: total('activities.held'), attendance: total('activities.attendance') })
}

const appealColumns = `a.id, a.month, a.version, a.site_id, s.name AS site_name, a.figure, a.value, a.claimed, a.reason, a.evidence, a.status,
  a.filed_at, a.decided_at, a.note, a.issued_version`

export const appealOf = (row: AppealRow): Appeal => ({
  id: row.id, month: row.month, version: row.version, siteId: row.site_id, siteName: row.site_name, figure: row.figure,
  label: figureLabels[row.figure] ?? row.figure, value: row.value, claimed: row.claimed, reason: row.reason, evidence: row.evidence,
  status: row.status, filedAt: row.filed_at.toISOString(), decidedAt: row.decided_at?.toISOString() ?? null, note: row.note, issuedVersion: row.issued_version,
})

/** The month's appeals, of the given units (all when `siteIds` is undefined), oldest first. */
export async function appealsOf(db: Queryable, month: string, siteIds: readonly string[] | undefined): Promise<Appeal[]> {
  const rows = await db.query<AppealRow>(
    `SELECT ${appealColumns} FROM assessment_appeals a JOIN sites s ON s.id = a.site_id WHERE a.month = $1 AND ($2::text[] IS NULL OR a.site_id = ANY($2)) ORDER BY a.id`,
    [month, siteIds ?? null],
  )
  return rows.map(appealOf)
}

export interface AppealFiling {
  month: string
  siteId: string
  figure: string
  claimed: number
  reason: string
  evidence: string
}

/** Files a unit's appeal against one figure of the version under review. */
export async function fileAppeal(tx: Scope, filing: AppealFiling, by: number): Promise<Appeal> {
  const row = await lockCurrent(tx.db, filing.month)
  if (row.status === 'final') fail('bulletin_final')
  if (shanghaiDay(tx.now) > row.appeal_until) fail('too_late', `申诉期已于 ${row.appeal_until} 截止`)
  const inputs = row.inputs ?? fail('bulletin_final')
  if (!inputs.units.some((unit) => unit.id === filing.siteId)) fail('not_found', '该单位不在本月通报中')
  const value = figureValue(inputs, filing.siteId, filing.figure)
  if (value === filing.claimed) fail('invalid_input', `通报中该项已是 ${value}，无需申诉`)
  const [filed] = await tx.db.query<{ id: number }>(
    `INSERT INTO assessment_appeals (month, version, site_id, figure, value, claimed, reason, evidence, filed_by, filed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
    [filing.month, row.version, filing.siteId, filing.figure, value, filing.claimed, filing.reason, filing.evidence, by, tx.now],
  )
  if (!filed) fail('duplicate', '本单位该项数据已有待处理的申诉')
  await tx.audit(`assessment_appeal:${filed.id}`, { month: filing.month, siteId: filing.siteId, figure: filing.figure, value, claimed: filing.claimed })
  const [appeal] = await appealsById(tx.db, filed.id)
  return appeal
}

const appealsById = async (db: Queryable, id: number) =>
  (await db.query<AppealRow>(`SELECT ${appealColumns} FROM assessment_appeals a JOIN sites s ON s.id = a.site_id WHERE a.id = $1`, [id])).map(appealOf)

export interface AppealDecision {
  appealId: number
  uphold: boolean
  note: string
  /** The corrected value when upheld; the claimed one when not given. */
  value: number | null
}

/** Staff decide a pending appeal once; upheld, the month's next version is issued from the corrected inputs. */
export async function decideAppeal(tx: Scope, decision: AppealDecision, by: number): Promise<Appeal> {
  const [locked] = await tx.db.query<{ id: number; status: string; month: string; site_id: string; figure: string; claimed: number; filed_by: number }>(
    'SELECT id, status, month, site_id, figure, claimed, filed_by FROM assessment_appeals WHERE id = $1 FOR UPDATE', [decision.appealId])
  if (!locked) fail('not_found', '未找到该申诉')
  if (locked.status !== 'pending') fail('already_decided', '该申诉已处理，不能重复处理')
  let issued: number | null = null
  if (decision.uphold) {
    const row = await lockCurrent(tx.db, locked.month)
    if (row.status === 'final') fail('bulletin_final', '通报已定稿，不能再更正')
    const before = row.inputs ?? fail('bulletin_final')
    const to = decision.value ?? locked.claimed
    const inputs = corrected(before, locked.site_id, locked.figure, to)
    const content = bulletinOf(inputs)
    const change = { appealId: locked.id, siteId: locked.site_id, figure: locked.figure, from: figureValue(before, locked.site_id, locked.figure), to, note: decision.note }
    issued = row.version + 1
    await tx.db.query(`UPDATE assessment_bulletins SET status = 'superseded' WHERE month = $1 AND version = $2`, [row.month, row.version])
    await tx.db.query(
      `INSERT INTO assessment_bulletins (month, version, status, content, hash, inputs, inputs_hash, scheme_version, frozen_by, frozen_at, appeal_until, change_log)
       VALUES ($1, $2, 'review', $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [row.month, issued, JSON.stringify(content), hashOf(content), JSON.stringify(inputs), hashOf(inputs), row.scheme_version, by, tx.now, row.appeal_until, JSON.stringify([change])],
    )
  }
  await tx.db.query(`UPDATE assessment_appeals SET status = $2, decided_by = $3, decided_at = $4, note = $5, issued_version = $6 WHERE id = $1`, [
    locked.id, decision.uphold ? 'upheld' : 'rejected', by, tx.now, decision.note, issued,
  ])
  await tx.audit(`assessment_appeal:${locked.id}`, { uphold: decision.uphold, note: decision.note, issuedVersion: issued })
  await tx.publish({ type: 'bulletin.appeal_decided', key: `bulletin-appeal:${locked.id}`, month: locked.month, appellantId: locked.filed_by, uphold: decision.uphold, note: decision.note })
  const [appeal] = await appealsById(tx.db, locked.id)
  return appeal
}

/** Recomputes a frozen version from its inputs alone: identical when both hashes match what was stored. */
export async function recompute(db: Queryable, month: string, version: number | undefined) {
  const rows = await db.query<BulletinRow>(`SELECT ${VERSION_COLUMNS} FROM assessment_bulletins WHERE month = $1 ORDER BY version`, [month])
  if (rows.length === 0) fail('period_open')
  const row = (version === undefined ? rows.find((r) => r.status !== 'superseded') : rows.find((r) => r.version === version)) ?? fail('not_found', '未找到该版本的通报')
  const inputs = row.inputs ?? fail('not_found', '该版本发布于冻结输入之前，无法复算')
  const inputsHash = hashOf(inputs)
  const hash = hashOf(bulletinOf(inputs))
  return { month, version: row.version, inputsHash, hash, storedInputsHash: row.inputs_hash ?? '', storedHash: row.hash, identical: inputsHash === row.inputs_hash && hash === row.hash }
}

/** The jobs: freeze last month once its freeze day has come; make final each version whose appeal window is over. */
export const jobs: Record<string, Job> = {
  freezeMonth: {
    every: 60,
    run: async (ctx) => {
      const month = addMonths(shanghaiMonth(ctx.now), -1)
      if (shanghaiDay(ctx.now) < freezeDay(month, await loadCalendar(ctx.db))) return 0
      if ((await ctx.db.query('SELECT 1 FROM assessment_bulletins WHERE month = $1', [month])).length > 0) return 0
      const inputs = await liveInputs(ctx.db, month, ctx.now)
      return (await ctx.transaction((tx) => freezeMonth(tx, inputs, null))) ? 1 : 0
    },
  },
  finaliseBulletins: {
    every: 60,
    run: async (ctx) =>
      claimEach(ctx, async (tx) => {
        const [row] = await tx.db.query<BulletinRow>(
          `SELECT ${VERSION_COLUMNS} FROM assessment_bulletins b WHERE status = 'review' AND appeal_until < $1::date
             AND NOT EXISTS (SELECT 1 FROM assessment_appeals a WHERE a.month = b.month AND a.status = 'pending')
           ORDER BY month LIMIT 1 FOR UPDATE SKIP LOCKED`,
          [shanghaiDay(tx.now)],
        )
        if (!row) return 0
        await finalise(tx, row, null)
        return 1
      }),
  },
}
