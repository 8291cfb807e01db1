/**
 * What the assessment reads: the other features' figures (cloudfunctions/figures.ts, each an SQL
 * text over its owner's tables), the alliance units (sites' public export), the year's scheme in
 * force, and sha256 over canonical JSON for its hashes.
 */
import { createHash } from 'node:crypto'
import { defaultWeights, type FigureValue, type Scheme, type Unit } from '../../src/domain/assessment'
import { canonicalJson } from '../../src/domain/assessment/bulletin'
import { addMonths } from '../../src/domain/cycle'
import type { Queryable } from '../core/db'
import { readFigure } from '../core/figures'
import { figures } from '../figures'
import { allianceUnits } from '../sites/public'
import type { SchemeRow } from './rows'

const figureByName = new Map(figures.map((figure) => [figure.name, figure]))
export const figureLabels: Record<string, string> = Object.fromEntries(figures.map((figure) => [figure.name, figure.label]))

/**
 * The rows of the named figures for `from`..`to`, judged at `now`; a figure no feature reports yet
 * reads as nothing. One after another: the same code runs on a pool and inside a transaction (a
 * freeze, a seeding step), whose one connection takes one query at a time.
 */
export async function readFigures(db: Queryable, names: readonly string[], from: string, to: string, now: Date): Promise<FigureValue[]> {
  const rows: FigureValue[] = []
  for (const figure of names.flatMap((name) => figureByName.get(name) ?? [])) {
    for (const row of await readFigure(db, figure, from, to, now)) rows.push({ figure: figure.name, ...row })
  }
  return rows
}

/** The months from `from` to `to`, inclusive. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  for (let m = from; m <= to; m = addMonths(m, 1)) months.push(m)
  return months
}

/**
 * The named figures for `from`..`to` as the score counts them: a month with a current bulletin
 * version is read from its frozen inputs (what was published, corrections by appeal included; a
 * late record waits for 补录), the other months live from the figures.
 */
export async function scoredFigures(db: Queryable, names: readonly string[], from: string, to: string, now: Date): Promise<FigureValue[]> {
  const frozen = await db.query<{ month: string; figure: string; site_id: string; value: number }>(
    `SELECT b.month, r->>'figure' AS figure, r->>'siteId' AS site_id, (r->>'value')::float8 AS value
       FROM assessment_bulletins b CROSS JOIN LATERAL jsonb_array_elements(b.inputs->'rows') r
      WHERE b.status <> 'superseded' AND b.inputs IS NOT NULL AND b.month BETWEEN $1 AND $2 AND r->>'month' = b.month AND r->>'figure' = ANY($3)`,
    [from, to, names],
  )
  const frozenMonths = new Set((await db.query<{ month: string }>(
    `SELECT month FROM assessment_bulletins WHERE status <> 'superseded' AND inputs IS NOT NULL AND month BETWEEN $1 AND $2`, [from, to])).map((r) => r.month))
  const open = monthsBetween(from, to).filter((m) => !frozenMonths.has(m))
  const live = open.length === 0 ? [] : (await readFigures(db, names, open[0], open[open.length - 1], now)).filter((r) => !frozenMonths.has(r.month))
  return [...frozen.map((r) => ({ figure: r.figure, siteId: r.site_id, month: r.month, value: r.value })), ...live]
}

export const units = async (db: Queryable): Promise<Unit[]> => allianceUnits(db)

/** The year's scheme in force (its latest version), or the version named; version 0 is the default weights. */
export async function schemeOf(db: Queryable, year: number, version?: number): Promise<Scheme> {
  const [row] = await db.query<SchemeRow>(
    'SELECT year, version, weights, saved_at FROM assessment_schemes WHERE year = $1 AND ($2::int IS NULL OR version = $2) ORDER BY version DESC LIMIT 1', [year, version ?? null])
  return row ? { year, version: row.version, weights: row.weights, savedAt: row.saved_at.toISOString() } : { year, version: 0, weights: defaultWeights, savedAt: null }
}

/** sha256 (hex) of a value's canonical JSON: the same value, the same hash, whatever its keys' order. */
export const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex')
