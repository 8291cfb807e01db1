/** The names of the people the system knows (people's shown names now and before, profiles), masked on public pages. */
import { readCache } from './cache'
import type { Queryable } from './db'
import { isPersonName, maskPublic } from '../../src/domain/mask'

type NameRow = { name: string }

/**
 * A person's display name in SQL: a registered (bound) name when the row `registered` has one,
 * else their nickname, else `fallback` and their number. `user` is the alias of a `users` row.
 */
export const personNameSql = (user: string, registered: string, fallback = '用户') =>
  `COALESCE(NULLIF(${registered}.name, ''), NULLIF(${user}.nickname, ''), '${fallback}' || ${user}.id)`

/** How long the list is reused: people bind or rename rarely, public pages are read constantly. */
export const NAMES_CACHE_MS = 30_000

export const knownNames = readCache<'all', readonly string[]>(NAMES_CACHE_MS, async (db) => {
  const rows = await db.query<NameRow>('SELECT nickname AS name FROM users UNION SELECT unnest(former_names) FROM users UNION SELECT name FROM profiles')
  return rows.map((row) => String(row.name)).filter(isPersonName)
})

/** A masker for one answer: every text through the one rule with the names known now. */
export async function publicMasker(db: Queryable): Promise<(text: string) => string> {
  const names = await knownNames(db, 'all')
  return (text) => maskPublic(text, names)
}
