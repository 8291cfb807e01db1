/**
 * assessment: the alliance units' yearly score (考核) and the monthly bulletin (月通报), computed
 * from the other features' figures only (cloudfunctions/figures.ts, each an SQL text over its
 * owner's tables, read by readFigure); it writes only its own tables (the year's weights, versioned,
 * and the published bulletins, frozen with the hash of their content).
 */
import { createHash } from 'node:crypto'
import {
  bulletinFigures, bulletinUnits, defaultWeights, figureNames, rankUnits, round2, scoreUnits, weightsProblem, yearMonths,
  type Bulletin, type FigureValue, type Scheme, type Unit, type YearRanking,
} from '../../src/domain/assessment'
import { assessmentContract } from '../../src/domain/assessment/contract'
import { can } from '../../src/domain/assessment/permissions'
import { addMonths, shanghaiMonth } from '../../src/domain/cycle'
import { everyone, profileIssuers, screeners } from '../core/access'
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'
import { readFigure } from '../core/figures'
import { createMain, defineFunction } from '../core/router'
import { figures } from '../figures'
import { allianceUnits } from '../sites/public'
import type { BulletinRow, SchemeRow, VersionRow } from './rows'

const figureByName = new Map(figures.map((figure) => [figure.name, figure]))
const labels = Object.fromEntries(figures.map((figure) => [figure.name, figure.label]))

/**
 * The rows of the named figures for `from`..`to`, judged at `now`; a figure no feature reports yet
 * reads as nothing. The reads go out together: on the server each takes its own connection from
 * the pool (in a transaction, and on PGlite, they queue on the one connection).
 */
async function readFigures(db: Queryable, names: readonly string[], from: string, to: string, now: Date): Promise<FigureValue[]> {
  const known = names.flatMap((name) => figureByName.get(name) ?? [])
  const read = await Promise.all(known.map(async (figure) => (await readFigure(db, figure, from, to, now)).map((row) => ({ figure: figure.name, ...row }))))
  return read.flat()
}

const units = async (db: Queryable): Promise<Unit[]> => allianceUnits(db)

async function schemeOf(db: Queryable, year: number): Promise<Scheme> {
  const [row] = await db.query<SchemeRow>('SELECT year, version, weights, saved_at FROM assessment_schemes WHERE year = $1 ORDER BY version DESC LIMIT 1', [year])
  return row ? { year, version: row.version, weights: row.weights, savedAt: row.saved_at.toISOString() } : { year, version: 0, weights: defaultWeights, savedAt: null }
}

/** The year's months counted by `now`: none of a year to come, the months so far of this one. */
function monthsOf(year: number, now: Date): { from: string; to: string } {
  const { from, to } = yearMonths(year)
  const current = shanghaiMonth(now)
  if (current < from) fail('not_found', `${year} 年尚未开始`)
  return { from, to: current < to ? current : to }
}

async function ranking(db: Queryable, year: number, now: Date): Promise<YearRanking> {
  const { from, to } = monthsOf(year, now)
  const scheme = await schemeOf(db, year)
  const rows = await readFigures(db, figureNames, from, to, now)
  return { year, scheme, through: to, units: rankUnits(scoreUnits(await units(db), rows, scheme.weights)) }
}

/** The month's bulletin computed from the figures (a draft), with the alliance's totals. */
async function draftOf(db: Queryable, month: string, now: Date): Promise<Bulletin> {
  const before = addMonths(month, -1)
  const rows = await readFigures(db, bulletinFigures, before, month, now)
  const list = bulletinUnits(await units(db), rows, labels, month, before)
  const totals = bulletinFigures.map((figure, i) => {
    const value = round2(list.reduce((t, u) => t + u.lines[i].value, 0))
    const prior = round2(list.reduce((t, u) => t + u.lines[i].before, 0))
    return { figure, label: labels[figure] ?? figure, value, before: prior, change: round2(value - prior) }
  })
  return { month, before, status: 'draft', publishedAt: null, hash: null, units: list, totals }
}

const hashOf = (bulletin: Bulletin) => createHash('sha256').update(JSON.stringify({ ...bulletin, status: 'published', publishedAt: null, hash: null })).digest('hex')

