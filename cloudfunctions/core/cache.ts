/**
 * The one short-lived read cache: values keyed per database (a test's database never sees
 * another's) and per key, reused until `ttlMs` has passed. For rows that change rarely and are
 * read constantly (a site, an activity's check-in facts, the names masked on public pages).
 */
import type { Queryable } from './db'

type Entry<V> = { value: V; until: number }

export function readCache<K, V>(ttlMs: number, load: (db: Queryable, key: K) => Promise<V>) {
  const stores = new WeakMap<Queryable, Map<K, Entry<V>>>()
  return async function cached(db: Queryable, key: K, now = Date.now()): Promise<V> {
    let entries = stores.get(db)
    if (!entries) stores.set(db, (entries = new Map()))
    const hit = entries.get(key)
    if (hit && hit.until > now) return hit.value
    const value = await load(db, key)
    entries.set(key, { value, until: now + ttlMs })
    return value
  }
}
