/**
 * Figures: what a feature counts per site and month (Asia/Shanghai), read-only from its own tables,
 * for the assessment and the monthly bulletin. A figure is one SQL text answering
 * `site_id, month ('YYYY-MM'), value` for the months from $1 to $2 (inclusive, as Shanghai dates
 * `YYYY-MM-01` and the first day after), judged at $3 (now: what is due or done by then).
 */
import { addMonths, MONTH } from '../../src/domain/cycle'
import type { Queryable } from './db'
import { fail } from './errors'

export interface Figure {
  /** `<feature>.<what>`, e.g. `checkin.visits`. */
  name: string
  /** What it counts, as the bulletin names it. */
  label: string
  sql: string
}

export interface FigureRow {
  siteId: string
  month: string
  value: number
}

/** Rows of one figure for the months `from`..`to`; sites and months with nothing are absent. */
export async function readFigure(db: Queryable, figure: Figure, from: string, to: string, now: Date): Promise<FigureRow[]> {
  if (!MONTH.test(from) || !MONTH.test(to) || from > to) fail('invalid_input', '月份范围不正确')
  // Only the parameters the figure names: PostgreSQL refuses a statement given more than it uses.
  const params = [`${from}-01`, `${addMonths(to, 1)}-01`, now].slice(0, figure.sql.includes('$3') ? 3 : 2)
  const rows = await db.query<{ site_id: string; month: string; value: number }>(`SELECT site_id, month, value::float8 AS value FROM (${figure.sql}) f ORDER BY site_id, month`, params)
  return rows.map((row) => ({ siteId: row.site_id, month: row.month, value: row.value }))
}

/** A timestamp column's Shanghai month, and its range test against $1..$2. */
export const shanghaiMonthOf = (column: string) => `to_char(${column} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')`
export const inMonths = (column: string) =>
  `${column} >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND ${column} < ($2::date::timestamp AT TIME ZONE 'Asia/Shanghai')`