export const definition = defineFunction({
  name: 'assessment',
  contract: assessmentContract,
  openapi: [],
  access: {
    schemes: everyone,
    saveScheme: profileIssuers,
    period: everyone,
    unit: screeners,
    bulletin: everyone,
    publishBulletin: profileIssuers,
  },
  actions: {
    schemes: async ({ db, input }) => schemeOf(db, input.year),

    saveScheme: async ({ input, caller, transaction }) => {
      if (!can(caller, 'configure')) fail('forbidden', '只有区政协工作人员可以设置考核权重')
      const problem = weightsProblem(input.weights)
      if (problem) fail('invalid_input', problem)
      // Of two saves at once the second clashes on the key (23505): refused whole, as a conflict.
      const clash = (error: unknown) => {
        if ((error as { code?: string } | null)?.code === '23505') fail('conflict', '考核方案刚被他人修改，请刷新后重试')
        throw error
      }
      return transaction(async ({ db, now, audit }) => {
        const [last] = await db.query<VersionRow>('SELECT COALESCE(max(version), 0)::int AS version FROM assessment_schemes WHERE year = $1', [input.year])
        const version = last.version + 1
        await db.query('INSERT INTO assessment_schemes (year, version, weights, saved_by, saved_at) VALUES ($1, $2, $3, $4, $5)', [
          input.year, version, JSON.stringify(input.weights), caller.userId, now,
        ])
        await audit(`assessment_scheme:${input.year}`, { version, weights: input.weights })
        return { year: input.year, version, weights: input.weights as Record<string, number>, savedAt: now.toISOString() }
      }).catch(clash)
    },

    period: async ({ db, input, now }) => ranking(db, input.year, now),

    unit: async ({ db, input, now, caller }) => {
      if (!can(caller, 'viewUnit', { siteId: input.siteId })) fail('forbidden', '只能查看本单位的考核详情')
      const result = await ranking(db, input.year, now)
      const unit = result.units.find((u) => u.siteId === input.siteId) ?? fail('not_found', '未找到该联盟单位')
      return { ...unit, year: result.year, scheme: result.scheme, through: result.through }
    },

    bulletin: async ({ db, input, now, caller }) => {
      const [row] = await db.query<BulletinRow>('SELECT month, status, content, hash, published_at FROM assessment_bulletins WHERE month = $1', [input.month])
      if (row) return { ...row.content, status: row.status, hash: row.hash, publishedAt: row.published_at?.toISOString() ?? null }
      if (!can(caller, 'viewDraft')) fail('not_found', '本月通报尚未发布')
      if (input.month > shanghaiMonth(now)) fail('not_found', '该月尚未开始')
      return draftOf(db, input.month, now)
    },

    publishBulletin: async ({ input, caller, transaction }) => {
      if (!can(caller, 'publish')) fail('forbidden', '只有区政协工作人员可以发布月通报')
      return transaction(async ({ db, now, publish, audit }) => {
        if (input.month >= shanghaiMonth(now)) fail('invalid_input', '该月尚未结束，不能发布通报')
        const draft = await draftOf(db, input.month, now)
        const hash = hashOf(draft)
        const inserted = await db.query<VersionRow>(
          `INSERT INTO assessment_bulletins (month, status, content, hash, published_by, published_at) VALUES ($1, 'published', $2, $3, $4, $5)
           ON CONFLICT (month) DO NOTHING RETURNING 1 AS version`,
          [input.month, JSON.stringify(draft), hash, caller.userId, now],
        )
        if (inserted.length === 0) fail('duplicate', '本月通报已发布，不能重复发布')
        await audit(`assessment_bulletin:${input.month}`, { hash })
        const held = draft.totals.find((t) => t.figure === 'activities.held')?.value ?? 0
        const attendance = draft.totals.find((t) => t.figure === 'activities.attendance')?.value ?? 0
        await publish({ type: 'bulletin.published', key: `bulletin-published:${input.month}`, month: input.month, held, attendance })
        return { ...draft, status: 'published', hash, publishedAt: now.toISOString() }
      })
    },
  },
})

export const main = createMain(definition)
