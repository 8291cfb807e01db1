/**
 * What the assessment reads: the other features' figures (cloudfunctions/figures.ts, each an SQL
 * text over its owner's tables), the alliance units (sites' public export), the year's scheme in
 * force, and sha256 over canonical JSON for its hashes.
 */
import { createHash } from 'node:crypto'
import { defaultWeights, type FigureValue, type Scheme, type Unit } from '../../src/domain/assessment'
import { canonicalJson } from '../../src/domain/assessment/bulletin'
import type { Queryable } from '../core/db'
import { readFigure } from '../core/figures'
import { figures } from '../figures'
import { allianceUnits } from '../sites/public'
import type { SchemeRow } from './rows'

const figureByName = new Map(figures.map((figure) => [figure.name, figure]))
export const figureLabels: Record<string, string> = Object.fromEntries(figures.map((figure) => [figure.name, figure.label]))

/**
 * The rows of the named figures for `from`..`to`, judged at `now`; a figure no feature reports yet
 * reads as nothing. The reads go out together: on the server each takes its own connection from
 * the pool (in a transaction, and on PGlite, they queue on the one connection).
 */
export async function readFigures(db: Queryable, names: readonly string[], from: string, to: string, now: Date): Promise<FigureValue[]> {
  const known = names.flatMap((name) => figureByName.get(name) ?? [])
  const read = await Promise.all(known.map(async (figure) => (await readFigure(db, figure, from, to, now)).map((row) => ({ figure: figure.name, ...row }))))
  return read.flat()
}

export const units = async (db: Queryable): Promise<Unit[]> => allianceUnits(db)

export async function schemeOf(db: Queryable, year: number): Promise<Scheme> {
  const [row] = await db.query<SchemeRow>('SELECT year, version, weights, saved_at FROM assessment_schemes WHERE year = $1 ORDER BY version DESC LIMIT 1', [year])
  return row ? { year, version: row.version, weights: row.weights, savedAt: row.saved_at.toISOString() } : { year, version: 0, weights: defaultWeights, savedAt: null }
}

/** sha256 (hex) of a value's canonical JSON: the same value, the same hash, whatever its keys' order. */
export const hashOf = (value: unknown) => createHash('sha256').update(canonicalJson(value)).digest('hex')
