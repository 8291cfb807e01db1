/**
 * Keyset pagination, one helper for every list. The list is ordered by `keys` (SQL expressions,
 * the last one unique, all ascending or all descending); a page is read with LIMIT n + 1 after the
 * cursor's position, and `next` is the opaque cursor of its last row: the key values as PostgreSQL
 * writes them (text, so timestamps keep their microseconds), base64url-encoded JSON.
 */
import { PAGE_DEFAULT, type Page, type PageInput } from '../../src/domain/page'
import type { Queryable, Row } from './db'
import { fail } from './errors'

export interface PageQuery {
  /** The select list, e.g. `c.id, s.name AS "siteName"`. */
  columns: string
  /** FROM and JOINs, e.g. `checkins c JOIN sites s ON s.id = c.site_id`. */
  from: string
  /** Conditions, with `$n` placeholders numbered against `params`. */
  where?: string[]
  params?: unknown[]
  keys: string[]
  desc?: boolean
}

/** A list's filters: `add('kind = ?', value)` keeps the value and numbers its placeholder. */
export function conditions() {
  const where: string[] = []
  const params: unknown[] = []
  return {
    where,
    params,
    add(clause: string, value: unknown) {
      params.push(value)
      where.push(clause.replaceAll('?', `$${params.length}`))
    },
  }
}

const BAD_CURSOR = '分页参数无效，请刷新后重试'
const encode = (values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url')

function decode(cursor: string, size: number): string[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(values) && values.length === size && values.every((value) => typeof value === 'string')) return values
  } catch {
    // falls through to the refusal
  }
  return fail('invalid_input', BAD_CURSOR)
}

export async function pageOf<T>(db: Queryable, query: PageQuery, { cursor, limit = PAGE_DEFAULT }: PageInput): Promise<Page<T>> {
  const params = [...(query.params ?? [])]
  const where = [...(query.where ?? [])]
  const dir = query.desc ? 'DESC' : 'ASC'
  if (cursor) {
    const after = decode(cursor, query.keys.length).map((value) => {
      params.push(value)
      return `$${params.length}`
    })
    where.push(`(${query.keys.join(', ')}) ${query.desc ? '<' : '>'} (${after.join(', ')})`)
  }
  params.push(limit + 1)
  const keyColumns = query.keys.map((key, i) => `(${key})::text AS "_k${i}"`).join(', ')
  const rows = await db.query<Row & Record<`_k${number}`, string>>(
    `SELECT ${query.columns}, ${keyColumns} FROM ${query.from}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${query.keys.map((key) => `${key} ${dir}`).join(', ')} LIMIT $${params.length}`,
    params,
  ).catch((error) => {
    // A forged cursor whose values do not fit the keys' types (a data exception, class 22).
    if (cursor && String(error?.code).startsWith('22')) return fail('invalid_input', BAD_CURSOR)
    throw error
  })
  const more = rows.length > limit
  const items = rows.slice(0, limit).map((row: Row) => {
    const item: Row = {}
    for (const [name, value] of Object.entries(row)) if (!name.startsWith('_k')) item[name] = value
    return item
  })
  const last = rows[limit - 1]
  return { items: items as T[], next: more ? encode(query.keys.map((_, i) => last[`_k${i}`])) : null }
}
