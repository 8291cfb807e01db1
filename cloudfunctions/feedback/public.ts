/**
 * What other features may use of feedback (交办督复评): the holiday calendar that working-day due
 * dates are counted on, and the units matters are handed to. Feedback alone writes them.
 */
import type { Queryable } from '../core/db'
import { fail } from '../core/errors'

export { loadCalendar } from './work'

/** The units named, with their names; `not_found` when one is unknown. */
export async function findUnits(db: Queryable, ids: readonly string[]): Promise<{ id: string; name: string }[]> {
  const rows = await db.query<{ id: string; name: string }>('SELECT id, name FROM units WHERE id = ANY($1::text[]) ORDER BY id', [[...ids]])
  if (rows.length !== new Set(ids).size) fail('not_found', '未找到该承办单位')
  return rows
}
